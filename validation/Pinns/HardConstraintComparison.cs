using System.Diagnostics;
using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Operators.Data;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Validation.Operators;
using static TorchSharp.torch;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// One problem of the hard-constraint benchmark: pi-sc, pi-hc and pi-hc-moe trained on the same data with the same
/// basis network, epochs and seeds, scored by the test relative L2 against the published numbers (a table, figures
/// and targets in the report), and the time per training step and per inference of pi-hc against pi-hc-moe for a few
/// grid sizes.
/// </summary>
/// <param name="Title">What the tables are headed with, e.g. "Diffusion–sorption, 32 x-points × 26 times".</param>
/// <param name="Prefix">Prefix of the report's figure names and the model files ("" or "ns_").</param>
/// <param name="Published">Published test relative L2 of pi-sc, pi-hc and pi-hc-moe.</param>
/// <param name="Train">Training samples (the first of the data set).</param>
/// <param name="Test">Test samples (those after the training samples).</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="Experts">K of pi-hc-moe.</param>
/// <param name="Seeds">Seeds 0, 1, … (weights and shuffling).</param>
internal sealed record HardConstraintComparison(string Title, string Prefix, double[] Published, int Train, int Test, int Epochs, int Experts, int Seeds)
{
    /// <summary>The three models, in the order of the tables.</summary>
    public static readonly string[] Models = ["pi-sc", "pi-hc", "pi-hc-moe"];

    /// <summary>What <see cref="Run"/> leaves for plots and files.</summary>
    /// <param name="Specs">The models' specifications.</param>
    /// <param name="Options">The training options (seed 0).</param>
    /// <param name="TestInputs">(test, 1, grid…).</param>
    /// <param name="TestTargets">(test, nt, grid…).</param>
    /// <param name="Predictions">Seed 0's test predictions per model, (test, nt, grid…).</param>
    /// <param name="Errors">Seed 0's test relative L2 per sample and model.</param>
    public sealed record Outcome(IReadOnlyDictionary<string, OperatorModelSpec> Specs, OperatorTrainerOptions Options, Tensor TestInputs, Tensor TestTargets,
        IReadOnlyDictionary<string, Tensor> Predictions, IReadOnlyDictionary<string, double[]> Errors);

    /// <summary>Trains (or loads from <paramref name="outputDirectory"/>'s cache) and scores the three models, writing the accuracy table and targets.</summary>
    public Outcome Run(ValidationReport report, OperatorDataset data, string outputDirectory, string cacheName, string work)
    {
        var trainSamples = new OperatorSamples(OperatorBenchmark.Inputs(data, 0, Train), OperatorBenchmark.Outputs(data, 0, Train));
        var testInputs = OperatorBenchmark.Inputs(data, Train, Test);
        var testTargets = OperatorBenchmark.Outputs(data, Train, Test);
        var specs = Models.ToDictionary(m => m, m => OperatorModelChoice.For(OperatorKind.PhysicsInformed, data, null, "the data set",
            PhysicsInformedVariant.Parse(m, m == "pi-hc-moe" ? Experts : null)).Spec);
        var options = OperatorTrainingDefaults.For(specs["pi-hc"], Epochs, threads: 1);
        var cache = new RunCache(outputDirectory, cacheName,
            $"{string.Join(" ", specs.Values.Select(s => s.PhysicsInformed! with { Times = [], Axes = [] }))} {options} {string.Join("x", data.GridShape)}x{data.Times.Count} {Train}/{Test}");

        var accuracy = report.Table($"{Title}, {Train} training / {Test} test initial states, {Epochs} epochs, batch {options.BatchSize}; seed 0 in detail, seeds 0–{Seeds - 1} summarised",
            "model", "parameters", "test rel. L2 mean (seed 0)", "± std over test samples", $"mean over {Seeds} seeds", "± std over seeds", "published", "train rel. L2 (seed 0)",
            "training s", "s per step", "inference s / sample", "LM iterations (mean, last batch)");
        var predictions = new Dictionary<string, Tensor>();
        var perSampleErrors = new Dictionary<string, double[]>();
        var seedMeans = new Dictionary<string, double[]>();
        for (int m = 0; m < Models.Length; m++)
        {
            string name = Models[m];
            var means = new double[Seeds];
            object?[] row = [];
            for (int seed = 0; seed < Seeds; seed++)
            {
                // Seed 0 keeps the keys and files of a single-seed run, so its cached models are reused.
                string key = seed == 0 ? name : $"{name}-seed{seed}";
                var trained = OperatorBenchmark.TrainOrLoad(cache, key, Path.Combine(work, $"{Prefix}{key}.model"), OperatorModel.Create(specs[name], seed), trainSamples, null,
                    options with { Seed = seed });
                var model = trained.Model;
                var (prediction, perSample) = OperatorBenchmark.Predict((x, start, count) => model.Predict(x.narrow(0, start, count)), testInputs, options.BatchSize, repeats: 1);
                var errors = OperatorBenchmark.RelativeL2PerSample(prediction, testTargets);
                means[seed] = errors.Average();
                if (seed > 0) continue;
                double std = SeedStatistics.StandardDeviation(errors);
                double trainError = OperatorBenchmark.RelativeL2(model.Predict(trainSamples.Inputs), trainSamples.Targets);
                var solves = ((PhysicsInformedOperator)model.Network).LastSolution?.Solves ?? [];
                string iterations = solves.Count == 0 ? "-" : solves.SelectMany(s => s.Iterations).Average().ToString("F1", CultureInfo.InvariantCulture);
                row = [name, model.ParameterCount, means[0], std, null, null, Published[m], trainError, trained.Seconds, trained.Seconds / trained.Steps, perSample, iterations];
                report.Figure($"{Prefix}{name}_test_relative_l2", means[0]);
                report.Figure($"{Prefix}{name}_test_relative_l2_std", std);
                predictions[name] = prediction;
                perSampleErrors[name] = errors;
            }
            row[4] = means.Average();
            row[5] = Seeds > 1 ? SeedStatistics.StandardDeviation(means) : null;
            accuracy(row);
            report.Figure($"{Prefix}{name}_test_relative_l2_seed_mean", means.Average());
            seedMeans[name] = means;
        }
        string problem = Title.Split(',')[0];
        report.Target($"{problem}: the hard constraint beats the soft constraint (test rel. L2, every seed)", seedMeans["pi-hc"].Zip(seedMeans["pi-sc"]).All(p => p.First < p.Second));
        report.Target($"{problem}: every model's test rel. L2 is finite", perSampleErrors.Values.All(e => e.All(double.IsFinite)));
        report.Target($"{problem}: the experts beat the single hard constraint (the published ordering; mean over seeds)", seedMeans["pi-hc-moe"].Average() < seedMeans["pi-hc"].Average());
        for (int m = 0; m < Models.Length; m++)
        {
            double mean = seedMeans[Models[m]].Average();
            report.Target($"{problem}, {Models[m]}: test rel. L2 (mean over seeds, {mean:G3}) within 1.5× the published {Published[m]:G3}", mean <= 1.5 * Published[m]);
        }
        return new Outcome(specs, options, testInputs, testTargets, predictions, perSampleErrors);
    }

