using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural;

namespace PdeNet.Pinns;

/// <summary>
/// A physics-informed neural network (Raissi, Perdikaris, Karniadakis 2019) for any problem
/// definition: an MLP u_θ trained with Adam and/or L-BFGS to make the symbolic equation's
/// residual, the boundary conditions and the initial condition vanish at collocation points. The
/// same seed and thread count give the same result on CPU.
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
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default) =>
        Train(problem, null, progress, cancellation);

    /// <summary>
    /// Continues the training saved in the checkpoint at <paramref name="checkpointPath"/> up to these
    /// options' step counts. During Adam the continuation is exact: the same parameters, bit for bit,
    /// as a run that was never interrupted. A checkpoint taken after Adam restarts L-BFGS's memory.
    /// </summary>
    /// <exception cref="ArgumentException">The options cannot continue this checkpoint (another architecture, seed, ...).</exception>
    /// <exception cref="ProblemDefinitionException">The checkpoint belongs to another problem or other parameter values.</exception>
    public Solution Resume(Problem problem, string checkpointPath, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        var checkpoint = PinnCheckpoint.Load(checkpointPath);
        checkpoint.CheckProblem(problem);
        Options.CheckCompatible(checkpoint.Options);
        return Train(problem, checkpoint, progress, cancellation);
    }

    private PinnSolution Train(Problem problem, PinnCheckpoint? checkpoint, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        problem.Validate();
        Options.CheckFor(problem);
        TorchRuntime.Initialise(Options.Seed, Options.Threads);
        var network = new PinnNetwork(problem, Options);
        using var training = new PinnTraining(problem, Options, network, progress, cancellation);
        if (checkpoint is not null) training.ResumeFrom(checkpoint);
        if (Options.UsesAdam) training.Adam();
        if (Options.UsesLbfgs) training.Lbfgs();
        if (Options.CheckpointPath is not null) training.Checkpoint(Options.CheckpointPath, "done", Options.FinalLearningRate, null);
        return training.Solution(new Dictionary<string, object>
        {
            ["hidden"] = string.Join("x", Options.HiddenLayers),
            ["activation"] = Options.Activation.ToString().ToLowerInvariant(),
            ["parameters"] = network.Model.ParameterCount,
            ["steps"] = Options.UsesAdam ? Options.Steps : 0,
            ["optimizer"] = Options.Optimizer.ToString().ToLowerInvariant(),
            ["learning_rate"] = Options.LearningRate,
            ["final_learning_rate"] = Options.FinalLearningRate,
            ["interior_points"] = Options.InteriorPoints,
            ["boundary_points"] = Options.BoundaryPoints,
            ["boundary_weight"] = Options.BoundaryWeight,
            ["sampling"] = Options.Sampling.ToString().ToLowerInvariant(),
            ["seed"] = Options.Seed,
            ["precision"] = Options.Precision.ToString().ToLowerInvariant(),
            ["threads"] = Options.Threads ?? Environment.ProcessorCount,
        });
    }
}
