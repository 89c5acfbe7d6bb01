namespace PdeNet.Pinns.HardConstraints;

/// <summary>Options of the batched Levenberg–Marquardt solver (all quantities dimensionless, float64).</summary>
/// <param name="MaxIterations">Iteration limit per solve (each iteration is one trial step for every sample).</param>
/// <param name="GradientTolerance">A sample stops when max |Jᵀr + λ²w| falls to this.</param>
/// <param name="StepTolerance">A sample stops when a trial step (accepted or not) has ‖δ‖ ≤ StepTolerance · (‖w‖ + StepTolerance).</param>
/// <param name="CostTolerance">A sample stops when its cost ½‖r‖² (ridge rows included) falls to this.</param>
/// <param name="InitialDamping">μ₀ as a multiple of max diag(JᵀJ) at the starting point.</param>
/// <param name="Ridge">λ: the ridge rows λ·w are appended to the residual (λ = 0 for none).</param>
public sealed record LevenbergMarquardtOptions(
    int MaxIterations = 100,
    double GradientTolerance = 1e-10,
    double StepTolerance = 1e-10,
    double CostTolerance = 1e-20,
    double InitialDamping = 1e-3,
    double Ridge = 1e-6)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public LevenbergMarquardtOptions Validate()
    {
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "cannot be negative");
        if (!(GradientTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, "cannot be negative");
        if (!(StepTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(StepTolerance), StepTolerance, "cannot be negative");
        if (!(CostTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(CostTolerance), CostTolerance, "cannot be negative");
        if (!(InitialDamping > 0)) throw new ArgumentOutOfRangeException(nameof(InitialDamping), InitialDamping, "must be positive");
        if (!(Ridge >= 0)) throw new ArgumentOutOfRangeException(nameof(Ridge), Ridge, "cannot be negative");
        return this;
    }
}
