using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PdeNet.Neural;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using PdeNet.Validation.Pinns;
using static TorchSharp.torch;

namespace PdeNet.Validation.Operators;

/// <summary>
/// Training-epoch time of MgNO and LSM in PdeNet beside the released PyTorch code of each paper, run locally on
/// Debian's python3-torch with the same configuration, batch size, loss, optimiser, precision and thread count, the
/// sides alternating within one run. The released code is not part of the repository: the validation reads local
/// copies named by <see cref="MgnoVariable"/> and <see cref="LsmVariable"/>.
/// </summary>
internal sealed class OperatorPerformance(string root) : IValidation
{
    public const string MgnoVariable = "PDENET_MGNO_DIR";
    public const string LsmVariable = "PDENET_LSM_DIR";

    /// <summary>One model: the preset, the grid it trains on, the released code's batch size and loss.</summary>
    private sealed record Case(string Label, string Key, string Preset, int Resolution, int Batch, OperatorLossKind Loss, string Variable, string Repository, string Why);

    private static readonly Case[] Cases =
    [
        new("MgNO", "mgno", "mgno-darcy", 96, 8, OperatorLossKind.RelativeH1, MgnoVariable, "https://github.com/xlliu2017/MgNO",
            "96×96, not 85×85: the released MgConv_DC adds the 4×4 stride-2 transposed convolution of level l+1 to level l without cropping, so with 6 levels the grid must be divisible by 2⁵ (85 fails at 11 vs 12); 96 is the nearest such size above 85 and both sides use it"),
        new("LSM", "lsm", "lsm-darcy", 85, 20, OperatorLossKind.RelativeL2, LsmVariable, "https://github.com/thuml/Latent-Spectral-Models",
            "85×85 padded to 96 inside the model, as in the released Darcy script"),
    ];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;

    public string Name => "operator-performance";

    public string Description => "MgNO and LSM training-epoch time against the released PyTorch code (Darcy-sized grids, float64, 1 and 2 threads)";

    public ValidationReport Run(string outputDirectory)
    {
        int? samplesSetting = Setting("PDENET_OPPERF_SAMPLES", 0) is var given && given > 0 ? given : null;
        int epochs = Setting("PDENET_OPPERF_EPOCHS", 1), rounds = Setting("PDENET_OPPERF_ROUNDS", 1);
        int[] threadCounts = (Environment.GetEnvironmentVariable("PDENET_OPPERF_THREADS") ?? "1").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var report = new ValidationReport(Name, "Neural operator training speed: PdeNet against the released MgNO and LSM code");
        report.Note($"Each side trains the paper's Darcy configuration on the same synthetic Darcy-shaped data (piecewise-constant coefficients 3/12 from a thresholded smooth random field; per epoch two batches for MgNO, one for LSM unless PDENET_OPPERF_SAMPLES says otherwise): "
                    + "MgNO with the relative H1 loss (truncation 20) and Adam with coupled weight decay 1e-4, batch 8; LSM with the relative L2 loss and Adam with coupled weight decay 1e-4, batch 20. "
                    + $"One warm-up epoch, then {epochs} timed epoch{(epochs > 1 ? "s" : "")}, {rounds} round{(rounds > 1 ? "s" : "")} per thread count; within a round PdeNet runs first, then the released code, so both see the same load. "
                    + "Time per epoch of 1000 samples (the Darcy protocol's training set) is the measured time per sample × 1000. Ratios are PdeNet's time over the released code's (target ≤ 1).");
        report.Note("Both sides run in float64. PdeNet's operators default to float64 because libtorch 2.10's float32 conv2d input gradient is wrong on this machine (docs/operators.md); the released code is run in float64 too (model.to(float64), default dtype float64) so both do the same arithmetic. "
                    + "The released scripts' own normalisers and data loaders are not timed; PdeNet's epoch includes its normalisers, index batching, the NaN check and the last-good snapshot.");
        string script = Path.Combine(root, "validation", "pytorch", "operator_epoch_benchmark.py");
        var probe = ExternalProgram.Run(PyTorchPinnPeer.Python, ["-c", "import torch; print(torch.__version__)"]);
        string? torchVersion = probe is { Exit: 0 } p ? p.Output.Trim() : null;
        if (torchVersion is null) report.Note($"{PyTorchPinnPeer.Python} with torch is not available (Debian: apt-get install python3-torch); only PdeNet was measured.");

        var rows = report.Table("Epoch time, s per epoch of the measured samples (wall clock, median of the timed epochs)",
            "model", "grid", "threads", "round", "samples", "parameters PdeNet", "parameters released", "PdeNet s", "released s", "PdeNet / released");
        var summary = report.Table("Summary (medians over the rounds): seconds per 1000-sample epoch",
            "model", "threads", "PdeNet s/epoch", "released s/epoch", "ratio PdeNet / released");
        foreach (var c in Cases)
        {
            int samples = samplesSetting ?? (c.Batch < 10 ? 2 * c.Batch : c.Batch);
            report.Note($"{c.Label}: {c.Why}.");
            string? repository = Environment.GetEnvironmentVariable(c.Variable);
            bool peer = torchVersion is not null && repository is not null && Directory.Exists(repository);
            if (torchVersion is not null && !peer)
                report.Note($"{c.Label}: the released code was not run: set {c.Variable} to a local copy (git clone {c.Repository}).");
            foreach (int threads in threadCounts)
            {
                var ours = new List<double>();
                var theirs = new List<double>();
                for (int round = 1; round <= rounds; round++)
                {
                    var (seconds, parameters) = PdeNetEpoch(c, threads, samples, epochs);
                    ours.Add(seconds);
                    PeerResult? result = peer ? RunPeer(script, c, repository!, threads, samples, epochs) : null;
                    if (result is not null) theirs.Add(result.Seconds);
                    rows([c.Label, $"{c.Resolution}×{c.Resolution}", threads, round, samples, parameters, result?.Parameters, seconds, result?.Seconds, result is null ? null : seconds / result.Seconds]);
                    Console.Error.WriteLine($"  {c.Label} threads {threads} round {round}: PdeNet {seconds:F1} s, released {(result is null ? "-" : result.Seconds.ToString("F1", CultureInfo.InvariantCulture))} s");
                    if (result is not null && result.Parameters != parameters)
                        report.Note($"{c.Label}: parameter counts differ (PdeNet {parameters}, released {result.Parameters}): the configurations are not the same.");
                }
                double perEpochOurs = Median(ours) / samples * 1000;
                report.Figure($"{c.Key}_pdenet_seconds_per_1000_sample_epoch_threads_{threads}", perEpochOurs);
                if (theirs.Count == 0)
                {
                    summary([c.Label, threads, perEpochOurs, null, null]);
                    continue;
                }
                double perEpochTheirs = Median(theirs) / samples * 1000, ratio = perEpochOurs / perEpochTheirs;
                report.Figure($"{c.Key}_released_seconds_per_1000_sample_epoch_threads_{threads}", perEpochTheirs);
                report.Figure($"{c.Key}_ratio_pdenet_over_released_threads_{threads}", ratio);
                summary([c.Label, threads, perEpochOurs, perEpochTheirs, ratio]);
                report.Target($"{c.Label} at {threads} thread{(threads > 1 ? "s" : "")}: PdeNet's epoch time at most the released code's (ratio {ratio:F2})", ratio <= 1);
            }
        }
        if (torchVersion is not null) report.Note($"Released code run with torch {torchVersion} ({PyTorchPinnPeer.Python}); PdeNet with TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch 2.10).");
        report.Note("Settings: PDENET_OPPERF_SAMPLES (samples per epoch), PDENET_OPPERF_EPOCHS (timed epochs), PDENET_OPPERF_ROUNDS, PDENET_OPPERF_THREADS (comma-separated). The machine may be shared: the alternation keeps the ratio fair, absolute times vary with the load.");
        return report;
    }

