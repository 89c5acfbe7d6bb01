using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Operators.Data;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.FiniteVolume;
using PdeNet.Solvers.Spectral;
using Spectre.Console;

namespace PdeNet.Cli;

/// <summary>
/// <c>pdenet data</c>: generates a data set of a parametric problem with its reference solver, one
/// sample per core at a time, with progress on the error stream; an interrupted run (Ctrl+C)
/// or SIGTERM keeps its finished blocks and the same command resumes it. Also merges shards and describes files.
/// </summary>
internal sealed class DataRun(TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    public int Generate(DataSettings settings)
    {
        var problem = ParametricProblemLibrary.Get(settings.Problem);
        int resolution = settings.Resolution ?? problem.DefaultResolution;
        var options = new DatasetGenerationOptions(settings.Samples, resolution, settings.Seed, settings.First, settings.Workers, settings.Block).Validate();
        string? folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (folder is not null && !Directory.Exists(folder)) throw new DirectoryNotFoundException($"--out {settings.Out}: the folder {folder} does not exist");
        var (solver, description) = ReferenceSolver(problem, resolution);
        var generator = new DatasetGenerator(problem, solver, description);

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        bool console = ReferenceEquals(error, Console.Error);
        if (console) Console.CancelKeyPress += onCancel;
        // SIGTERM (a batch system ending the job) stops the run the same way: saved blocks stay.
        using var terminate = console ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        }) : null;
        try
        {
            string label = $"{problem.Name} {settings.Samples} samples at {resolution}";
            var report = WithProgress(label, console, progress => generator.Generate(settings.Out, options, progress, stop.Token));
            if (settings.Json)
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    path = report.Path,
                    problem = problem.Name,
                    samples = report.Samples,
                    resumed = report.Resumed,
                    generated = report.Generated,
                    resolution,
                    seed = settings.Seed,
                    first = settings.First,
                    workers = report.Workers,
                    seconds = report.Seconds,
                    seconds_per_sample = report.SecondsPerSample,
                }, JsonOptions));
            }
            else
            {
                string work = report.Generated == 0
                    ? "nothing left to generate"
                    : string.Create(CultureInfo.InvariantCulture, $"{report.Generated} generated, {report.Resumed} kept from an interrupted run; {report.Seconds:F2} s, {report.SecondsPerSample:F3} s per sample with {report.Workers} workers");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Path}: {report.Samples} samples of {problem.Name} at resolution {resolution} (seed {settings.Seed}, first {settings.First}); {work}"));
            }
            return 0;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"interrupted: finished blocks are kept in {DatasetGenerator.PartsFolder(settings.Out)}; run the same command again to resume");
            return 130;
        }
        finally
        {
            if (console) Console.CancelKeyPress -= onCancel;
        }
    }

    public int Merge(string[] shards, string path)
    {
        var merged = OperatorDatasetFile.Merge(shards, path);
        output.WriteLine($"{path}: {merged.Count} samples ({merged.SampleIndices[0]} to {merged.SampleIndices[^1]}) merged from {shards.Length} shards");
        return 0;
    }

    public int Info(string path, bool json)
    {
        var data = OperatorDatasetFile.Read(path);
        var attributes = data.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                path,
                samples = data.Count,
                grid = data.GridShape,
                times = data.Times.Count,
                inputs = data.InputNames,
                output = data.OutputName,
                attributes,
            }, JsonOptions));
            return 0;
        }
        string grid = string.Join(" x ", data.GridShape);
        output.WriteLine($"{path}: {data.Count} samples on a {grid} grid, {data.Times.Count} output time(s)");
        foreach (var name in data.InputNames) output.WriteLine($"  input  {name,-12} ({data.Count}, {string.Join(", ", data.GridShape)})");
        output.WriteLine($"  output {OperatorDatasetFile.OutputDataset,-12} ({data.Count}, {data.Times.Count}, {string.Join(", ", data.GridShape)})  [{data.OutputName}]");
        foreach (var (key, value) in attributes)
            output.WriteLine($"  {key} = {(value is double[] a ? "[" + string.Join(", ", a.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]" : Convert.ToString(value, CultureInfo.InvariantCulture))}");
        return 0;
    }

    /// <summary>The reference solver of <paramref name="problem"/> at <paramref name="resolution"/>, one thread per sample.</summary>
    internal static (ISolver? Solver, string Description) ReferenceSolver(ParametricProblem problem, int resolution) => problem.ReferenceSolver switch
    {
        "exact" => (null, "exact"),
        "fem" => (new FemSolver(new FemOptions(Element: FiniteElement.P1, CellsPerSide: resolution - 1, Threads: 1)),
            $"fem: P1 on the structured triangulation with {resolution - 1} cells per side, CG + AMG, tolerance 1e-10"),
        "spectral" => (new SpectralSolver(new SpectralOptions(TimeStep: problem.ReferenceTimeStep, OutputIntervals: SnapshotIntervals(problem, resolution))),
            $"spectral: Fourier pseudo-spectral, automatic grid (1D: 256 points and up, spectral tail below 1e-10; 2D: 64 points per side) and scheme, {SnapshotIntervals(problem, resolution)} output interval(s){(problem.ReferenceTimeStep is { } dt ? string.Create(CultureInfo.InvariantCulture, $", time step {dt:G6}") : "")}"),
        "finite-volume" => (new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 512, StepsPerOutput: 4, OutputIntervals: 100)),
            "finite-volume: 512 cells, BDF2, 100 snapshot intervals, 4 steps each"),
        var other => throw new NotSupportedException($"problem '{problem.Name}' asks for the reference solver '{other}', which the data command does not know"),
    };

    /// <summary>One snapshot per output time of <paramref name="problem"/>, whose output times are uniform from 0: nt − 1 intervals when t = 0 is an output, otherwise nt.</summary>
    private static int SnapshotIntervals(ParametricProblem problem, int resolution)
    {
        var times = problem.OutputTimes(resolution);
        return Math.Max(1, times[0] == 0 ? times.Length - 1 : times.Length);
    }

    private T WithProgress<T>(string label, bool console, Func<IProgress<DatasetProgress>, T> run)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        bool interactive = console && !Console.IsErrorRedirected && ansi.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            int lastTenth = -1;
            var gate = new Lock();
            return run(new Reporter(p =>
            {
                int tenth = 10 * p.Done / Math.Max(1, p.Total);
                lock (gate)
                {
                    if (tenth <= lastTenth) return;
                    lastTenth = tenth;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Done}/{p.Total} samples ({p.Resumed} resumed), {p.Elapsed.TotalSeconds:F1} s"));
                }
            }));
        }
        T result = default!;
        ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                result = run(new Reporter(p => task.Value = (double)p.Done / Math.Max(1, p.Total)));
                task.Value = 1;
            });
        return result;
    }

    private sealed class Reporter(Action<DatasetProgress> report) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => report(value);
    }
}
