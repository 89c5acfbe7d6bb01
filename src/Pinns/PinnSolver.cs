using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// A physics-informed neural network (Raissi, Perdikaris, Karniadakis 2019) for any problem
/// definition: an MLP u_θ trained with Adam to make the symbolic equation's residual, the
/// boundary conditions and the initial condition vanish at collocation points. The same seed and
/// thread count give the same result on CPU.
/// </summary>
public sealed class PinnSolver(PinnOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public PinnOptions Options { get; } = (options ?? new PinnOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "pinn";

    object ISolver.Options => Options;

    /// <inheritdoc/>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        problem.Validate();
        var clock = Stopwatch.StartNew();
        TorchRuntime.Initialise(Options.Seed, Options.Threads);
        var samplers = new CollocationSamplers(Options.Sampling, Options.Seed);
        var network = new PinnNetwork(problem, Options);
        var loss = new PinnLoss(problem, Options);
        var history = new TrainingHistory();
        var points = CollocationSet.Sample(problem, Options, samplers, network.DType);
        using var optimizer = optim.Adam(network.Model.parameters(), Options.LearningRate);
        double gamma = Options.Steps > 0 ? Math.Pow(Options.FinalLearningRate / Options.LearningRate, 1.0 / Options.Steps) : 1;
        var schedule = optim.lr_scheduler.ExponentialLR(optimizer, gamma);
        var lastGood = network.Snapshot();
        int lastGoodStep = 0;
        var metadata = new Dictionary<string, object>
        {
            ["hidden"] = string.Join("x", Options.HiddenLayers),
            ["activation"] = Options.Activation.ToString().ToLowerInvariant(),
            ["parameters"] = network.Model.ParameterCount,
            ["steps"] = Options.Steps,
            ["optimizer"] = "adam",
            ["learning_rate"] = Options.LearningRate,
            ["final_learning_rate"] = Options.FinalLearningRate,
            ["interior_points"] = Options.InteriorPoints,
            ["boundary_points"] = Options.BoundaryPoints,
            ["boundary_weight"] = Options.BoundaryWeight,
            ["sampling"] = Options.Sampling.ToString().ToLowerInvariant(),
            ["seed"] = Options.Seed,
            ["precision"] = Options.Precision.ToString().ToLowerInvariant(),
            ["threads"] = Options.Threads ?? Environment.ProcessorCount,
        };
        try
        {
            for (int step = 0; step <= Options.Steps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                if (Options.ResampleEvery > 0 && step > 0 && step % Options.ResampleEvery == 0)
                {
                    points.Dispose();
                    samplers.NextRound();
                    points = CollocationSet.Sample(problem, Options, samplers, network.DType);
                }
                optimizer.zero_grad();
                var terms = loss.Terms(network, points);
                var total = loss.Total(terms);
                double value = total.to_type(ScalarType.Float64).item<double>();
                if (!double.IsFinite(value))
                {
                    network.Restore(lastGood);
                    var restored = new PinnSolution(problem, network) { Seconds = clock.Elapsed.TotalSeconds, History = history, Metadata = metadata };
                    throw new TrainingDivergedException(
                        $"training diverged at step {step}: the loss is {value}; the network was restored to step {lastGoodStep}, the last with a finite loss. Lower the learning rate ({Options.LearningRate}) or check the problem's scaling.",
                        restored);
                }
                lastGood = network.Snapshot();
                lastGoodStep = step;
                if (step % Options.LogEvery == 0 || step == Options.Steps)
                {
                    var values = new Dictionary<string, double> { ["loss"] = value };
                    foreach (var (name, term) in terms) values[name] = term.to_type(ScalarType.Float64).item<double>();
                    history.Add(step, values);
                    progress?.Report(new SolverProgress("training", step, Options.Steps, values));
                }
                if (step == Options.Steps) break;
                total.backward();
                optimizer.step();
                schedule.step();
            }
        }
        finally
        {
            points.Dispose();
        }
        metadata["final_loss"] = history[("loss")][^1];
        return new PinnSolution(problem, network) { Seconds = clock.Elapsed.TotalSeconds, History = history, Metadata = metadata };
    }
}
