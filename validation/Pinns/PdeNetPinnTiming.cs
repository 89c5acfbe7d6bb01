using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Pinns;
using static TorchSharp.torch;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// Times PdeNet's PINN training: whole Adam steps of <see cref="PinnSolver"/> through its public API,
/// and where a step's time goes, measured on the building blocks the solver's training loop uses
/// (PinnNetwork, PinnLoss, CollocationSet, TorchSharp's Adam, the per-step dispose scope, the last-good
/// snapshot) and, inside the loss, on TensorJet and TensorEvaluator.
/// </summary>
internal static class PdeNetPinnTiming
{
    /// <summary>Milliseconds per Adam step of <see cref="PinnSolver"/>, wall clock and the process's CPU time: the
    /// interval between the progress reports at steps <paramref name="warmup"/> and <paramref name="warmup"/> +
    /// <paramref name="steps"/> (both sent after the step's loss, so it holds exactly <paramref name="steps"/> whole
    /// steps); and the losses of the run.</summary>
    public static (double MsPerStep, double CpuMsPerStep, IReadOnlyList<double> Losses) Solver(Problem problem, int threads, int warmup, int steps, int logEvery)
    {
        if (warmup % logEvery != 0 || steps % logEvery != 0) throw new ArgumentException("the warm-up and timed steps must be multiples of the logging interval");
        var clock = new StepClock();
        var solution = new PinnSolver(PinnBenchmarkCase.Options(threads, warmup + steps, logEvery)).Solve(problem, clock);
        var (start, end) = (clock.At[warmup], clock.At[warmup + steps]);
        double ms = 1000.0 * (end.Wall - start.Wall) / Stopwatch.Frequency / steps;
        return (ms, (end.Cpu - start.Cpu).TotalMilliseconds / steps, solution.History!["loss"]);
    }

    /// <summary>The phases of a training step, ms per step averaged over <paramref name="steps"/> steps after
    /// <paramref name="warmup"/>, in the order of the loop in PinnTraining.Adam.</summary>
    public static Dictionary<string, double> Breakdown(Problem problem, int threads, int warmup, int steps)
    {
        var options = PinnBenchmarkCase.Options(threads, warmup + steps, warmup + steps);
        TorchRuntime.Initialise(options.Seed, options.Threads);
        using var network = new PinnNetwork(problem, options);
        var loss = new PinnLoss(problem, options, new Dictionary<string, Tensor>(), network.DType);
        var balancer = new LossBalancer(options.WeightingScheme, options.FixedWeights, network.Model.parameters(), options.Seed);
        using var points = CollocationSet.Sample(problem, options, new CollocationSamplers(options.Sampling, options.Seed), network.DType);
        using var optimizer = new AdamOptimizer(network.Model.parameters(), new AdamOptions(options.LearningRate));
        double gamma = Math.Pow(options.FinalLearningRate / options.LearningRate, 1.0 / options.Steps), learningRate = options.LearningRate;
        string[] names = ["loss", "backward", "optimizer", "snapshot", "dispose"];
        var ticks = new long[names.Length];
        for (int step = 0; step < warmup + steps; step++)
        {
            if (step == warmup) Array.Clear(ticks);
            long t0 = Stopwatch.GetTimestamp();
            var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var total = balancer.Total(loss.Terms(network, points));
            double value = total.to_type(ScalarType.Float64).item<double>();
            if (!double.IsFinite(value)) throw new InvalidOperationException($"the loss is {value} at step {step}");
            long t1 = Stopwatch.GetTimestamp();
            total.backward();
            long t2 = Stopwatch.GetTimestamp();
            optimizer.Step();
            learningRate *= gamma;
            optimizer.LearningRate = learningRate;
            long t3 = Stopwatch.GetTimestamp();
            _ = ParameterSnapshot.Of(network.Model.parameters());
            long t4 = Stopwatch.GetTimestamp();
            scope.Dispose();
            long t5 = Stopwatch.GetTimestamp();
            ticks[0] += t1 - t0;
            ticks[1] += t2 - t1;
            ticks[2] += t3 - t2;
            ticks[3] += t4 - t3;
            ticks[4] += t5 - t4;
        }
        return names.Select((name, i) => (name, ms: 1000.0 * ticks[i] / Stopwatch.Frequency / steps)).ToDictionary(p => p.name, p => p.ms);
    }

