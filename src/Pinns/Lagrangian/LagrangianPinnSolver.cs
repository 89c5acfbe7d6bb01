using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// The Lagrangian PINN (Mojgani, Balajewicz, Hassanzadeh 2022) for 1D periodic convection,
/// convection–diffusion, viscous Burgers and equations with zeroth-order terms: one branch learns
/// the characteristic curves x_L(x₀, t), the other the state u carried along them, each with a
/// residual that stays smooth however fast the flow, which cures the failure of Eulerian PINNs at
/// high convection speeds. The equation, initial condition and period come from the problem
/// definition (<see cref="LagrangianForm"/> reads them). The same seed and thread count give the same
/// result on CPU.
/// </summary>
public sealed class LagrangianPinnSolver(LagrangianPinnOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public LagrangianPinnOptions Options { get; } = (options ?? new LagrangianPinnOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "lpinn";

    object ISolver.Options => Options;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The problem is not a 1D periodic evolution problem of the supported form.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        var form = LagrangianForm.Of(problem);
        TorchRuntime.Initialise(Options.Seed, Options.Threads);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var network = new LagrangianNetwork(form, Options);
        using var loss = new LagrangianLoss(form, Options, network);
        var trainer = new Trainer(network.Parameters(), loss, Options.LogEvery, progress, cancellation);
        try
        {
            if (Options.Steps > 0) trainer.Adam(new AdamSchedule(Options.Steps, Options.LearningRate, Options.FinalLearningRate, Amsgrad: true));
            if (Options.LbfgsIterations > 0) trainer.Lbfgs(new LbfgsOptions(MaxIterations: Options.LbfgsIterations, History: 50, GradientTolerance: 1e-10, ChangeTolerance: 1e-14));
        }
        catch (LossDivergedException diverged)
        {
            throw TrainingDivergedException.From(diverged, Options.LearningRate, Solution(form, network, trainer, clock.Elapsed.TotalSeconds));
        }
        return Solution(form, network, trainer, clock.Elapsed.TotalSeconds);
    }

    private LagrangianPinnSolution Solution(LagrangianForm form, LagrangianNetwork network, Trainer trainer, double seconds)
    {
        var metadata = new Dictionary<string, object>(trainer.Metadata)
        {
            ["state_hidden"] = string.Join("x", Options.StateLayers),
            ["characteristic_hidden"] = string.Join("x", Options.CharacteristicLayers),
            ["parameters"] = network.ParameterCount,
            ["labels"] = Options.Labels,
            ["times"] = Options.Times,
            ["hard_initial"] = Options.HardInitial,
            ["weights"] = $"{Options.CharacteristicWeight}/{Options.StateWeight}/{Options.InitialWeight}",
            ["learning_rate"] = Options.LearningRate,
            ["final_learning_rate"] = Options.FinalLearningRate,
            ["viscosity"] = form.Viscosity,
            ["speed"] = form.Speed.ToString(),
            ["seed"] = Options.Seed,
            ["precision"] = Options.Precision.ToString().ToLowerInvariant(),
            ["threads"] = Options.Threads ?? Environment.ProcessorCount,
            ["final_loss"] = trainer.History.Count > 0 ? trainer.History["loss"][^1] : double.NaN,
        };
        return new LagrangianPinnSolution(form, network, Options) { Seconds = seconds, History = trainer.History, Metadata = metadata };
    }
}
