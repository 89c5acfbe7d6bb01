namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>The smoother of the multigrid V-cycle. Both keep the cycle symmetric for symmetric matrices.</summary>
public enum AmgSmoother
{
    /// <summary>
    /// Gauss–Seidel in a fixed number of row blocks (at most 16, chosen from the level size only):
    /// forward sweeps before the coarse correction and backward sweeps after it; couplings to other
    /// blocks use the values from the start of the sweep, and their magnitudes are added to the
    /// diagonal (ℓ1 Gauss–Seidel, Baker, Falgout, Kolev and Yang 2011), which keeps it convergent.
    /// Blocks run in parallel.
    /// </summary>
    GaussSeidel,

    /// <summary>
    /// A Chebyshev polynomial in D⁻¹A over [λ_max/ratio, λ_max] (Adams, Brezina, Hu and Tuminaro
    /// 2003), λ_max estimated by Lanczos steps; built from matrix-vector products only.
    /// </summary>
    Chebyshev,
}