    /// <summary>Inside the loss: the interior network pass, the derivatives the residual needs (autograd),
    /// the residual's evaluation and mean, and the boundary term with the total read back; ms per step,
    /// loss only (no backward), averaged over <paramref name="steps"/> evaluations after <paramref name="warmup"/>.</summary>
    public static Dictionary<string, double> LossAnatomy(Problem problem, int threads, int warmup, int steps)
    {
        var options = PinnBenchmarkCase.Options(threads, warmup + steps, warmup + steps);
        TorchRuntime.Initialise(options.Seed, options.Threads);
        using var network = new PinnNetwork(problem, options);
        using var points = CollocationSet.Sample(problem, options, new CollocationSamplers(options.Sampling, options.Seed), network.DType);
        var residual = Lowering.Lower(problem.Equation!.Residual, problem.Dimension);
        var derivatives = residual.Nodes().OfType<Unknown>().Where(w => w.Order > 0).Distinct().ToArray();
        string[] names = ["forward", "derivatives", "residual", "boundary"];
        var ticks = new long[names.Length];
        for (int step = 0; step < warmup + steps; step++)
        {
            if (step == warmup) Array.Clear(ticks);
            using var scope = NewDisposeScope();
            long t0 = Stopwatch.GetTimestamp();
            var u = network.Forward(points.Interior);
            long t1 = Stopwatch.GetTimestamp();
            var jet = new TensorJet(points.Interior, u, problem.Unknown, problem.Dimension, problem.IsTimeDependent, null);
            foreach (var w in derivatives) jet.Get(w);
            long t2 = Stopwatch.GetTimestamp();
            var pde = new TensorEvaluator(jet, problem.ValueOf, network.DType).Evaluate(residual).square().mean();
            long t3 = Stopwatch.GetTimestamp();
            var boundary = points.Boundary.Select(g =>
            {
                var ub = network.Forward(g.Points);
                var boundaryJet = new TensorJet(g.Points, ub, problem.Unknown, problem.Dimension, problem.IsTimeDependent, g.Normals);
                return new TensorEvaluator(boundaryJet, problem.ValueOf, network.DType).Evaluate(g.Residual).square().sum();
            }).Aggregate((a, b) => a + b) / points.BoundaryCount;
            double value = (pde + options.BoundaryWeight * boundary).to_type(ScalarType.Float64).item<double>();
            long t4 = Stopwatch.GetTimestamp();
            if (!double.IsFinite(value)) throw new InvalidOperationException($"the loss is {value}");
            ticks[0] += t1 - t0;
            ticks[1] += t2 - t1;
            ticks[2] += t3 - t2;
            ticks[3] += t4 - t3;
        }
        return names.Select((name, i) => (name, ms: 1000.0 * ticks[i] / Stopwatch.Frequency / steps)).ToDictionary(p => p.name, p => p.ms);
    }

    /// <summary>The solver's initial state for the PyTorch peer: interior and boundary points and the
    /// initial parameters (weights (out, in) row-major, then biases, layer by layer), as the solver
    /// draws them for <paramref name="threads"/> threads and the seed of the case.</summary>
    public static (double[] Interior, double[] Boundary, double[][] Parameters) InitialState(Problem problem, int threads)
    {
        var options = PinnBenchmarkCase.Options(threads, 1, 1);
        TorchRuntime.Initialise(options.Seed, options.Threads);
        using var network = new PinnNetwork(problem, options);
        using var points = CollocationSet.Sample(problem, options, new CollocationSamplers(options.Sampling, options.Seed), network.DType);
        if (points.Periodic.Count > 0 || points.Boundary.Count != 1)
            throw new InvalidOperationException($"the PyTorch peer expects one boundary group (u = 0); '{problem.Name}' has {points.Boundary.Count} and {points.Periodic.Count} periodic");
        static double[] Values(Tensor t) => t.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        return (Values(points.Interior), Values(points.Boundary[0].Points), network.Model.parameters().Select(p => Values(p)).ToArray());
    }

    /// <summary>Wall-clock timestamps and process CPU times of the solver's progress reports by step.</summary>
    private sealed class StepClock : IProgress<SolverProgress>
    {
        public Dictionary<int, (long Wall, TimeSpan Cpu)> At { get; } = [];

        public void Report(SolverProgress value) => At[value.Step] = (Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);
    }
}
