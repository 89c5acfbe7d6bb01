using PdeNet.Neural;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// Options of the Lagrangian PINN. The defaults follow the paper's released configuration: a state
/// branch of five tanh layers and a characteristic branch of two, 50 wide; the 256 × 100 label–time
/// grid; loss weights 10 (characteristics), 1 (state equation), 1000 (initial conditions) on unsquared
/// 2-norms; Adam with AMSGrad at learning rate 1e-2, then L-BFGS. One default departs from the paper:
/// the initial conditions hold exactly by construction (<paramref name="HardInitial"/>); the paper's
/// penalty is one switch away, and validation/reports/failure-modes.md measures both.
/// </summary>
/// <param name="StateHidden">Hidden widths of the branch that predicts u along the characteristics.</param>
/// <param name="CharacteristicHidden">Hidden widths of the branch that predicts the characteristic displacement.</param>
/// <param name="Labels">Lagrangian labels x₀ per period (a uniform periodic grid).</param>
/// <param name="Times">Time levels, uniform from the start to the end of the time interval, both included.</param>
/// <param name="CharacteristicWeight">Weight of ‖dx_L/dt - c‖₂.</param>
/// <param name="StateWeight">Weight of ‖du/dt - ν u_xx + s‖₂.</param>
/// <param name="InitialWeight">Weight of ‖u(x₀, 0) - u₀‖₂ + ‖x_L(x₀, 0) - x₀‖₂.</param>
/// <param name="HardInitial">Impose the initial conditions exactly, u = u₀(x₀) + τ N_u and x_L = x₀ + τ N_x with
/// τ = (t - t₀)/T, instead of by the weighted loss term (the paper's way).</param>
/// <param name="Steps">Adam steps.</param>
/// <param name="LearningRate">Adam's initial learning rate.</param>
/// <param name="FinalLearningRate">Adam's learning rate at the last step (exponential decay in between).</param>
/// <param name="LbfgsIterations">L-BFGS iterations after Adam (0: none).</param>
/// <param name="Seed">Seed of the weights.</param>
/// <param name="Precision">Floating-point precision.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="LogEvery">Record the loss terms every this many steps.</param>
public sealed record LagrangianPinnOptions(
    int[]? StateHidden = null,
    int[]? CharacteristicHidden = null,
    int Labels = 256,
    int Times = 100,
    double CharacteristicWeight = 10,
    double StateWeight = 1,
    double InitialWeight = 1000,
    bool HardInitial = true,
    int Steps = 2000,
    double LearningRate = 1e-2,
    double FinalLearningRate = 1e-3,
    int LbfgsIterations = 1000,
    int Seed = 0,
    Precision Precision = Precision.Float32,
    int? Threads = null,
    int LogEvery = 50)
{
    /// <summary>The state branch's hidden widths (five layers of 50 unless set).</summary>
    public int[] StateLayers => StateHidden ?? [50, 50, 50, 50, 50];

    /// <summary>The characteristic branch's hidden widths (two layers of 50 unless set).</summary>
    public int[] CharacteristicLayers => CharacteristicHidden ?? [50, 50];

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public LagrangianPinnOptions Validate()
    {
        if (StateLayers.Length == 0 || StateLayers.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(StateHidden), "hidden widths must be positive and at least one layer is needed");
        if (CharacteristicLayers.Length == 0 || CharacteristicLayers.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(CharacteristicHidden), "hidden widths must be positive and at least one layer is needed");
        if (Labels < 4) throw new ArgumentOutOfRangeException(nameof(Labels), Labels, "at least 4 labels are needed");
        if (Times < 2) throw new ArgumentOutOfRangeException(nameof(Times), Times, "at least 2 time levels are needed");
        if (CharacteristicWeight < 0 || StateWeight < 0 || !(InitialWeight > 0)) throw new ArgumentOutOfRangeException(nameof(InitialWeight), "loss weights cannot be negative, and the initial weight must be positive");
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "cannot be negative");
        if (!(LearningRate > 0) || !(FinalLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), "learning rates must be positive");
        if (LbfgsIterations < 0) throw new ArgumentOutOfRangeException(nameof(LbfgsIterations), LbfgsIterations, "cannot be negative");
        if (Steps == 0 && LbfgsIterations == 0) throw new ArgumentOutOfRangeException(nameof(Steps), "give Adam steps, L-BFGS iterations or both");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "at least one thread is needed");
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "must be at least 1");
        return this;
    }
}
