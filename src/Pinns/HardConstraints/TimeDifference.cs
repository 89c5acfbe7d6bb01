namespace PdeNet.Pinns.HardConstraints;

/// <summary>The difference that stands for ∂/∂t in grid constraint rows (rows at time levels n ≥ 1).</summary>
public enum TimeDifference
{
    /// <summary>Backward (implicit Euler) difference (v[n] - v[n-1])/Δt, first order.</summary>
    Backward,

    /// <summary>BDF2, (3v[n] - 4v[n-1] + v[n-2])/(2Δt), second order; the backward difference at n = 1.</summary>
    Bdf2,
}
