using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet solve &lt;problem&gt; --solver fem|pinn|lpinn|spectral|finite-volume ...</c></summary>
internal static class SolveCommand
{
    public static Command Create(Func<RunSettings, int> run)
    {
        var problem = new Argument<string>("problem") { Description = "problem name (see 'pdenet list')" };
        var solver = new Option<string>("--solver") { Description = "fem, pinn, lpinn, spectral or finite-volume", DefaultValueFactory = _ => "fem" };
        var parameters = new Option<string[]>("--param") { Description = "parameter override name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var meshSize = new Option<double?>("--h") { Description = "mesh size of the finite-element reference (default 1/64)" };
        var noReference = new Option<bool>("--no-reference") { Description = "do not compute the reference (spectral, finite-volume or finite-element) for a surrogate" };
        var shared = new RunOptions();
        OptionChecks.RealNumber(meshSize, h => h > 0, "positive");
        var command = new Command("solve", "solve a problem of the library with one solver, compared against the finite-element reference and the exact solution");
        command.Arguments.Add(problem);
        command.Options.Add(solver);
        command.Options.Add(parameters);
        command.Options.Add(meshSize);
        command.Options.Add(noReference);
        shared.AddTo(command);
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
            result.GetValue(shared.Lbfgs))));
        return command;
    }
}
