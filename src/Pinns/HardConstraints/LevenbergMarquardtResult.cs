namespace PdeNet.Pinns.HardConstraints;

/// <summary>How a batched Levenberg–Marquardt solve ended, per sample.</summary>
/// <param name="Iterations">Iterations each sample took before it stopped (or the limit).</param>
/// <param name="Cost">Final cost ½‖r‖² per sample, ridge rows included.</param>
/// <param name="MaxResidual">Final max |r_i| per sample over the constraint rows (ridge rows excluded).</param>
/// <param name="Converged">Per sample: true when a tolerance was met before the iteration limit.</param>
public sealed record LevenbergMarquardtResult(int[] Iterations, double[] Cost, double[] MaxResidual, bool[] Converged)
{
    /// <summary>True when every sample converged.</summary>
    public bool AllConverged => Converged.All(c => c);
}
