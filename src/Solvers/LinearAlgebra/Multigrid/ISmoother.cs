namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>A smoother of one multigrid level: x ← x + M⁻¹(b - A x) for a fixed M.</summary>
internal interface ISmoother
{
    /// <summary>Smoothing before the coarse correction; with <paramref name="zeroGuess"/> the entry value of x is taken as zero.</summary>
    void Presmooth(double[] b, double[] x, bool zeroGuess);

    /// <summary>Smoothing after the coarse correction: the adjoint of <see cref="Presmooth"/>, so the cycle stays symmetric.</summary>
    void Postsmooth(double[] b, double[] x);
}