    /// <summary>
    /// The timing table: for each resolution, seconds per training step and per inference of pi-hc and pi-hc-moe
    /// (fresh weights, batch <paramref name="batch"/>, one libtorch thread) on <paramref name="problem"/>'s grid, cached.
    /// </summary>
    public void Timing(ValidationReport report, ParametricProblem problem, IReadOnlyList<int> resolutions, int batch, string outputDirectory, string cacheName)
    {
        var cache = new RunCache(outputDirectory, cacheName, $"timing {problem.Name} {string.Join(",", problem.Configuration.Select(kv => $"{kv.Key}={kv.Value}"))} K={Experts} batch={batch}");
        int nt = problem.OutputTimes(resolutions[0]).Length;
        var timing = report.Table($"{Title.Split(',')[0]}: time per training step (batch {batch}: forward, backward, Adam) and per inference (batch {batch}, no gradients), {nt} times, fresh weights, one libtorch thread, experts solved in parallel .NET tasks",
            "resolution", "collocation points", "pi-hc step s", $"pi-hc-moe (K = {Experts}) step s", "step speed-up", "pi-hc inference s", "pi-hc-moe inference s", "inference speed-up", "LM iterations pi-hc / pi-hc-moe (mean)");
        foreach (int n in resolutions)
        {
            var t = cache.GetOrRun($"timing-{n}", () => TimeSteps(problem, n, batch));
            long points = (long)nt * (long)Math.Pow(n, problem.Dimension);
            timing([problem.Dimension == 1 ? $"{n}" : $"{n}²", points, t[0], t[1], t[0] / t[1], t[2], t[3], t[2] / t[3], $"{t[4]:F1} / {t[5]:F1}"]);
            report.Figure($"{Prefix}step_speed_up_{n}", t[0] / t[1]);
        }
    }

    /// <summary>[hc step, moe step, hc inference, moe inference, hc iterations, moe iterations] at resolution <paramref name="n"/>.</summary>
    private double[] TimeSteps(ParametricProblem problem, int n, int batch)
    {
        Console.Error.WriteLine($"  timing {problem.Name} at {n}");
        var times = problem.OutputTimes(n);
        var axes = problem.Coordinates(n);
        long[] grid = axes.Select(a => (long)a.Length).ToArray();
        string input = problem.InputNames[0];
        var inputs = tensor(Enumerable.Range(0, batch).SelectMany(i => problem.Draw(1, i, n).Inputs[input]).ToArray(), [batch, 1, .. grid], ScalarType.Float64);
        var targets = zeros([batch, times.Length, .. grid], ScalarType.Float64) + 0.5;
        var result = new double[6];
        int column = 0;
        foreach (int? k in new int?[] { null, Experts })
        {
            var basis = OperatorModelChoice.FitBasis(times.Length, axes.Select(a => a.Length).ToArray());
            var options = new PhysicsInformedOptions(problem.Name, times, axes, basis, ConstraintKind.Hard, k);
            var model = OperatorModel.Create(OperatorModelSpec.Of(options), 0);
            var trainer = OperatorTrainingDefaults.For(model.Spec, 1, batch, threads: 1);
            var samples = new OperatorSamples(inputs, targets);
            model.Fit(samples, null, trainer);   // warm-up
            var watch = Stopwatch.StartNew();
            const int repeats = 2;
            for (int r = 0; r < repeats; r++) model.Fit(samples, null, trainer);
            result[column] = watch.Elapsed.TotalSeconds / repeats;
            watch.Restart();
            for (int r = 0; r < repeats; r++) model.Predict(inputs).Dispose();
            result[2 + column] = watch.Elapsed.TotalSeconds / repeats;
            result[4 + column] = ((PhysicsInformedOperator)model.Network).LastSolution!.Solves.SelectMany(s => s.Iterations).Average();
            column++;
        }
        return result;
    }
}
