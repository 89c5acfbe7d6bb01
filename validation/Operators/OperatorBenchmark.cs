using System.Diagnostics;
using System.Globalization;
using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Operators.Data;
using PdeNet.Operators.Losses;
using PdeNet.Operators.Training;
using static TorchSharp.torch;

namespace PdeNet.Validation.Operators;

/// <summary>
/// What the operator benchmarks share: settings from environment variables, cached data sets, data
/// sets as float64 tensors, training that a rerun with the same configuration loads instead of
/// repeating, timed inference, the reference solver's time per sample and the prediction files.
/// </summary>
internal static class OperatorBenchmark
{
    /// <summary>The folder for the report's figures (<c>reports/&lt;name&gt;</c>) and the one for its data sets and models (<c>output/&lt;name&gt;</c>), created.</summary>
    public static (string Figures, string Work) Folders(string reportsDirectory, string outputDirectory, string name) =>
        (Directory.CreateDirectory(Path.Combine(reportsDirectory, name)).FullName, Directory.CreateDirectory(Path.Combine(outputDirectory, name)).FullName);

    /// <summary>The integer in environment variable <paramref name="variable"/>, or <paramref name="fallback"/> when it is unset.</summary>
    /// <exception cref="ArgumentException">The variable is set but is not a positive integer.</exception>
    public static int Setting(string variable, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
            throw new ArgumentException($"environment variable {variable} = '{text}': expected a positive integer", variable);
        return value;
    }

