namespace PdeNet.Neural.Optimization;

/// <summary>Options of the L-BFGS optimiser.</summary>
/// <param name="MaxIterations">Iteration limit.</param>
/// <param name="MaxEvaluations">Limit on function evaluations (line-search trials included); null for 1.25 × MaxIterations.</param>
/// <param name="History">Number of correction pairs (s, y) kept.</param>
/// <param name="GradientTolerance">Stop when max |∂f/∂x_i| falls to this.</param>
/// <param name="ChangeTolerance">Stop when |f_k - f_{k-1}| ≤ ChangeTolerance · max(1, |f_k|).</param>
/// <param name="FirstStep">Length of the first trial step, as a multiple of 1/‖∇f‖₁ (later steps start at 1).</param>
/// <param name="SufficientDecrease">Wolfe constant c1 (Armijo condition).</param>
/// <param name="Curvature">Wolfe constant c2 (strong curvature condition), c1 &lt; c2 &lt; 1.</param>
/// <param name="MaxLineSearchSteps">Trials per line search.</param>
public sealed record LbfgsOptions(
    int MaxIterations = 1000,
    int? MaxEvaluations = null,
    int History = 50,
    double GradientTolerance = 1e-9,
    double ChangeTolerance = 1e-12,
    double FirstStep = 1,
    double SufficientDecrease = 1e-4,
    double Curvature = 0.9,
    int MaxLineSearchSteps = 25)
{
    /// <summary>The evaluation limit in force.</summary>
    public int EvaluationLimit => MaxEvaluations ?? MaxIterations * 5 / 4 + 10;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public LbfgsOptions Validate()
    {
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "cannot be negative");
        if (EvaluationLimit < 1) throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "at least one evaluation is needed");
        if (History < 1) throw new ArgumentOutOfRangeException(nameof(History), History, "at least one correction pair is needed");
        if (!(GradientTolerance >= 0) || !(ChangeTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientTolerance), "tolerances cannot be negative");
        if (!(FirstStep > 0)) throw new ArgumentOutOfRangeException(nameof(FirstStep), FirstStep, "must be positive");
        if (!(SufficientDecrease > 0 && SufficientDecrease < Curvature && Curvature < 1))
            throw new ArgumentOutOfRangeException(nameof(Curvature), "the Wolfe constants need 0 < c1 < c2 < 1");
        if (MaxLineSearchSteps < 1) throw new ArgumentOutOfRangeException(nameof(MaxLineSearchSteps), MaxLineSearchSteps, "at least one trial is needed");
        return this;
    }
}
