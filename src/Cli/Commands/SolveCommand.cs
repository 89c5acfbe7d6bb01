using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet solve &lt;problem&gt; --solver fem|pinn ...</c></summary>
internal static class SolveCommand
{
    public static Command Create(Func<RunSettings, int> run)
    {
        var problem = new Argument<string>("problem") { Description = "problem name (see 'pdenet list')" };
        var solver = new Option<string>("--solver") { Description = "fem or pinn", DefaultValueFactory = _ => "fem" };
        var parameters = new Option<string[]>("--param") { Description = "parameter override name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var meshSize = new Option<double?>("--h") { Description = "mesh size of the finite-element reference (default 1/64)" };
        var noReference = new Option<bool>("--no-reference") { Description = "do not compute the finite-element reference for a surrogate" };
        var weighting = new Option<string>("--weighting") { Description = "PINN loss weighting: static, lra (learning-rate annealing) or relobralo", DefaultValueFactory = _ => "static" };
        var rarEvery = new Option<int>("--rar-every") { Description = "PINN residual-based adaptive refinement every N steps (default 0: never)", DefaultValueFactory = _ => 0 };
        var shared = new RunOptions();
        OptionChecks.RealNumber(meshSize, h => h > 0, "positive");
        OptionChecks.WholeNumber(rarEvery, n => n >= 0, "zero or positive");
        var command = new Command("solve", "solve a problem of the library with one solver, compared against the finite-element reference and the exact solution");
        command.Arguments.Add(problem);
        command.Options.Add(solver);
        command.Options.Add(parameters);
        command.Options.Add(meshSize);
        command.Options.Add(noReference);
        command.Options.Add(weighting);
        command.Options.Add(rarEvery);
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
            result.GetValue(weighting)!,
            result.GetValue(rarEvery))));
        return command;
    }
}
