using PdeNet.Core.Solving;
using PdeNet.Neural.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Neural.Training;

/// <summary>
/// The optimisation loop shared by the physics-informed models: Adam phases with an exponential
/// learning-rate schedule and L-BFGS phases with a strong-Wolfe line search, one after the other
/// on the same <see cref="ITrainingObjective"/>. The phases share the step count, the loss history
/// and a guard: whenever the loss turns NaN or infinite the parameters go back to the last values
/// with a finite loss and <see cref="LossDivergedException"/> is thrown.
/// </summary>
public sealed class Trainer
{
    private readonly Parameter[] _parameters;
    private readonly ITrainingObjective _objective;
    private readonly int _logEvery;
    private readonly IProgress<SolverProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private ParameterSnapshot _lastGood;

    /// <summary>A trainer of <paramref name="parameters"/> on <paramref name="objective"/> that records the loss
    /// terms every <paramref name="logEvery"/> steps (and reports them to <paramref name="progress"/>).</summary>
    public Trainer(IEnumerable<Parameter> parameters, ITrainingObjective objective, int logEvery, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(logEvery, 1);
        _parameters = parameters.ToArray();
        _objective = objective;
        _logEvery = logEvery;
        _progress = progress;
        _cancellation = cancellation;
        _lastGood = ParameterSnapshot.Of(_parameters);
    }

    /// <summary>Steps taken so far over all phases (Adam steps and L-BFGS iterations).</summary>
    public int Step { get; set; }

    /// <summary>The last step whose loss was finite.</summary>
    public int LastGoodStep { get; private set; }

    /// <summary>The logged loss terms; "loss" is the weighted total.</summary>
    public TrainingHistory History { get; set; } = new();

    /// <summary>Facts about the phases run (step counts, L-BFGS stop reason), for a solution's metadata.</summary>
    public Dictionary<string, object> Metadata { get; } = [];

    /// <summary>Called with the phase step before each Adam step's loss is computed (to resample points, say).</summary>
    public Action<int>? BeforeAdamStep { get; set; }

    /// <summary>
    /// Called in each Adam step with the phase step and the loss terms just computed, before their weighted total
    /// is formed (to update adaptive loss weights, say). The terms' graphs are still alive.
    /// </summary>
    public Action<int, IReadOnlyDictionary<string, Tensor>>? AfterAdamTerms { get; set; }

    /// <summary>
    /// Called with the values about to be logged at a step ("loss" and each term); returns further named values to
    /// log beside them (current loss weights, fitted coefficients). It must return the same names at every step.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, IEnumerable<KeyValuePair<string, double>>>? ExtraSeries { get; set; }

    /// <summary>
    /// Called to write a checkpoint with the phase name, the learning rate in force and the optimiser (null in
    /// L-BFGS); it sees the parameters at the top of a step whose loss was just found finite.
    /// </summary>
    public Action<string, double, AdamOptimizer?>? Checkpoint { get; set; }

    /// <summary>Takes the current parameters as the last good state (after loading a checkpoint, say).</summary>
    public void MarkGood()
    {
        _lastGood = ParameterSnapshot.Of(_parameters);
        LastGoodStep = Step;
    }

