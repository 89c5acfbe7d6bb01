using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural.Optimization;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// One training run of a PINN: the network, the loss, the collocation points and the record of
/// the run. Its phases (Adam, then or instead L-BFGS) share the history, the step count and the
/// last-good snapshot: whenever the loss turns NaN or infinite the network goes back to the last
/// parameters with a finite loss and <see cref="TrainingDivergedException"/> is thrown.
/// </summary>
internal sealed class PinnTraining(Problem problem, PinnOptions options, PinnNetwork network, IProgress<SolverProgress>? progress, CancellationToken cancellation) : IDisposable
{
    private readonly PinnLoss _loss = new(problem, options);
    private readonly CollocationSamplers _samplers = new(options.Sampling, options.Seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private CollocationSet? _points;
    private double[][] _lastGood = network.Snapshot();
    private int _lastGoodStep;
    private int _step;

    public TrainingHistory History { get; } = new();

    public Dictionary<string, object> Metadata { get; } = [];

    // Collocation tensors live across steps, so they are made outside the per-step dispose scopes.
    private CollocationSet Points => _points ??= CollocationSet.Sample(problem, options, _samplers, network.DType);

    /// <summary>Adam with an exponential learning-rate decay for <see cref="PinnOptions.Steps"/> steps.</summary>
    public void Adam()
    {
        using var optimizer = optim.Adam(network.Model.parameters(), options.LearningRate);
        double gamma = options.Steps > 0 ? Math.Pow(options.FinalLearningRate / options.LearningRate, 1.0 / options.Steps) : 1;
        var schedule = optim.lr_scheduler.ExponentialLR(optimizer, gamma);
        for (int step = 0; step <= options.Steps; step++, _step++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (options.ResampleEvery > 0 && step > 0 && step % options.ResampleEvery == 0)
            {
                _points?.Dispose();
                _samplers.NextRound();
                _points = null;
            }
            _ = Points;
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var terms = _loss.Terms(network, Points);
            var total = _loss.Total(terms);
            double value = Value(total);
            Guard(value);
            if (step % options.LogEvery == 0 || step == options.Steps) Log("adam", step, options.Steps, value, terms);
            if (step == options.Steps) break;
            total.backward();
            optimizer.step();
            schedule.step();
        }
        Metadata["adam_steps"] = options.Steps;
    }

    /// <summary>L-BFGS with a strong-Wolfe line search on fixed collocation points.</summary>
    public void Lbfgs()
    {
        var points = Points;
        var function = new ParameterFunction(network.Model.parameters(), () => _loss.Total(_loss.Terms(network, points)));
        var x = function.Current();
        int start = _step;
        if (History.Count == 0) LogCurrent("lbfgs", 0, options.LbfgsIterations);
        var lbfgs = new Lbfgs(new LbfgsOptions(MaxIterations: options.LbfgsIterations, History: 50, GradientTolerance: 1e-10, ChangeTolerance: 1e-14));
        var result = lbfgs.Minimize(function, x, (iteration, value) =>
        {
            _step = start + iteration;
            Guard(value);
            if (iteration % options.LogEvery == 0 || iteration == options.LbfgsIterations) LogCurrent("lbfgs", iteration, options.LbfgsIterations);
        }, cancellation);
        function.Load(x);
        _step = start + result.Iterations;
        Guard(result.Value);
        if (History.Count == 0 || History.Steps[^1] < _step) LogCurrent("lbfgs", result.Iterations, options.LbfgsIterations);
        Metadata["lbfgs_iterations"] = result.Iterations;
        Metadata["lbfgs_evaluations"] = result.Evaluations;
        Metadata["lbfgs_stop"] = result.Reason;
    }

    public PinnSolution Solution(Dictionary<string, object> metadata)
    {
        foreach (var (key, value) in Metadata) metadata[key] = value;
        metadata["final_loss"] = History.Count > 0 ? History["loss"][^1] : double.NaN;
        return new PinnSolution(problem, network) { Seconds = _clock.Elapsed.TotalSeconds, History = History, Metadata = metadata };
    }

    /// <summary>Records the step as good, or restores the last good parameters and throws.</summary>
    private void Guard(double value)
    {
        if (double.IsFinite(value))
        {
            _lastGood = network.Snapshot();
            _lastGoodStep = _step;
            return;
        }
        network.Restore(_lastGood);
        var restored = new PinnSolution(problem, network) { Seconds = _clock.Elapsed.TotalSeconds, History = History, Metadata = Metadata };
        throw new TrainingDivergedException(
            $"training diverged at step {_step}: the loss is {value}; the network was restored to step {_lastGoodStep}, the last with a finite loss. Lower the learning rate ({options.LearningRate}) or check the problem's scaling.",
            restored);
    }

    private void LogCurrent(string stage, int step, int total)
    {
        var points = Points;
        using var scope = NewDisposeScope();
        var terms = _loss.Terms(network, points);
        Log(stage, step, total, Value(_loss.Total(terms)), terms);
    }

    private void Log(string stage, int step, int total, double value, IReadOnlyDictionary<string, Tensor> terms)
    {
        var values = new Dictionary<string, double> { ["loss"] = value };
        foreach (var (name, term) in terms) values[name] = Value(term);
        History.Add(_step, values);
        progress?.Report(new SolverProgress(stage, step, total, values));
    }

    private static double Value(Tensor scalar) => scalar.to_type(ScalarType.Float64).item<double>();

    public void Dispose() => _points?.Dispose();
}
