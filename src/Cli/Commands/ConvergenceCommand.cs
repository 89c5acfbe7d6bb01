using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet convergence &lt;problem&gt; [--element p1|p2] [--levels L] [--n N0] [--param name=value]... [--json]</c></summary>
internal static class ConvergenceCommand
{
    public static Command Create(Func<ConvergenceSettings, int> run)
    {
        var problem = new Argument<string>("problem") { Description = "problem name with an exact solution (see 'pdenet list')" };
        var parameters = new Option<string[]>("--param") { Description = "parameter override name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var levels = new Option<int?>("--levels") { Description = "number of meshes, each refining the last uniformly (default 4 in 1D/2D, 3 in 3D)" };
        var coarsest = new Option<int?>("--n") { Description = "cells per side of the coarsest mesh (default 8 in 1D, 4 in 2D, 2 in 3D)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object on stdout instead of the table" };
        var fem = new FemOptionsOptions();
        OptionChecks.WholeNumber(levels, n => n is >= 2 and <= 12, "2 to 12");
        OptionChecks.WholeNumber(coarsest, n => n >= 1, "at least 1");
        var command = new Command("convergence", "solve a problem with an exact solution on uniformly refined meshes with the finite-element reference; print h, the L2 and H1 errors and the observed rates");
        command.Arguments.Add(problem);
        command.Options.Add(parameters);
        command.Options.Add(levels);
        command.Options.Add(coarsest);
        fem.AddTo(command);
        command.Options.Add(json);
        command.SetAction(result => run(new ConvergenceSettings(
            result.GetValue(problem)!,
            result.GetValue(parameters) ?? [],
            result.GetValue(fem.Element),
            result.GetValue(levels),
            result.GetValue(coarsest),
            result.GetValue(fem.Steps),
            result.GetValue(fem.Scheme),
            result.GetValue(json))));
        return command;
    }
}
