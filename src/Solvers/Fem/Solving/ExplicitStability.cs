using PdeNet.Solvers.LinearAlgebra;
using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// The stability limit of a θ-scheme with θ &lt; 1/2: for M dU/dt + K U = 0 it is stable only when
/// Δt ≤ 2 / ((1 - 2θ) λ_max), λ_max the largest eigenvalue of M⁻¹K (the free unknowns only).
/// λ_max is estimated by power iteration, each step one mass solve.
/// </summary>
internal static class ExplicitStability
{
    /// <summary>Safety factor on the estimated λ_max (power iteration approaches it from below).</summary>
    public const double Safety = 1.05;

    /// <summary>An estimate of |λ_max(M⁻¹K)| over the unknowns not in <paramref name="fixedDofs"/>.</summary>
    /// <param name="stiffness">K, with the space's pattern.</param>
    /// <param name="mass">M, with fixed rows and columns already eliminated.</param>
    /// <param name="fixedDofs">Prescribed unknowns, left out.</param>
    /// <param name="linear">Solves with M.</param>
    /// <param name="iterations">Power iterations.</param>
    public static double LargestEigenvalue(CsrMatrix stiffness, CsrMatrix mass, IReadOnlySet<int> fixedDofs, FemLinearSolver linear, int iterations = 40)
    {
        int n = stiffness.Size;
        var random = new Random(20240607);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = fixedDofs.Contains(i) ? 0 : random.NextDouble() - 0.5;
        var w = new double[n];
        var z = new double[n];
        double lambda = 0;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            double norm = Norm(v);
            if (norm == 0) return 0;
            for (int i = 0; i < n; i++) v[i] /= norm;
            stiffness.Multiply(v, w);
            foreach (int i in fixedDofs) w[i] = 0;
            Array.Clear(z);
            linear.Solve(mass, w, z, fixedDofs, 1e-8);
            foreach (int i in fixedDofs) z[i] = 0;
            lambda = Norm(z);
            (v, z) = (z, v);
        }
        return lambda;
    }
}
