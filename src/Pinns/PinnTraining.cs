using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Sampling;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using PdeNet.Neural.Training.Weighting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// One training run of a PINN: the network (and the problem's parameters being fitted, if any), the loss on
/// the collocation points weighted by a <see cref="LossBalancer"/>, and a <see cref="Trainer"/> that runs the
/// phases (Adam, then or instead L-BFGS). Adds what is particular to PINNs: collocation points drawn afresh
/// every few steps, residual-based refinement, checkpoints that carry the problem and options, and a diverging
/// run reported with the restored network as a solution.
/// </summary>
internal sealed class PinnTraining : ITrainingObjective, IDisposable
{
    private const int RefinementBatch = 4096;

    private readonly Problem _problem;
    private readonly PinnOptions _options;
    private readonly PinnNetwork _network;
    private readonly Dictionary<string, Parameter> _trainable;
    private readonly PinnLoss _loss;
    private readonly LossBalancer _balancer;
    private readonly CollocationSamplers _samplers;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Trainer _trainer;
    private readonly List<double> _refined = [];
    private PinnCheckpoint? _resume;
    private CollocationSet? _points;
    private int _round;
    private int _prepared = -1;

    public PinnTraining(Problem problem, PinnOptions options, PinnNetwork network, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        _problem = problem;
        _options = options;
        _network = network;
        _trainable = (options.Trainable ?? []).ToDictionary(p => p.Key, p => new Parameter(tensor(p.Value, network.DType)));
        _loss = new PinnLoss(problem, options, _trainable.ToDictionary(p => p.Key, p => (Tensor)p.Value), network.DType);
        _balancer = new LossBalancer(options.WeightingScheme, options.FixedWeights, network.Model.parameters(), options.Seed);
        _samplers = new CollocationSamplers(options.Sampling, options.Seed);
        _trainer = new Trainer(network.Model.parameters().Concat(_trainable.Values), this, options.LogEvery, progress, cancellation)
        {
            BeforeAdamStep = Prepare,
            Checkpoint = (phase, learningRate, optimizer) => Checkpoint(_options.CheckpointPath!, phase, learningRate, optimizer),
            ExtraSeries = values => (_balancer.Scheme.IsAdaptive ? _balancer.Series(values.Keys.Where(k => k != "loss")) : [])
                .Concat(_trainable.Select(p => KeyValuePair.Create(p.Key, Value(p.Value)))),
        };
        if (_balancer.Scheme.IsAdaptive) _trainer.AfterAdamTerms = _balancer.Update;
    }

    // Collocation tensors live across steps, so they are made outside the per-step dispose scopes.
    private CollocationSet Points => _points ??= CollocationSet.Sample(_problem, _options, _samplers, _network.DType);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Terms() => _loss.Terms(_network, Points);

    /// <inheritdoc/>
    public Tensor Total(IReadOnlyDictionary<string, Tensor> terms) => _balancer.Total(terms);