    /// <summary>Median seconds of PdeNet's timed epochs on <paramref name="samples"/> samples, and the parameter count.</summary>
    private static (double Seconds, long Parameters) PdeNetEpoch(Case c, int threads, int samples, int epochs)
    {
        TorchRuntime.Initialise(0, threads);
        var spec = OperatorPresets.Get(c.Preset).Spec;
        var model = OperatorModel.Create(spec, 0);
        using var scope = NewDisposeScope();
        var (inputs, targets) = DarcyShaped(samples, c.Resolution, model.Network.DType);
        var options = new OperatorTrainerOptions(1 + epochs, c.Batch, new ConstantSchedule(5e-4), WeightDecay: 1e-4, Loss: c.Loss, Threads: threads);
        var marks = new List<long> { Stopwatch.GetTimestamp() };
        model.Fit(new OperatorSamples(inputs, targets), null, options, new Progress(_ => marks.Add(Stopwatch.GetTimestamp())));
        var times = marks.Skip(1).Zip(marks).Select(p => (double)(p.First - p.Second) / Stopwatch.Frequency).Skip(1).ToList();
        return (Median(times), model.ParameterCount);
    }

    /// <summary>Reports epoch ends synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Progress(Action<OperatorEpoch> report) : IProgress<OperatorEpoch>
    {
        public void Report(OperatorEpoch value) => report(value);
    }

    /// <summary>
    /// Coefficients 12 where a bilinearly refined coarse Gaussian field is non-negative and 3 elsewhere, and outputs of
    /// the Darcy solution's size (a bubble scaled by the mean coefficient): the shapes and value ranges of the
    /// benchmark, the same recipe as the peer script's; the values do not change the cost.
    /// </summary>
    private static (Tensor Inputs, Tensor Targets) DarcyShaped(int n, int s, ScalarType dtype)
    {
        var generator = new TorchSharp.torch.Generator(0);
        var psi = randn([n, 1, s / 4 + 1, s / 4 + 1], dtype, generator: generator);
        psi = nn.functional.interpolate(psi, [s, s], mode: InterpolationMode.Bilinear, align_corners: true);
        var a = where(psi >= 0, full_like(psi, 12.0), full_like(psi, 3.0));
        var x = linspace(0, 1, s, dtype: dtype);
        var bubble = (x * (1 - x)).unsqueeze(1) * (x * (1 - x)).unsqueeze(0);
        var u = bubble.unsqueeze(0).unsqueeze(0) * (1 + 0.1 * randn([n, 1, 1, 1], dtype, generator: generator)) / a.mean();
        return (a, u);
    }

    private sealed record PeerResult(double Seconds, long Parameters);

    private static PeerResult? RunPeer(string script, Case c, string repository, int threads, int samples, int epochs)
    {
        var environment = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture) };
        var run = ExternalProgram.Run(PyTorchPinnPeer.Python,
            [script, "--model", c.Key, "--repo", repository, "--threads", $"{threads}", "--samples", $"{samples}", "--epochs", $"{epochs}",
             "--batch", $"{c.Batch}", "--resolution", $"{c.Resolution}", "--dtype", "float64"], environment);
        if (run is not { Exit: 0 } ok)
        {
            Console.Error.WriteLine($"  released {c.Label} failed: {run?.Output}");
            return null;
        }
        string line = ok.Output.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
        using var json = JsonDocument.Parse(line);
        var times = json.RootElement.GetProperty("epoch_seconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
        return new PeerResult(Median(times), json.RootElement.GetProperty("parameters").GetInt64());
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
