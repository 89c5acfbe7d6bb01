using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// One training run of a PINN: the network, the loss on the collocation points, and a
/// <see cref="Trainer"/> that runs the phases (Adam, then or instead L-BFGS). Adds what is particular
/// to PINNs: collocation points drawn afresh every few steps, checkpoints that carry the problem and
/// options, and a diverging run reported with the restored network as a solution.
/// </summary>
internal sealed class PinnTraining : ITrainingObjective, IDisposable
{
    private readonly Problem _problem;
    private readonly PinnOptions _options;
    private readonly PinnNetwork _network;
    private readonly PinnLoss _loss;
    private readonly CollocationSamplers _samplers;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Trainer _trainer;
    private PinnCheckpoint? _resume;
    private CollocationSet? _points;
    private int _round;

    public PinnTraining(Problem problem, PinnOptions options, PinnNetwork network, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        _problem = problem;
        _options = options;
        _network = network;
        _loss = new PinnLoss(problem, options);
        _samplers = new CollocationSamplers(options.Sampling, options.Seed);
        _trainer = new Trainer(network.Model.parameters(), this, options.LogEvery, progress, cancellation)
        {
            BeforeAdamStep = step =>
            {
                if (_options.ResampleEvery > 0 && step > 0 && step % _options.ResampleEvery == 0) Resample();
                _ = Points;
            },
            Checkpoint = (phase, learningRate, optimizer) => Checkpoint(_options.CheckpointPath!, phase, learningRate, optimizer),
        };
    }

    // Collocation tensors live across steps, so they are made outside the per-step dispose scopes.
    private CollocationSet Points => _points ??= CollocationSet.Sample(_problem, _options, _samplers, _network.DType);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Terms() => _loss.Terms(_network, Points);

    /// <inheritdoc/>
    public Tensor Total(IReadOnlyDictionary<string, Tensor> terms) => _loss.Total(terms);

    /// <summary>Continues from <paramref name="checkpoint"/>: parameters, step, history and collocation points as they were.</summary>
    public void ResumeFrom(PinnCheckpoint checkpoint)
    {
        checkpoint.LoadInto(_network);
        _trainer.Step = checkpoint.Step;
        _trainer.MarkGood();
        _trainer.History = checkpoint.History();
        // Replay the resampling rounds so the points (and the random stream) are where they were.
        _ = Points;
        for (int round = 0; round < checkpoint.Header.Round; round++) Resample();
        _resume = checkpoint;
    }

    /// <summary>Adam with an exponential learning-rate decay for <see cref="PinnOptions.Steps"/> steps.</summary>
    public void Adam()
    {
        AdamResume? resume = null;
        if (_resume is { Header.Phase: "adam" } checkpoint) resume = new AdamResume(checkpoint.Step, checkpoint.Optimizer);
        else if (_resume is not null) return;
        Run(() => _trainer.Adam(new AdamSchedule(_options.Steps, _options.LearningRate, _options.FinalLearningRate), _options.CheckpointPath is null ? 0 : _options.CheckpointEvery, resume));
    }

    /// <summary>L-BFGS with a strong-Wolfe line search on fixed collocation points.</summary>
    public void Lbfgs()
    {
        _ = Points;
        Run(() => _trainer.Lbfgs(new LbfgsOptions(MaxIterations: _options.LbfgsIterations, History: 50, GradientTolerance: 1e-10, ChangeTolerance: 1e-14)));
    }

    /// <summary>Writes the training state: parameters, optimiser state (when given), step, round, history.</summary>
    public void Checkpoint(string path, string phase, double learningRate, OptimizerHelper? optimizer) =>
        PinnCheckpoint.Of(_problem, _options, _network, phase, _trainer.Step, _round, learningRate, _trainer.History, optimizer).Save(path);

    public PinnSolution Solution(Dictionary<string, object> metadata)
    {
        foreach (var (key, value) in _trainer.Metadata) metadata[key] = value;
        var history = _trainer.History;
        metadata["final_loss"] = history.Count > 0 ? history["loss"][^1] : double.NaN;
        return new PinnSolution(_problem, _network, _options) { Seconds = _clock.Elapsed.TotalSeconds, History = history, Metadata = metadata };
    }

    /// <summary>Runs a phase; a diverging loss becomes <see cref="TrainingDivergedException"/> carrying the restored network.</summary>
    private void Run(Action phase)
    {
        try
        {
            phase();
        }
        catch (LossDivergedException diverged)
        {
            var restored = new PinnSolution(_problem, _network, _options) { Seconds = _clock.Elapsed.TotalSeconds, History = _trainer.History, Metadata = _trainer.Metadata };
            throw new TrainingDivergedException(
                $"training diverged at step {diverged.Step}: the loss is {diverged.Loss}; the network was restored to step {diverged.LastGoodStep}, the last with a finite loss. Lower the learning rate ({_options.LearningRate}) or check the problem's scaling.",
                restored);
        }
    }

    private void Resample()
    {
        _points?.Dispose();
        _points = null;
        _samplers.NextRound();
        _round++;
        _ = Points;
    }

    public void Dispose() => _points?.Dispose();
}