    /// <summary>Continues from <paramref name="checkpoint"/>: parameters, step, history, loss weights and collocation points as they were.</summary>
    public void ResumeFrom(PinnCheckpoint checkpoint)
    {
        checkpoint.LoadInto(_network);
        foreach (var (name, value) in checkpoint.Header.Fitted ?? [])
            Assign(_trainable[name], value);
        if (checkpoint.Header.Weighting is { } state) _balancer.State = state;
        _trainer.Step = checkpoint.Step;
        _trainer.MarkGood();
        _trainer.History = checkpoint.History();
        // Replay the resampling rounds so the points (and the random stream) are where they were, then put back
        // the refined points; the checkpoint's own step has been prepared already.
        _ = Points;
        for (int round = 0; round < checkpoint.Header.Round; round++) Resample();
        _refined.AddRange(checkpoint.Header.RefinedPoints ?? []);
        Points.AppendInterior([.. _refined]);
        _prepared = checkpoint.Step;
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

    /// <summary>L-BFGS with a strong-Wolfe line search on fixed collocation points and fixed loss weights.</summary>
    public void Lbfgs()
    {
        _ = Points;
        Run(() => _trainer.Lbfgs(new LbfgsOptions(MaxIterations: _options.LbfgsIterations, History: 50, GradientTolerance: 1e-10, ChangeTolerance: 1e-14)));
    }

    /// <summary>Writes the training state: parameters, optimiser state (when given), step, round, history, weights, refined points.</summary>
    public void Checkpoint(string path, string phase, double learningRate, AdamOptimizer? optimizer) =>
        PinnCheckpoint.Of(_problem, _options, _network, phase, _trainer.Step, _round, learningRate, _trainer.History, optimizer, State).Save(path);

    /// <summary>What a checkpoint keeps beside the network: loss weights, fitted values, refined points.</summary>
    private PinnState State => new(_balancer.State, Fitted(), [.. _refined]);

    public PinnSolution Solution(Dictionary<string, object> metadata)
    {
        foreach (var (key, value) in _trainer.Metadata) metadata[key] = value;
        var history = _trainer.History;
        metadata["final_loss"] = history.Count > 0 ? history["loss"][^1] : double.NaN;
        metadata["weighting"] = Describe(_options.WeightingScheme);
        foreach (var (name, value) in Fitted())
        {
            metadata[$"fitted_{name}"] = value;
            metadata[$"initial_guess_{name}"] = _options.Trainable![name];
        }
        if (_options.Observations is { } data) metadata["observations"] = data.Count;
        if (_options.RarEvery > 0) metadata["rar_points_added"] = _refined.Count / (_problem.Dimension + (_problem.IsTimeDependent ? 1 : 0));
        return NewSolution(metadata);
    }

    /// <summary>The scheme as one line: its kind and settings.</summary>
    private static string Describe(LossWeighting scheme) => System.Text.Json.JsonSerializer.Serialize(scheme);

    private PinnSolution NewSolution(Dictionary<string, object> metadata) =>
        new(_problem, _network, _options) { Seconds = _clock.Elapsed.TotalSeconds, History = _trainer.History, Metadata = metadata, Fitted = Fitted(), RefinedPoints = [.. _refined] };

    /// <summary>The current values of the fitted parameters.</summary>
    private Dictionary<string, double> Fitted() => _trainable.ToDictionary(p => p.Key, p => Value(p.Value));

    /// <summary>Runs a phase; a diverging loss becomes <see cref="TrainingDivergedException"/> carrying the restored network.</summary>
    private void Run(Action phase)
    {
        try
        {
            phase();
        }
        catch (LossDivergedException diverged)
        {
            throw TrainingDivergedException.From(diverged, _options.LearningRate, NewSolution(_trainer.Metadata));
        }
    }

    /// <summary>Before Adam step <paramref name="step"/>: fresh points when due, then refinement when due; each step once.</summary>
    private void Prepare(int step)
    {
        if (step > _prepared)
        {
            _prepared = step;
            if (_options.ResampleEvery > 0 && step > 0 && step % _options.ResampleEvery == 0) Resample();
            if (_options.RarEvery > 0 && step > 0 && step % _options.RarEvery == 0) Refine(step / _options.RarEvery);
        }
        _ = Points;
    }

    private void Resample()
    {
        _points?.Dispose();
        _points = null;
        _samplers.NextRound();
        _round++;
        _ = Points;
        Points.AppendInterior([.. _refined]);
    }

    /// <summary>
    /// Residual-based adaptive refinement, round <paramref name="round"/>: the PDE residual on fresh random candidates
    /// (drawn from a generator seeded by the run's seed and the round), and the points with the largest |residual|
    /// join the interior points.
    /// </summary>
    private void Refine(int round)
    {
        var sampler = PointSampler.From(new Random(unchecked(_options.Seed * 1_000_003 + 7_919 * round + 104_729)));
        var candidates = CollocationSet.SampleInterior(_problem, _options.RarCandidates, sampler);
        int columns = (int)Points.Interior.shape[1];
        int count = candidates.Length / columns;
        var magnitude = new double[count];
        for (int start = 0; start < count; start += RefinementBatch)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(RefinementBatch, count - start);
            var batch = tensor(candidates.AsSpan(start * columns, size * columns).ToArray(), [size, columns], _network.DType, requires_grad: true);
            _loss.InteriorResidual(_network, batch).detach().abs().to_type(ScalarType.Float64).data<double>().ToArray().CopyTo(magnitude, start);
        }
        // Largest first; ties keep the candidates' order; NaN sorts last.
        var chosen = Enumerable.Range(0, count).OrderByDescending(i => magnitude[i]).ThenBy(i => i).Take(_options.RarPoints).ToArray();
        var added = chosen.SelectMany(i => candidates.AsSpan(i * columns, columns).ToArray()).ToArray();
        _refined.AddRange(added);
        Points.AppendInterior(added);
    }

    private static double Value(Tensor scalar) => scalar.detach().to_type(ScalarType.Float64).item<double>();

    private static void Assign(Parameter parameter, double value)
    {
        using var _ = no_grad();
        using var source = tensor(value, ScalarType.Float64);
        using var converted = source.to_type(parameter.dtype);
        parameter.copy_(converted);
    }

    public void Dispose()
    {
        _points?.Dispose();
        _loss.Dispose();
        foreach (var parameter in _trainable.Values) parameter.Dispose();
    }
}
