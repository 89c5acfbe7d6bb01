namespace PdeNet.Pinns.HardConstraints;

/// <summary>Options of the hard-constraint layer.</summary>
/// <param name="Solver">Levenberg–Marquardt options (tolerances, damping, ridge λ).</param>
/// <param name="InitialWeight">Every weight starts at this value (the paper's code starts at 1 for diffusion–sorption, 0 otherwise).</param>
/// <param name="Parallel">Solve the experts' problems in parallel (Parallel.For), one task per expert.</param>
public sealed record HardConstraintOptions(LevenbergMarquardtOptions Solver, double InitialWeight = 0, bool Parallel = true)
{
    /// <summary>The defaults: 100 iterations, tolerances 1e-10, ridge 1e-6, weights from 0, experts in parallel.</summary>
    public static HardConstraintOptions Default { get; } = new(new LevenbergMarquardtOptions());
}
