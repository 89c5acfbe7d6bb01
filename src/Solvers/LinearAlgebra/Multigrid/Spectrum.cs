using System.Runtime.CompilerServices;

namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>Spectral bounds used by the multigrid setup.</summary>
internal static class Spectrum
{
    /// <summary>
    /// Gershgorin's bound max_i Σ_j |a_ij| / |a_ii| on the spectral radius of D⁻¹A (rows with a
    /// zero diagonal are skipped; 1 for a matrix without rows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double GershgorinBound(CsrMatrix a, double[] diagonal)
    {
        double bound = 0;
        for (int i = 0; i < a.Size; i++)
        {
            if (diagonal[i] == 0) continue;
            double sum = 0;
            for (int k = a.RowStart[i]; k < a.RowStart[i + 1]; k++) sum += Math.Abs(a.Values[k]);
            bound = Math.Max(bound, sum / Math.Abs(diagonal[i]));
        }
        return bound > 0 ? bound : 1;
    }

    /// <summary>Lanczos steps of the spectral-radius estimates.</summary>
    public const int LanczosSteps = 10;

    /// <summary>
    /// An estimate of ρ(D⁻¹A) by <paramref name="steps"/> Lanczos steps on the symmetric matrix
    /// D^(-1/2) A D^(-1/2) (similar to D⁻¹A) from a fixed start vector: the largest eigenvalue of
    /// the Lanczos tridiagonal matrix, found by Sturm-sequence bisection. It approaches λ_max from
    /// below, quickly; it is capped by Gershgorin's bound. For nonsymmetric A it is a heuristic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LanczosEstimate(CsrMatrix a, double[] diagonal, int steps, int threads)
    {
        int n = a.Size;
        double bound = GershgorinBound(a, diagonal);
        if (n == 0) return bound;
        var scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = diagonal[i] != 0 ? 1 / Math.Sqrt(Math.Abs(diagonal[i])) : 0;
        var v = new double[n];
        var previous = new double[n];
        var w = new double[n];
        var scaled = new double[n];
        // A fixed, irregular start vector (values in [0.5, 1.5) from a multiplicative hash of i).
        for (int i = 0; i < n; i++) v[i] = 0.5 + (uint)(i * 2654435761u) / 4294967296.0;
        VectorOperations.Scale(1 / VectorOperations.Norm(v, threads), v, v, threads);
        var alpha = new List<double>();
        var beta = new List<double>();
        double betaPrevious = 0;
        for (int step = 0; step < Math.Min(steps, n); step++)
        {
            Scale(scale, v, scaled);
            a.Multiply(scaled, w, threads);
            ScaleAndSubtract(scale, w, betaPrevious, previous);
            double alphaStep = VectorOperations.Dot(w, v, threads);
            VectorOperations.Axpy(-alphaStep, v, w, threads);
            alpha.Add(alphaStep);
            double betaStep = VectorOperations.Norm(w, threads);
            if (!(betaStep > 1e-12 * Math.Abs(alphaStep))) break;
            beta.Add(betaStep);
            (previous, v) = (v, previous);
            VectorOperations.Scale(1 / betaStep, w, v, threads);
            betaPrevious = betaStep;
        }
        return Math.Min(LargestEigenvalue(alpha, beta), bound);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scale(double[] scale, double[] v, double[] result)
    {
        for (int i = 0; i < result.Length; i++) result[i] = scale[i] * v[i];
    }

    /// <summary>w = s ∘ w - β p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaleAndSubtract(double[] scale, double[] w, double beta, double[] p)
    {
        for (int i = 0; i < w.Length; i++) w[i] = scale[i] * w[i] - beta * p[i];
    }

    /// <summary>The largest eigenvalue of the symmetric tridiagonal matrix with diagonal α and off-diagonal β, by bisection on Sturm counts.</summary>
    private static double LargestEigenvalue(List<double> alpha, List<double> beta)
    {
        int m = alpha.Count;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
        {
            double radius = (i > 0 ? Math.Abs(beta[i - 1]) : 0) + (i < m - 1 ? Math.Abs(beta[i]) : 0);
            low = Math.Min(low, alpha[i] - radius);
            high = Math.Max(high, alpha[i] + radius);
        }
        for (int iteration = 0; iteration < 100 && high - low > 1e-12 * Math.Max(1, Math.Abs(high)); iteration++)
        {
            double middle = (low + high) / 2;
            // Number of eigenvalues above middle = number of negative pivots of (middle I - T).
            int above = 0;
            double d = 1;
            for (int i = 0; i < m; i++)
            {
                double off = i > 0 ? beta[i - 1] * beta[i - 1] / d : 0;
                d = middle - alpha[i] - off;
                if (d == 0) d = 1e-300;
                if (d < 0) above++;
            }
            if (above > 0) low = middle;
            else high = middle;
        }
        return high;
    }
}
