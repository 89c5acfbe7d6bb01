using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PdeNet.Core.IO;
using PdeNet.Core.Problems;
using PdeNet.Pinns;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// Training steps per second of a fixed PINN (poisson-square, 4×50 tanh MLP, 4096 interior points,
/// Laplacian by autograd, Adam) in PdeNet and in plain PyTorch at the same thread counts, the sides
/// alternating within one run (A/B/A/B) so that a load from other processes affects both alike; with
/// the time per phase of a step on both sides, and a check that both train the same network on the
/// same loss (the PyTorch script starts from PdeNet's points and weights and must reproduce its loss
/// history).
/// </summary>
internal sealed class PinnPerformance(string root) : IValidation
{
    private static readonly int[] ThreadCounts = [1, 2];
    private const int Rounds = 3;
    private const int Warmup = 20;
    private const int Steps = 100;
    private const int TraceSteps = 10;

    public string Name => "pinn-performance";

    public string Description => "PINN Adam steps per second (poisson-square, 4x50 tanh, 4096 points) against PyTorch at 1 and 2 threads";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "PINN training speed: PdeNet against PyTorch on the same PINN");
        var problem = PinnBenchmarkCase.Problem();
        var options = PinnBenchmarkCase.Options(1, Warmup + Steps, Warmup);
        report.Note($"PINN: poisson-square (-Δu = f on the unit square, u = 0 on the boundary, k = 1), MLP {string.Join("x", options.HiddenLayers)} {options.Activation.ToString().ToLowerInvariant()} "
                    + $"(inputs scaled to [-1, 1]), {options.InteriorPoints} interior + {options.BoundaryPoints} boundary points, "
                    + $"loss = mean PDE residual² + {options.BoundaryWeight} × mean boundary residual², Laplacian by autograd (three grad calls), Adam {options.LearningRate:G3} decaying to {options.FinalLearningRate:G3}, {options.Precision}.");
        report.Note($"Each measurement: {Warmup} warm-up steps, then {Steps} timed steps. {Rounds} rounds per thread count; each round runs PdeNet's PinnSolver, then each PyTorch peer, then PdeNet's phase breakdown, so all sides see the same load (a peer on the reference BLAS runs in the first round only when a faster peer runs beside it). Ratios are PdeNet steps/s over the peer's steps/s (above 1: PdeNet faster), from the medians over the rounds; the target is on wall-clock time. The process CPU time per step is given too: at one thread a load from other processes distorts it less than the wall clock.");

        string directory = Path.Combine(outputDirectory, Name);
        Directory.CreateDirectory(directory);
        string data = Path.Combine(directory, "initial-state.json");
        var (interior, boundary, parameters) = PdeNetPinnTiming.InitialState(problem, 1);
        AtomicFile.WriteAllText(data, JsonSerializer.Serialize(new { interior, boundary, parameters }));
        var (peers, unavailable) = PyTorchPinnPeer.Find(Path.Combine(root, "validation", "pytorch", "pinn_step_benchmark.py"), data);
        if (unavailable is not null)
        {
            report.Note($"PyTorch peer skipped: {unavailable}. Only PdeNet was measured.");
            report.Passed = false;
        }
        if (peers.Count == 1 && !peers[0].Label.Contains("OpenBLAS", StringComparison.Ordinal))
            report.Note($"Only {peers[0].Label} was run. PyTorch with an optimised BLAS is a stronger peer: apt-get install libopenblas0-pthread (this switches the system's BLAS), or unpack it (apt-get download libopenblas0-pthread; dpkg -x) and set {PyTorchPinnPeer.OpenBlasVariable} to its openblas-pthread folder.");

        var versions = CompareLosses(report, problem, peers);

        // The reference BLAS is several times slower than the other sides: with a faster peer beside it, one round of it is enough.
        bool EveryRound(PyTorchPinnPeer peer) => !peer.ReferenceBlas || peers.Count == 1;
        var rows = report.Table("Alternating runs (A/B): ms per step, wall clock and process CPU time",
            ["threads", "round", "PdeNet wall", "PdeNet CPU", .. peers.SelectMany(p => new[] { $"{p.Label} wall", $"{p.Label} CPU" })]);
        var summary = report.Table("Summary (medians over the rounds)",
            "threads", "side", "rounds", "ms/step", "steps/s", "CPU ms/step", "PdeNet / side steps/s", "PdeNet / side, CPU time");
        var columns = new List<PhaseColumn>();
        foreach (int threads in ThreadCounts)
        {
            var ours = new List<(double Wall, double Cpu)>();
            var ourPhases = new List<Dictionary<string, double>>();
            var theirs = peers.Select(_ => new List<PyTorchPinnPeer.Result>()).ToArray();
            for (int round = 1; round <= Rounds; round++)
            {
                var (ms, cpu, _) = PdeNetPinnTiming.Solver(problem, threads, Warmup, Steps, Warmup);
                ours.Add((ms, cpu));
                var row = new List<object?> { threads, round, ms, cpu };
                for (int p = 0; p < peers.Count; p++)
                {
                    PyTorchPinnPeer.Result? result = round == 1 || EveryRound(peers[p]) ? peers[p].Run(threads, Warmup, Steps, Warmup + Steps) : null;
                    if (result is not null) theirs[p].Add(result);
                    row.AddRange([result?.MsPerStep, result?.CpuMsPerStep]);
                }
                var phases = PdeNetPinnTiming.Breakdown(problem, threads, Warmup, Steps);
                foreach (var (name, value) in PdeNetPinnTiming.LossAnatomy(problem, threads, Warmup / 2, Steps / 2)) phases[name] = value;
                ourPhases.Add(phases);
                rows([.. row]);
                Console.Error.WriteLine($"  threads {threads}, round {round}: ms/step (wall, CPU), PdeNet first: "
                                        + string.Join(", ", row.Skip(2).Select(v => v is double d ? d.ToString("F1", CultureInfo.InvariantCulture) : "-")));
            }
            double ourWall = Median(ours.Select(o => o.Wall).ToList()), ourCpu = Median(ours.Select(o => o.Cpu).ToList());
            report.Figure($"pdenet_ms_per_step_threads_{threads}", ourWall);
            report.Figure($"pdenet_cpu_ms_per_step_threads_{threads}", ourCpu);
            summary([threads, "PdeNet", ours.Count, ourWall, 1000 / ourWall, ourCpu, null, null]);
            columns.Add(new PhaseColumn($"PdeNet T={threads}", MedianPhases(ourPhases), ourWall));
            var ratios = new List<(string Label, double Ratio)>();
            for (int p = 0; p < peers.Count; p++)
            {
                double wall = Median(theirs[p].Select(r => r.MsPerStep).ToList()), cpu = Median(theirs[p].Select(r => r.CpuMsPerStep).ToList());
                string key = peers[p].Key;
                report.Figure($"{key}_ms_per_step_threads_{threads}", wall);
                report.Figure($"{key}_cpu_ms_per_step_threads_{threads}", cpu);
                report.Figure($"ratio_pdenet_over_{key}_steps_per_second_threads_{threads}", wall / ourWall);
                report.Figure($"ratio_pdenet_over_{key}_cpu_threads_{threads}", cpu / ourCpu);
                summary([threads, peers[p].Label, theirs[p].Count, wall, 1000 / wall, cpu, wall / ourWall, cpu / ourCpu]);
                columns.Add(new PhaseColumn($"{peers[p].Label} T={threads}", MedianPhases(theirs[p].Select(r => r.Phases).ToList()), wall));
                ratios.Add((peers[p].Label, wall / ourWall));
            }
            if (ratios.Count > 0)
            {
                var (fastest, ratio) = ratios.MinBy(r => r.Ratio);
                report.Target($"PdeNet at least as fast as the fastest PyTorch peer ({fastest}) at {threads} thread{(threads > 1 ? "s" : "")}: steps/s ratio {ratio:F3}", ratio >= 1);
            }
        }
        AddPhases(report, columns);

        report.Note($"PdeNet: TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch 2.10 as shipped in libtorch-cpu-linux-x64, its own BLAS); PyTorch: {string.Join("; ", versions.Select(v => $"{v.Label}: torch {v.Version}, BLAS loaded: {string.Join(", ", v.Blas)}"))} (Debian's python3-torch, {PyTorchPinnPeer.Python}). Every side sets its thread count explicitly (TorchRuntime.Initialise / torch.set_num_threads, OPENBLAS_NUM_THREADS).");
        report.Note(BuildNote());
        report.Note(WaitPolicyNote());
        report.Note("The machine may be shared: absolute times vary with the load of other processes, the alternation keeps the ratio fair. Re-run on a quiet machine for absolute figures.");
        return report;
    }

    private sealed record PhaseColumn(string Label, Dictionary<string, double> Phases, double WholeStep);

    /// <summary>Runs both sides for a few steps from the same points and weights and compares the losses.</summary>
    private static List<(string Label, string Version, IReadOnlyList<string> Blas)> CompareLosses(ValidationReport report, Problem problem, IReadOnlyList<PyTorchPinnPeer> peers)
    {
        var versions = new List<(string, string, IReadOnlyList<string>)>();
        if (peers.Count == 0) return versions;
        var ours = PdeNetPinnTiming.Solver(problem, 1, 0, TraceSteps, 1).Losses;
        var results = peers.Select(p => p.Run(1, 0, TraceSteps, TraceSteps, TraceSteps)).ToArray();
        var add = report.Table($"Same network, same loss: the first {TraceSteps} Adam steps from PdeNet's points and initial weights (1 thread)",
            ["step", "PdeNet loss", .. peers.SelectMany(p => new[] { $"{p.Label} loss", "relative difference" })]);
        var first = new double[peers.Count];
        var worst = new double[peers.Count];
        for (int step = 0; step < TraceSteps; step++)
        {
            var row = new List<object?> { step, ours[step] };
            for (int p = 0; p < peers.Count; p++)
            {
                double theirs = results[p].Losses[step], difference = Math.Abs(ours[step] - theirs) / Math.Abs(theirs);
                if (step == 0) first[p] = difference;
                worst[p] = Math.Max(worst[p], difference);
                row.AddRange([theirs, difference]);
            }
            add([.. row]);
        }
        for (int p = 0; p < peers.Count; p++)
        {
            report.Target($"{peers[p].Label}: the initial losses agree to float32 round-off (relative difference {first[p]:E2} ≤ 1e-5)", first[p] <= 1e-5);
            report.Target($"{peers[p].Label}: the losses of the first {TraceSteps} Adam steps agree to 1e-3 (worst {worst[p]:E2})", worst[p] <= 1e-3);
            versions.Add((peers[p].Label, results[p].Version, results[p].Blas));
        }
        report.Figure("loss_relative_difference_step_0", first.Max());
        report.Figure("loss_relative_difference_max", worst.Max());
        return versions;
    }

    private static void AddPhases(ValidationReport report, List<PhaseColumn> columns)
    {
        var add = report.Table("Where a step's time goes: ms per step (medians over the rounds)", ["phase", .. columns.Select(c => c.Label)]);
        (string Label, string Key)[] phases =
        [
            ("loss: zero_grad, forward, derivatives, residual, boundary, loss read back", "loss"),
            ("  of which: zero_grad and the network on the interior points", "forward"),
            ("  of which: derivatives by autograd (∇u, then u_xx, u_yy)", "derivatives"),
            ("  of which: residual -Δu - f and its mean", "residual"),
            ("  of which: boundary term, total, read back", "boundary"),
            ("backward", "backward"),
            ("optimizer step and learning rate", "optimizer"),
            ("last-good parameter snapshot (PdeNet's NaN guard)", "snapshot"),
            ("freeing the step's tensors (dispose scope)", "dispose"),
        ];
        foreach (var (label, key) in phases) add([label, .. columns.Select(c => c.Phases.TryGetValue(key, out double v) ? (object?)v : null)]);
        string[] topLevel = ["loss", "backward", "optimizer", "snapshot", "dispose"];
        add(["sum of the top-level phases", .. columns.Select(c => (object?)topLevel.Sum(k => c.Phases.GetValueOrDefault(k)))]);
        add(["whole step (timed solver / script run)", .. columns.Select(c => (object?)c.WholeStep)]);
        report.Note("PdeNet's phases are timed on the solver's building blocks (PinnNetwork, PinnLoss, CollocationSet, AdamOptimizer, one dispose scope per step, the last-good snapshot) in a separate run after the round's timed runs; the split of the loss is timed on TensorJet and TensorEvaluator with no backward. PyTorch's phases are timed inside its timed run.");
    }

    private static Dictionary<string, double> MedianPhases<T>(List<T> runs) where T : IReadOnlyDictionary<string, double> =>
        runs.Count == 0 ? [] : runs[0].Keys.ToDictionary(k => k, k => Median(runs.Select(r => r[k]).ToList()));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// OpenMP's wait policy, which both sides inherit from the environment (libtorch's and Debian's torch's libgomp
    /// read it when they load). By default an OpenMP thread spins at a barrier before it sleeps; when other processes
    /// occupy the cores, two threads spinning for each other made a step many times slower than one thread.
    /// </summary>
    private static string WaitPolicyNote()
    {
        string? policy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        return policy is null
            ? "OMP_WAIT_POLICY was not set: OpenMP threads spin at barriers (libgomp's default). On a machine loaded by other processes this makes 2-thread steps of both sides many times slower than 1-thread steps; there run the validation as `OMP_WAIT_POLICY=PASSIVE dotnet run -c Release --project validation -- pinn-performance` (both sides inherit it)."
            : $"OMP_WAIT_POLICY={policy} for both sides (inherited from the environment; libgomp's default, unset, spins at barriers, which on a loaded machine made 2-thread steps many times slower).";
    }

    /// <summary>Whether PdeNet ran JIT-optimised: `dotnet run` builds Debug unless told -c Release.</summary>
    private static string BuildNote()
    {
        var debuggable = typeof(PinnSolver).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().FirstOrDefault();
        return debuggable?.IsJITOptimizerDisabled == true
            ? "PdeNet ran from a Debug build, with the JIT optimiser off for its assemblies; time it from a Release build: `dotnet run -c Release --project validation -- pinn-performance`."
            : "PdeNet ran from an optimised (Release) build: `dotnet run -c Release --project validation -- pinn-performance`.";
    }
}
