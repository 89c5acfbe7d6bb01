using System.CommandLine;
using PdeNet.Cli.Commands;
using PdeNet.Core.Problems;
using PdeNet.Geometry;
using PdeNet.Pinns;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Problems;
using PdeNet.Solvers.Evolution;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>
/// The <c>pdenet</c> command: <c>demo</c>, <c>list</c>, <c>models</c>, <c>solve</c>, <c>convergence</c>, <c>data</c>, <c>train</c>, <c>predict</c> and <c>mesh</c>. Bad input ends with one
/// line "error: ..." on the error stream and exit code 1.
/// </summary>
public static class PdeNetCommandLine
{
    /// <summary>Runs the command line <paramref name="args"/>, writing results to <paramref name="output"/>
    /// and progress, warnings and errors to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int Guarded(Func<int> run)
        {
            try
            {
                return run();
            }
            catch (Exception e) when (e is ArgumentException or ProblemDefinitionException or InvalidGeometryException or IOException or FormatException
                                          or UnauthorizedAccessException or NotSupportedException or InvalidDataException or ArithmeticException or FemSolveException or GridSolveException or TrainingDivergedException
                                          or PdeNet.Neural.Training.LossDivergedException)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        }
        PhysicsInformedOperators.Register(ParametricProblemLibrary.Names.Select(ParametricProblemLibrary.Get));
        int Solve(RunSettings settings) => Guarded(() => new SolveRun(output, error).Execute(settings));

        var root = new RootCommand("PdeNet: define a PDE once, solve it with finite elements and neural surrogates, compare and export");
        root.Subcommands.Add(DemoCommand.Create(Solve));
        root.Subcommands.Add(ListCommand.Create(output));
        root.Subcommands.Add(ModelsCommand.Create(output));
        root.Subcommands.Add(SolveCommand.Create(Solve));
        root.Subcommands.Add(ConvergenceCommand.Create(settings => Guarded(() => new ConvergenceRun(output, error).Execute(settings))));
        root.Subcommands.Add(DataCommand.Create(
            settings => Guarded(() => new DataRun(output, error).Generate(settings)),
            (shards, path) => Guarded(() => new DataRun(output, error).Merge(shards, path)),
            (path, json) => Guarded(() => new DataRun(output, error).Info(path, json))));
        root.Subcommands.Add(TrainCommand.Create((settings, json) => Guarded(() => new OperatorRun(output, error).Train(settings, json))));
        root.Subcommands.Add(PredictCommand.Create((settings, plot, json) => Guarded(() => new OperatorRun(output, error).Predict(settings, plot, json))));
        root.Subcommands.Add(MeshCommand.Create((source, h, folder, json) => Guarded(() => new MeshRun(output).Execute(source, h, folder, json))));
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => e.Message).ToList();
            if (messages.Count > 1) messages.Remove("Required command was not provided.");
            error.WriteLine($"error: {string.Join("; ", messages)} (see 'pdenet --help')");
            return 1;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
