using System.CommandLine;
using PdeNet.Operators.Models;
using PdeNet.Pinns.HardConstraints;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet solve &lt;problem&gt; --solver fem|pinn|lpinn|spectral|finite-volume|pi-sc|pi-hc|pi-hc-moe [--experts K] [--element p1|p2] [--h H | --n N] ...</c></summary>
internal static class SolveCommand
{
    public static Command Create(Func<RunSettings, int> run)
    {
        var problem = new Argument<string>("problem") { Description = "problem name (see 'pdenet list')" };
        var solver = new Option<string>("--solver") { Description = "fem, pinn, lpinn, spectral, finite-volume, or the physics-informed pi-sc, pi-hc, pi-hc-moe", DefaultValueFactory = _ => "fem" };
        var parameters = new Option<string[]>("--param") { Description = "parameter override name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var meshSize = new Option<double?>("--h") { Description = "mesh size of the finite-element reference (default 1/64)" };
        var cells = new Option<int?>("--n") { Description = "cells per side of a structured reference mesh (instead of --h)" };
        var noReference = new Option<bool>("--no-reference") { Description = "do not compute the reference (spectral, finite-volume or finite-element) for a surrogate" };
        var weighting = new Option<string>("--weighting") { Description = "PINN loss weighting: static, lra (learning-rate annealing) or relobralo", DefaultValueFactory = _ => "static" };
        var rarEvery = new Option<int>("--rar-every") { Description = "PINN residual-based adaptive refinement every N steps (default 0: never)", DefaultValueFactory = _ => 0 };
        var experts = new Option<int?>("--experts") { Description = $"pi-hc-moe: experts over the space axes (default {PhysicsInformedVariant.DefaultExperts})" };
        var gridTimes = new Option<int?>("--grid-times") { Description = $"pi-*: time levels of the space-time grid (default {new PhysicsInformedSolverOptions().Times})" };
        var gridPoints = new Option<int?>("--grid-points") { Description = "pi-*: points per space axis of the grid (default 32 in 1D, 16 in 2D)" };
        var shared = new RunOptions();
        var fem = new FemOptionsOptions();
        OptionChecks.RealNumber(meshSize, h => h > 0, "positive");
        OptionChecks.WholeNumber(cells, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(rarEvery, n => n >= 0, "zero or positive");
        OptionChecks.WholeNumber(experts, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(gridTimes, n => n >= 2, "at least 2");
        OptionChecks.WholeNumber(gridPoints, n => n >= 3, "at least 3");
        var command = new Command("solve", "solve a problem of the library with one solver, compared against the finite-element reference and the exact solution");
        command.Arguments.Add(problem);
        command.Options.Add(solver);
        command.Options.Add(parameters);
        command.Options.Add(meshSize);
        command.Options.Add(cells);
        command.Options.Add(noReference);
        fem.AddTo(command);
        fem.AddSolveOnlyTo(command);
        command.Options.Add(weighting);
        command.Options.Add(rarEvery);
        command.Options.Add(experts);
        command.Options.Add(gridTimes);
        command.Options.Add(gridPoints);
        shared.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(meshSize) is not null && result.GetResult(cells) is not null) result.AddError("give --h or --n, not both");
            string name = result.GetValue(solver) ?? "";
            if (result.GetResult(experts) is not null && name != "pi-hc-moe") result.AddError($"--experts applies to --solver pi-hc-moe only, not to {name}");
            if ((result.GetResult(gridTimes) is not null || result.GetResult(gridPoints) is not null) && !name.StartsWith("pi-", StringComparison.Ordinal))
                result.AddError($"--grid-times and --grid-points apply to the physics-informed solvers (pi-sc, pi-hc, pi-hc-moe), not to {name}");
        });
        command.SetAction(result => run(new RunSettings(
            result.GetValue(problem)!,
            result.GetValue(solver)!,
            result.GetValue(parameters) ?? [],
            result.GetValue(shared.Out)!,
            result.GetValue(shared.Seed),
            result.GetValue(shared.Epochs),
            result.GetValue(meshSize),
            !result.GetValue(noReference),
            result.GetValue(shared.Threads),
            result.GetValue(shared.Json),
            result.GetValue(shared.Lbfgs),
            result.GetValue(fem.Element),
            result.GetValue(cells),
            result.GetValue(fem.Steps),
            result.GetValue(fem.Scheme),
            result.GetValue(fem.OutputEvery),
            result.GetValue(weighting)!,
            result.GetValue(rarEvery),
            result.GetValue(shared.LearningRate),
            result.GetValue(experts),
            result.GetValue(gridTimes),
            result.GetValue(gridPoints))));
        return command;
    }
}
