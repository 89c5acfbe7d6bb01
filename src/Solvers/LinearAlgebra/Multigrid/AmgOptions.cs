namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>Options of the smoothed-aggregation algebraic multigrid preconditioner.</summary>
/// <param name="StrengthThreshold">θ on the finest level, halved on each coarser one (Vaněk, Mandel and Brezina): node j is strongly coupled to i when |a_ij| ≥ θ √(|a_ii a_jj|) (dimensionless, in [0, 1)).</param>
/// <param name="ProlongatorDamping">ω·ρ: the tentative prolongator is smoothed by one damped Jacobi step with ω = this / ρ(D_F⁻¹A_F), ρ a Lanczos estimate for the filtered matrix (4/3 is optimal for the model problem).</param>
/// <param name="Smoother">The smoother.</param>
/// <param name="Sweeps">Smoothing steps before and after the coarse correction (Gauss–Seidel sweeps, or Chebyshev applications).</param>
/// <param name="ChebyshevDegree">Degree of the Chebyshev smoother (matrix-vector products per application).</param>
/// <param name="ChebyshevRatio">λ_max / λ_min of the interval the Chebyshev smoother damps.</param>
/// <param name="CoarsestSize">Coarsening stops at this many unknowns; the coarsest level is solved by dense LU.</param>
/// <param name="MaxLevels">Most levels, the finest included.</param>
/// <param name="Threads">Threads for the setup and the cycle (0: one per core). The results do not depend on it.</param>
public sealed record AmgOptions(
    double StrengthThreshold = 0.08,
    double ProlongatorDamping = 4.0 / 3,
    AmgSmoother Smoother = AmgSmoother.GaussSeidel,
    int Sweeps = 1,
    int ChebyshevDegree = 2,
    double ChebyshevRatio = 30,
    int CoarsestSize = 400,
    int MaxLevels = 20,
    int Threads = 0)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public AmgOptions Validate()
    {
        if (!(StrengthThreshold >= 0 && StrengthThreshold < 1)) throw new ArgumentOutOfRangeException(nameof(StrengthThreshold), StrengthThreshold, "the strength threshold must lie in [0, 1)");
        if (!(ProlongatorDamping >= 0 && ProlongatorDamping < 2)) throw new ArgumentOutOfRangeException(nameof(ProlongatorDamping), ProlongatorDamping, "the prolongator damping must lie in [0, 2)");
        if (!Enum.IsDefined(Smoother)) throw new ArgumentOutOfRangeException(nameof(Smoother), Smoother, "unknown smoother");
        if (Sweeps < 1) throw new ArgumentOutOfRangeException(nameof(Sweeps), Sweeps, "at least one smoothing step is needed");
        if (ChebyshevDegree < 1) throw new ArgumentOutOfRangeException(nameof(ChebyshevDegree), ChebyshevDegree, "the Chebyshev degree must be at least 1");
        if (!(ChebyshevRatio > 1) || double.IsInfinity(ChebyshevRatio)) throw new ArgumentOutOfRangeException(nameof(ChebyshevRatio), ChebyshevRatio, "the Chebyshev ratio must be greater than 1");
        if (CoarsestSize < 1) throw new ArgumentOutOfRangeException(nameof(CoarsestSize), CoarsestSize, "the coarsest size must be positive");
        if (MaxLevels < 1) throw new ArgumentOutOfRangeException(nameof(MaxLevels), MaxLevels, "at least one level is needed");
        return this;
    }
}
