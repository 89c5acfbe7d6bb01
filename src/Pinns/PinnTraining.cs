using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural.Optimization;
using TorchSharp.Modules;
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
    private PinnCheckpoint? _resume;
    private int _round;
    private readonly PinnLoss _loss = new(problem, options);
    private readonly CollocationSamplers _samplers = new(options.Sampling, options.Seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private CollocationSet? _points;
    private double[][] _lastGood = network.Snapshot();
    private int _lastGoodStep;
    private int _step;

    public TrainingHistory History { get; private set; } = new();

    public Dictionary<string, object> Metadata { get; } = [];

    // Collocation tensors live across steps, so they are made outside the per-step dispose scopes.
    private CollocationSet Points => _points ??= CollocationSet.Sample(problem, options, _samplers, network.DType);

    /// <summary>Continues from <paramref name="checkpoint"/>: parameters, step, history and collocation points as they were.</summary>
    public void ResumeFrom(PinnCheckpoint checkpoint)
    {
        checkpoint.LoadInto(network);
        _lastGood = network.Snapshot();
        _step = _lastGoodStep = checkpoint.Step;
        History = checkpoint.History();
        // Replay the resampling rounds so the points (and the random stream) are where they were.
        _ = Points;
        for (int round = 0; round < checkpoint.Header.Round; round++) Resample();
        _resume = checkpoint;
    }

    /// <summary>Adam with an exponential learning-rate decay for <see cref="PinnOptions.Steps"/> steps.</summary>
    public void Adam()
    {
        using var optimizer = optim.Adam(network.Model.parameters(), options.LearningRate);
        double gamma = options.Steps > 0 ? Math.Pow(options.FinalLearningRate / options.LearningRate, 1.0 / options.Steps) : 1;
        double learningRate = options.LearningRate;
        int first = 0;
        if (_resume is { Header.Phase: "adam" } resume)
        {
            using (var stream = new MemoryStream(resume.Optimizer))
            using (var reader = new BinaryReader(stream)) optimizer.load_state_dict(reader);
            first = resume.Step;
            // The same chained product as an uninterrupted run, so the rates agree to the last bit.
            for (int k = 0; k < first; k++) learningRate *= gamma;
            SetLearningRate(optimizer, learningRate);
        }
        else if (_resume is not null)
        {
            return;
        }
        for (int step = first; step <= options.Steps; step++, _step++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (options.ResampleEvery > 0 && step > 0 && step % options.ResampleEvery == 0) Resample();
            _ = Points;
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var terms = _loss.Terms(network, Points);
            var total = _loss.Total(terms);
            double value = Value(total);
            Guard(value);
            // Checkpoints hold only parameters whose loss was just found finite: the state at the top of this step.
            if (options.CheckpointPath is not null && options.CheckpointEvery > 0 && (step > first || _resume is null) && step % options.CheckpointEvery == 0)
                Checkpoint(options.CheckpointPath, "adam", learningRate, optimizer);
            if (step % options.LogEvery == 0 || step == options.Steps) Log("adam", step, options.Steps, value, terms);
            if (step == options.Steps) break;
            total.backward();
            optimizer.step();
            learningRate *= gamma;
            SetLearningRate(optimizer, learningRate);
        }
        Metadata["adam_steps"] = options.Steps;
    }

    private static void SetLearningRate(OptimizerHelper optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    private void Resample()
    {
        _points?.Dispose();
        _points = null;
        _samplers.NextRound();
        _round++;
        _ = Points;
    }

    /// <summary>Writes the training state: parameters, optimiser state (when given), step, round, history.</summary>
    public void Checkpoint(string path, string phase, double learningRate, OptimizerHelper? optimizer) =>
        PinnCheckpoint.Of(problem, options, network, phase, _step, _round, learningRate, History, optimizer).Save(path);

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
        return new PinnSolution(problem, network, options) { Seconds = _clock.Elapsed.TotalSeconds, History = History, Metadata = metadata };
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
        var restored = new PinnSolution(problem, network, options) { Seconds = _clock.Elapsed.TotalSeconds, History = History, Metadata = Metadata };
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
