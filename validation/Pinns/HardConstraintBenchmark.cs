using System.Diagnostics;
using System.Globalization;
using PdeNet.Operators.Data;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Problems;
using PdeNet.Reporting.Plots;
using PdeNet.Solvers.FiniteVolume;
using PdeNet.Validation.Operators;
using static TorchSharp.torch;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// Physics-informed hard constraints scaled with a mixture of experts (Chalapathi, Du, Krishnapriyan,
/// ICLR 2024) on diffusion–sorption: the soft constraint (pi-sc), the hard constraint (pi-hc) and the hard
/// constraint with 4 experts along x (pi-hc-moe), sharing the FNO basis network, data, epochs and seed;
/// test relative L2 mean ± std over the test samples against the published 85.9% / 7.6% / 3.6%, and the
/// time per training step and per inference against the number of collocation points, pi-hc vs pi-hc-moe.
/// </summary>
internal sealed class HardConstraintBenchmark(string reportsDirectory) : IValidation
{
    private static readonly (string Name, double Published)[] Models = [("pi-sc", 0.859), ("pi-hc", 0.076), ("pi-hc-moe", 0.036)];

    public string Name => "hard-constraints";

    public string Description => "pi-sc / pi-hc / pi-hc-moe on diffusion-sorption (test rel. L2 vs the published 85.9% / 7.6% / 3.6%) and step times vs collocation points";