    /// <summary>
    /// Runs an Adam phase. With <paramref name="resume"/> it continues from that step with the saved optimiser
    /// state, bit for bit as if never interrupted. Every <paramref name="checkpointEvery"/> phase steps (0: never)
    /// <see cref="Checkpoint"/> is called.
    /// </summary>
    /// <exception cref="LossDivergedException">The loss became NaN or infinite.</exception>
    public void Adam(AdamSchedule schedule, int checkpointEvery = 0, AdamResume? resume = null)
    {
        using var optimizer = new AdamOptimizer(_parameters, new AdamOptions(schedule.LearningRate, Amsgrad: schedule.Amsgrad));
        double decay = schedule.Decay;
        double learningRate = schedule.LearningRate;
        int first = 0;
        if (resume is not null)
        {
            using (var stream = new MemoryStream(resume.OptimizerState))
            using (var reader = new BinaryReader(stream)) optimizer.Load(reader);
            first = resume.Step;
            learningRate = schedule.RateAt(first);
            optimizer.LearningRate = learningRate;
        }
        for (int step = first; step <= schedule.Steps; step++, Step++)
        {
            _cancellation.ThrowIfCancellationRequested();
            BeforeAdamStep?.Invoke(step);
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var terms = _objective.Terms();
            AfterAdamTerms?.Invoke(step, terms);
            var total = _objective.Total(terms);
            double value = Value(total);
            Guard(value);
            if (Checkpoint is not null && checkpointEvery > 0 && (step > first || resume is null) && step % checkpointEvery == 0)
                Checkpoint("adam", learningRate, optimizer);
            if (step % _logEvery == 0 || step == schedule.Steps) Log("adam", step, schedule.Steps, value, terms);
            if (step == schedule.Steps) break;
            total.backward();
            optimizer.Step();
            learningRate *= decay;
            optimizer.LearningRate = learningRate;
        }
        Metadata["adam_steps"] = schedule.Steps;
    }

    /// <summary>Runs an L-BFGS phase with a strong-Wolfe line search from the current parameters.</summary>
    /// <exception cref="LossDivergedException">The loss became NaN or infinite.</exception>
    public LbfgsResult Lbfgs(LbfgsOptions options)
    {
        var function = new ParameterFunction(_parameters, () => _objective.Total(_objective.Terms()));
        var x = function.Current();
        int start = Step;
        if (History.Count == 0) LogCurrent("lbfgs", 0, options.MaxIterations);
        var result = new Lbfgs(options).Minimize(function, x, (iteration, value) =>
        {
            Step = start + iteration;
            Guard(value);
            if (iteration % _logEvery == 0 || iteration == options.MaxIterations) LogCurrent("lbfgs", iteration, options.MaxIterations);
        }, _cancellation);
        function.Load(x);
        Step = start + result.Iterations;
        Guard(result.Value);
        if (History.Count == 0 || History.Steps[^1] < Step) LogCurrent("lbfgs", result.Iterations, options.MaxIterations);
        Metadata["lbfgs_iterations"] = result.Iterations;
        Metadata["lbfgs_evaluations"] = result.Evaluations;
        Metadata["lbfgs_stop"] = result.Reason;
        return result;
    }

    /// <summary>The loss terms and total at the current parameters, as numbers.</summary>
    public Dictionary<string, double> Evaluate()
    {
        using var scope = NewDisposeScope();
        var terms = _objective.Terms();
        return Values(Value(_objective.Total(terms)), terms);
    }

    /// <summary>Records the step as good, or restores the last good parameters and throws.</summary>
    private void Guard(double value)
    {
        if (double.IsFinite(value))
        {
            MarkGood();
            return;
        }
        _lastGood.RestoreInto(_parameters);
        throw new LossDivergedException(Step, LastGoodStep, value);
    }

    private void LogCurrent(string stage, int step, int total)
    {
        var values = Evaluate();
        History.Add(Step, values);
        _progress?.Report(new SolverProgress(stage, step, total, values));
    }

    private void Log(string stage, int step, int total, double value, IReadOnlyDictionary<string, Tensor> terms)
    {
        var values = Values(value, terms);
        History.Add(Step, values);
        _progress?.Report(new SolverProgress(stage, step, total, values));
    }

    private Dictionary<string, double> Values(double total, IReadOnlyDictionary<string, Tensor> terms)
    {
        var values = new Dictionary<string, double> { ["loss"] = total };
        foreach (var (name, term) in terms) values[name] = Value(term);
        if (ExtraSeries is null) return values;
        foreach (var (name, value) in ExtraSeries(values).ToArray()) values.Add(name, value);
        return values;
    }

    private static double Value(Tensor scalar) => scalar.to_type(ScalarType.Float64).item<double>();
}
