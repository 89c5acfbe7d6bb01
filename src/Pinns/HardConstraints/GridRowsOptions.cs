namespace PdeNet.Pinns.HardConstraints;

/// <summary>Discretisation of the grid constraint rows (<see cref="GridConstraintRows"/>).</summary>
/// <param name="Time">The difference for ∂/∂t.</param>
/// <param name="Periodic">The derivative along periodic axes; non-periodic axes always use second-order central differences (one-sided at their ends).</param>
public sealed record GridRowsOptions(TimeDifference Time = TimeDifference.Backward, PeriodicDerivative Periodic = PeriodicDerivative.Spectral)
{
    /// <summary>Backward differences in time, spectral along periodic axes.</summary>
    public static GridRowsOptions Default { get; } = new();
}