    public ValidationReport Run(string outputDirectory)
    {
        int resolution = OperatorBenchmark.Setting("PDENET_HC_NX", 32);
        int times = OperatorBenchmark.Setting("PDENET_HC_NT", 26);
        int train = OperatorBenchmark.Setting("PDENET_HC_TRAIN", 64);
        int test = OperatorBenchmark.Setting("PDENET_HC_TEST", 16);
        int epochs = OperatorBenchmark.Setting("PDENET_HC_EPOCHS", 20);
        int experts = OperatorBenchmark.Setting("PDENET_HC_EXPERTS", 4);
        int seeds = OperatorBenchmark.Setting("PDENET_HC_SEEDS", 3);
        int[] timingGrids = [OperatorBenchmark.Setting("PDENET_HC_TIMING_NX1", 32), OperatorBenchmark.Setting("PDENET_HC_TIMING_NX2", 64), OperatorBenchmark.Setting("PDENET_HC_TIMING_NX3", 128)];
        var report = new ValidationReport(Name, "Physics-informed hard constraints with a mixture of experts: diffusion–sorption");
        var (figures, work) = OperatorBenchmark.Folders(reportsDirectory, outputDirectory, Name);
        var problem = new DiffusionSorptionParametric1D(times);
        PhysicsInformedOperators.Register([problem]);
        var solver = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 512, StepsPerOutput: 4, OutputIntervals: 100));
        var (data, generation) = OperatorBenchmark.Dataset(Path.Combine(work, $"ds-{resolution}x{times}-{train + test}.h5"), problem, solver,
            "finite-volume: 512 cells, BDF2, 100 snapshot intervals, 4 steps each", new DatasetGenerationOptions(train + test, resolution, Seed: 0, Workers: 2));
        var trainSamples = new OperatorSamples(OperatorBenchmark.Inputs(data, 0, train), OperatorBenchmark.Outputs(data, 0, train));
        var testInputs = OperatorBenchmark.Inputs(data, train, test);
        var testTargets = OperatorBenchmark.Outputs(data, train, test);
        var variants = new Dictionary<string, PhysicsInformedVariant>
        {
            ["pi-sc"] = PhysicsInformedVariant.Parse("pi-sc", null),
            ["pi-hc"] = PhysicsInformedVariant.Parse("pi-hc", null),
            ["pi-hc-moe"] = PhysicsInformedVariant.Parse("pi-hc-moe", experts),
        };
        var specs = variants.ToDictionary(v => v.Key, v => OperatorModelChoice.For(OperatorKind.PhysicsInformed, data, null, "the data set", v.Value).Spec);
        var options = OperatorTrainingDefaults.For(specs["pi-hc"], epochs, threads: 1);
        var cache = new RunCache(outputDirectory, Name, $"{string.Join(" ", specs.Values.Select(s => s.PhysicsInformed! with { Times = [], Positions = [] }))} {options} {resolution}x{times} {train}/{test}");

        var accuracy = report.Table($"Diffusion–sorption, {resolution} x-points × {times} times (t = 0 … 500 s), {train} training / {test} test initial states, {epochs} epochs, batch {options.BatchSize}; "
            + $"seed 0 in detail, seeds 0–{seeds - 1} summarised",
            "model", "parameters", "test rel. L2 mean (seed 0)", "± std over test samples", $"mean over {seeds} seeds", "± std over seeds", "published", "train rel. L2 (seed 0)",
            "training s", "s per step", "inference s / sample", "LM iterations (mean, last batch)");
        var predictions = new Dictionary<string, Tensor>();
        var perSampleErrors = new Dictionary<string, double[]>();
        var seedMeans = new Dictionary<string, double[]>();
        foreach (var (name, published) in Models)
        {
            var means = new double[seeds];
            object?[] row = [];
            for (int seed = 0; seed < seeds; seed++)
            {
                // Seed 0 keeps the keys and files of a single-seed run, so its cached models are reused.
                string key = seed == 0 ? name : $"{name}-seed{seed}";
                var trained = OperatorBenchmark.TrainOrLoad(cache, key, Path.Combine(work, $"{key}.model"), OperatorModel.Create(specs[name], seed), trainSamples, null,
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
                row = [name, model.ParameterCount, means[0], std, null, null, published, trainError, trained.Seconds, trained.Seconds / trained.Steps, perSample, iterations];
                report.Figure($"{name}_test_relative_l2", means[0]);
                report.Figure($"{name}_test_relative_l2_std", std);
                predictions[name] = prediction;
                perSampleErrors[name] = errors;
            }
            row[4] = means.Average();
            row[5] = seeds > 1 ? SeedStatistics.StandardDeviation(means) : null;
            accuracy(row);
            report.Figure($"{name}_test_relative_l2_seed_mean", means.Average());
            seedMeans[name] = means;
        }
        report.Target("the hard constraint beats the soft constraint (test rel. L2, every seed)", seedMeans["pi-hc"].Zip(seedMeans["pi-sc"]).All(p => p.First < p.Second));
        report.Target("every model's test rel. L2 is finite", perSampleErrors.Values.All(e => e.All(double.IsFinite)));
        report.Target("the experts beat the single hard constraint (the published ordering; mean over seeds)", seedMeans["pi-hc-moe"].Average() < seedMeans["pi-hc"].Average());
        foreach (var (name, published) in Models)
            report.Target($"{name}: test rel. L2 (mean over seeds, {seedMeans[name].Average():G3}) within 1.5× the published {published:G3}", seedMeans[name].Average() <= 1.5 * published);

        var timing = report.Table($"Time per training step (batch {options.BatchSize}: forward, backward, Adam) and per inference (batch {options.BatchSize}, no gradients), {times} times, fresh weights, one libtorch thread, experts solved in parallel .NET tasks",
            "x-points", "collocation points", "pi-hc step s", $"pi-hc-moe (K = {experts}) step s", "step speed-up", "pi-hc inference s", "pi-hc-moe inference s", "inference speed-up", "LM iterations pi-hc / pi-hc-moe (mean)");
        var speedUps = new List<double>();
        foreach (int nx in timingGrids)
        {
            var times_ = cache.GetOrRun($"timing-{nx}", () => Timing(problem, nx, times, experts, options.BatchSize));
            timing([nx, (long)nx * times, times_[0], times_[1], times_[0] / times_[1], times_[2], times_[3], times_[2] / times_[3], $"{times_[4]:F1} / {times_[5]:F1}"]);
            speedUps.Add(times_[0] / times_[1]);
            report.Figure($"step_speed_up_{nx}", times_[0] / times_[1]);
        }
        report.Figure("data_generation_seconds", generation);

        // Prediction vs reference for the first test sample at three times.
        int shown = 0;
        var x = data.Coordinates[0];
        double[] Row(Tensor values, int k) => values[shown][k].to_type(ScalarType.Float64).data<double>().ToArray();
        foreach (int k in new[] { (times - 1) / 5, (times - 1) / 2, times - 1 })
        {
            double t = data.Times[k];
            ProfilePlot.Save(Path.Combine(figures, $"test-sample-t{t:F0}.png"), x,
                [("reference", Row(testTargets, k)), .. Models.Select(m => (m.Name, (IReadOnlyList<double>)Row(predictions[m.Name], k)))],
                $"diffusion–sorption, test sample {train + shown}, t = {t:F0} s", "x", "u");
        }
        var (mesh, toMesh) = OperatorBenchmark.GridMesh([data.Times.Select(t => t / DiffusionSorptionParametric1D.EndTime).ToArray(), x]);
        foreach (var (name, _) in Models)
        {
            OperatorBenchmark.WritePredictions(Path.Combine(figures, $"predictions-{name}"), mesh, toMesh,
                Enumerable.Range(0, Math.Min(4, test)).Select(s => (train + s,
                    Enumerable.Range(0, times).SelectMany(_ => OperatorBenchmark.Sample(testInputs, s)).ToArray(),
                    OperatorBenchmark.Sample(testTargets, s), OperatorBenchmark.Sample(predictions[name], s))).ToArray(),
                new Dictionary<string, object> { ["model"] = name, ["test_relative_l2"] = perSampleErrors[name].Average(), ["epochs"] = (long)epochs });
        }

        var basis = specs["pi-hc"].PhysicsInformed!.Basis;
        report.Note($"Data: diffusion-sorption-1d (PDEBench's equation and parameters, u(t, 0) = 1, outflow u = −D u_x at x = 1) on x_i = i/{resolution - 1} and t_k = 500 k/{times - 1}; "
                    + "initial states from a seeded smooth random field u₀ = c (1 + Σ_{k≤4} a_k sin(kπx)/k²), c ~ U(0, 0.2), a_k ~ U(−½, ½) (PDEBench draws a uniform u₀ ~ U(0, 0.2)); "
                    + $"reference: our finite-volume solver (512 cells, BDF2, 4 steps per 5 s) evaluated at the grid points; seed 0, samples 0–{train - 1} train, {train}–{train + test - 1} test.");
        report.Note($"Models: the same FNO basis network for all three ({basis.OutChannels} basis functions, width {basis.Width}, {basis.Modes1} × {basis.Modes2} modes in (t, x), {basis.Layers} Fourier layers, "
                    + $"projection {basis.ProjectionWidth}, padding {basis.Padding}) taking u₀ broadcast over the times plus (t, x); constraint rows read from the problem definition "
                    + "(GridConstraintRows: backward difference in t, central differences in x, Dirichlet and Robin rows, each sample's u₀ as initial rows). "
                    + $"pi-sc: trainable weights shared by all samples, loss = relative L2 on the data + the mean square of the rows; pi-hc: per-sample weights by Levenberg–Marquardt "
                    + $"(at most {specs["pi-hc"].PhysicsInformed!.MaxIterations} iterations, tolerance {specs["pi-hc"].PhysicsInformed!.Tolerance:G2}, ridge {specs["pi-hc"].PhysicsInformed!.Ridge:G2}), implicit-function-theorem gradient, "
                    + $"loss = relative L2 on the data; pi-hc-moe: the same with {experts} experts along x, each solving its own weights on its own rows.");
        report.Note($"Training: Adam, learning rate 1e-3 constant, batch {options.BatchSize}, {epochs} epochs, raw inputs and outputs (no normalisers: the rows are in physical units), float64, "
                    + $"one libtorch thread, seeds 0–{seeds - 1} (weights and shuffling). The budget is set by the hard constraint's cost, a few minutes per model on this machine; the soft constraint gets the same epochs. "
                    + "PDENET_HC_NX, _NT, _TRAIN, _TEST, _EPOCHS, _EXPERTS, _SEEDS set the sizes.");
        report.Note("Published (Chalapathi et al., 2024, diffusion–sorption, 1024 x-points × 101 times, 8000 training samples, GPU): test relative L2 85.9% / 7.6% / 3.6% for soft / hard / hard + MoE, "
                    + "and a training speed-up of the experts of 1.6×–3.2× growing with the number of points. Our grids, sample counts and budgets are far smaller; the numbers are not expected to match, "
                    + "only the ordering.");
        report.Note("Reading the numbers: the soft constraint's penalty is the plain mean square of the rows, in which the outflow rows ∂u/∂n + u/D (1/D = 2000) "
                    + "dominate; it drives u towards 0 (see the profiles), so its error stays near 100%, the failure the paper reports (85.9%). The experts are not tied to each "
                    + "other across their interfaces (each solves its own rows with its own weights; the rows next to an interface use the neighbour's values of the expert's own "
                    + "reweighting), and the assembled u jumps there (profiles); on this budget that costs more than the better-conditioned local solves gain. "
                    + "The single hard constraint reaches the 50-iteration limit of Levenberg–Marquardt, the experts converge in about 21 iterations, so their "
                    + "implicit gradients are closer to exact.");
        report.Note("Timing: the step speed-up of the experts stays near 1 on this 2-core CPU (the work of Levenberg–Marquardt is linear in the rows, the experts share two "
                    + "cores with each other and with other jobs), while inference gains from the experts' fewer iterations; the paper's 1.6–3.2× is on a GPU with vmapped experts. "
                    + "The run used DOTNET_GCgen0size=0x20000000: with the default, a run crashed once in pi-hc-moe training with libtorch's 'toDouble' check in add "
                    + "(TorchSharp's temporary Scalar of tensor + tensor finalised during the native call while the expert threads allocate), the crash the project saw before in "
                    + "division; fewer collections make it rarer, and the cache resumes an interrupted run.");
        report.Note($"Figures: ![t = early]({Name}/test-sample-t{data.Times[(times - 1) / 5]:F0}.png) ![t = middle]({Name}/test-sample-t{data.Times[(times - 1) / 2]:F0}.png) "
                    + $"![t = end]({Name}/test-sample-t{data.Times[times - 1]:F0}.png); test samples {train}–{train + Math.Min(4, test) - 1} (input, reference, prediction, error on the (t/500, x) grid) in "
                    + $"{Name}/predictions-<model>.h5 (.xdmf for ParaView).");
        return report;
    }

    /// <summary>
    /// Seconds per training step and per inference of pi-hc and pi-hc-moe on an nx-point grid, and the mean
    /// Levenberg–Marquardt iterations of the last inference: [hc step, moe step, hc inference, moe inference, hc iterations, moe iterations].
    /// </summary>
    private static double[] Timing(DiffusionSorptionParametric1D problem, int nx, int times, int experts, int batch)
    {
        Console.Error.WriteLine($"  timing {nx} x {times}");
        var positions = problem.Coordinates(nx)[0];
        var grid = problem.OutputTimes(nx);
        var inputs = tensor(Enumerable.Range(0, batch).SelectMany(i => problem.Draw(1, i, nx).Inputs["u0"]).ToArray(), [batch, 1, nx], ScalarType.Float64);
        var targets = zeros(batch, times, nx, ScalarType.Float64) + 0.5;
        var result = new double[6];
        int column = 0;
        foreach (int? k in new int?[] { null, experts })
        {
            var basis = OperatorModelChoice.PhysicsInformedBasis;
            var options = new PhysicsInformedOptions(problem.Name, grid, positions, basis with { Modes2 = Math.Min(basis.Modes2, (nx + basis.Padding) / 2 + 1) }, ConstraintKind.Hard, k);
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