    /// <summary>
    /// The data set of <paramref name="problem"/> at <paramref name="path"/>, generated with the reference solver
    /// unless a finished file with the same settings is there already (an interrupted generation resumes).
    /// </summary>
    /// <returns>The data set read back with <paramref name="stride"/>, and the generation's wall time (0 when the file existed).</returns>
    public static (OperatorDataset Data, double Seconds) Dataset(string path, ParametricProblem problem, ISolver? solver, string solverDescription,
        DatasetGenerationOptions options, int stride = 1)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var generator = new DatasetGenerator(problem, solver, solverDescription);
        int lastTenth = -1;
        var progress = new Progress(p =>
        {
            int tenth = 10 * p.Done / Math.Max(1, p.Total);
            if (Interlocked.Exchange(ref lastTenth, tenth) < tenth)
                Console.Error.WriteLine($"  {problem.Name}: {p.Done}/{p.Total} samples, {p.Elapsed.TotalSeconds:F0} s");
        });
        var report = generator.Generate(path, options, progress);
        return (OperatorDatasetFile.Read(path, stride), report.Generated > 0 ? report.Seconds : 0);
    }

    /// <summary>
    /// Mean wall time of the reference solution of one sample with <paramref name="solver"/> on this thread,
    /// over samples <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1.
    /// The draw of the random input is not timed.
    /// </summary>
    public static double ReferenceSecondsPerSample(ParametricProblem problem, ISolver? solver, int resolution, long seed, long first, int count)
    {
        var watch = new Stopwatch();
        for (long i = first; i < first + count; i++)
        {
            var sample = problem.Draw(seed, i, resolution);
            watch.Start();
            problem.Reference(sample, solver);
            watch.Stop();
        }
        return watch.Elapsed.TotalSeconds / count;
    }

    /// <summary>The input fields of samples <paramref name="first"/> … as a float64 tensor (n, C, n_1, …, n_d).</summary>
    public static Tensor Inputs(OperatorDataset data, int first, int count)
    {
        int channels = data.InputNames.Count, size = data.GridSize;
        var values = new double[(long)count * channels * size];
        for (int s = 0; s < count; s++)
            for (int c = 0; c < channels; c++)
                data.Input(c, first + s).CopyTo(values.AsSpan((s * channels + c) * size, size));
        return tensor(values, [count, channels, .. data.GridShape.Select(n => (long)n)], ScalarType.Float64);
    }

    /// <summary>The outputs of samples <paramref name="first"/> … as a float64 tensor (n, T, n_1, …, n_d).</summary>
    public static Tensor Outputs(OperatorDataset data, int first, int count)
    {
        int block = data.Times.Count * data.GridSize;
        var values = data.Outputs.Slice(first * block, count * block).ToArray();
        return tensor(values, [count, data.Times.Count, .. data.GridShape.Select(n => (long)n)], ScalarType.Float64);
    }

    /// <summary>The outcome of <see cref="TrainOrLoad"/>.</summary>
    /// <param name="Model">The trained model (the best validation epoch's weights when there was validation).</param>
    /// <param name="Seconds">Training wall time, measured when it was trained.</param>
    /// <param name="Steps">Optimiser steps taken.</param>
    public sealed record Trained(OperatorModel Model, double Seconds, long Steps);

    /// <summary>
    /// Trains <paramref name="model"/> and saves it to <paramref name="path"/>, or, when <paramref name="cache"/> holds
    /// <paramref name="key"/> from an earlier run with the same configuration, loads the saved model instead (and sets libtorch's
    /// thread count to the options', so that inference is timed alike).
    /// </summary>
    public static Trained TrainOrLoad(RunCache cache, string key, string path, OperatorModel model, OperatorSamples train, OperatorSamples? validation,
        OperatorTrainerOptions options)
    {
        bool trained = false;
        var values = cache.GetOrRun(key, () =>
        {
            Console.Error.WriteLine($"  training {key}: {model.ParameterCount:N0} parameters, {options.Epochs} epochs, batch {options.BatchSize}");
            var watch = Stopwatch.StartNew();
            var last = Stopwatch.StartNew();
            model.Fit(train, validation, options, new Progress<OperatorEpoch>(e =>
            {
                if (e.Epoch == 1 || e.Epoch == e.Epochs || last.Elapsed.TotalSeconds > 30)
                {
                    last.Restart();
                    Console.Error.WriteLine($"    epoch {e.Epoch}/{e.Epochs}: loss {e.Loss:G4}, validation rel. L2 {e.ValidationRelativeL2?.ToString("G4", CultureInfo.InvariantCulture) ?? "-"}, {watch.Elapsed.TotalSeconds:F0} s");
                }
            }));
            double seconds = watch.Elapsed.TotalSeconds;
            model.Save(path);
            trained = true;
            long steps = (long)options.Epochs * ((train.Count + options.BatchSize - 1) / options.BatchSize);
            return [seconds, steps];
        });
        // A loaded model is timed at the thread count it was trained with, as a freshly trained one is.
        if (!trained) PdeNet.Neural.TorchRuntime.Initialise(options.Seed, options.Threads);
        return new Trained(trained ? model : OperatorModel.Load(path), values[0], (long)values[1]);
    }

    /// <summary>
    /// Predictions for <paramref name="inputs"/> in batches of <paramref name="batch"/>, with the wall time per sample
    /// (the fastest of <paramref name="repeats"/> passes, after a warm-up batch).
    /// </summary>
    public static (Tensor Prediction, double SecondsPerSample) Predict(Func<Tensor, long, long, Tensor> predict, Tensor inputs, int batch, int repeats = 3)
    {
        long n = inputs.shape[0];
        predict(inputs, 0, Math.Min(batch, n)).Dispose();
        Tensor? result = null;
        double best = double.PositiveInfinity;
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            var parts = new List<Tensor>();
            for (long start = 0; start < n; start += batch) parts.Add(predict(inputs, start, Math.Min(batch, n - start)));
            var all = cat(parts, 0);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            foreach (var part in parts) part.Dispose();
            result?.Dispose();
            result = all;
        }
        return (result!, best / n);
    }

    /// <summary>Mean relative L2 error per sample of <paramref name="prediction"/> against <paramref name="target"/>.</summary>
    public static double RelativeL2(Tensor prediction, Tensor target) => Value(new RelativeLpLoss(2).Compute(prediction, target.reshape(prediction.shape)));

    /// <summary>Mean squared error over every entry.</summary>
    public static double Mse(Tensor prediction, Tensor target) => Value(new MseLoss().Compute(prediction, target.reshape(prediction.shape)));

    /// <summary>Relative L2 error of each sample (the first axis).</summary>
    public static double[] RelativeL2PerSample(Tensor prediction, Tensor target)
    {
        var p = prediction.flatten(1);
        var t = target.reshape(prediction.shape).flatten(1);
        return ((p - t).norm(1) / t.norm(1)).to_type(ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>The flattened values of sample <paramref name="s"/> of a (n, …) tensor.</summary>
    public static double[] Sample(Tensor values, long s) => values[s].flatten().to_type(ScalarType.Float64).data<double>().ToArray();

    /// <summary>
    /// A mesh whose nodes are the points of the tensor grid <paramref name="coordinates"/> (uniform axes: an interval
    /// mesh in 1D, the triangulated square grid in 2D), and the map from grid-ordered values (row-major, x slowest) to node order.
    /// </summary>
    public static (PdeNet.Geometry.Meshes.Mesh Mesh, Func<double[], double[]> ToMesh) GridMesh(IReadOnlyList<double[]> coordinates)
    {
        var axes = coordinates.Select(c => (First: c[0], Last: c[^1], Cells: c.Length - 1)).ToArray();
        PdeNet.Geometry.Domain domain = axes.Length switch
        {
            1 => new PdeNet.Geometry.Domains.Interval(axes[0].First, axes[0].Last),
            2 => new PdeNet.Geometry.Domains.Rectangle(axes[0].First, axes[1].First, axes[0].Last, axes[1].Last),
            _ => throw new ArgumentException($"grid meshes are built for 1D and 2D grids, got {axes.Length} axes", nameof(coordinates)),
        };
        var mesh = PdeNet.Geometry.Meshes.GridMesher.Generate(domain, axes.Select(a => a.Cells).ToArray(),
            axes.Length == 1 ? PdeNet.Geometry.Meshes.CellType.Interval : PdeNet.Geometry.Meshes.CellType.Triangle);
        var index = new int[mesh.NodeCount];
        for (int node = 0; node < mesh.NodeCount; node++)
        {
            var x = mesh.Node(node);
            int flat = 0;
            for (int a = 0; a < axes.Length; a++)
                flat = flat * coordinates[a].Length + (int)Math.Round((x[a] - axes[a].First) / (axes[a].Last - axes[a].First) * axes[a].Cells);
            index[node] = flat;
        }
        return (mesh, values => index.Select(i => values[i]).ToArray());
    }

    /// <summary>
    /// Writes reference, prediction and error fields of a few test samples with the project's field writer
    /// (<c>stem.h5</c> and <c>stem.xdmf</c>); the fields are named <c>&lt;kind&gt;_&lt;test sample&gt;</c>.
    /// </summary>
    public static void WritePredictions(string stem, PdeNet.Geometry.Meshes.Mesh mesh, Func<double[], double[]> toMesh,
        IReadOnlyList<(int Sample, double[] Input, double[] Reference, double[] Prediction)> samples, IReadOnlyDictionary<string, object> metadata)
    {
        var fields = new List<Field>();
        foreach (var (sample, input, reference, prediction) in samples)
        {
            fields.Add(new Field($"input_{sample}", mesh, toMesh(input)));
            fields.Add(new Field($"reference_{sample}", mesh, toMesh(reference)));
            fields.Add(new Field($"prediction_{sample}", mesh, toMesh(prediction)));
            fields.Add(new Field($"error_{sample}", mesh, toMesh(prediction.Zip(reference, (p, r) => p - r).ToArray())));
        }
        FieldFile.Write(stem, fields, metadata);
    }

    private static double Value(Tensor scalar)
    {
        using (scalar) return scalar.to_type(ScalarType.Float64).item<double>();
    }

    private sealed class Progress(Action<DatasetProgress> report) : IProgress<DatasetProgress>
    {
        public void Report(DatasetProgress value) => report(value);
    }
}
