namespace PdeNet.Solvers.FiniteVolume;

/// <summary>Solves a tridiagonal system by the Thomas algorithm (Gaussian elimination without pivoting).</summary>
internal static class Tridiagonal
{
    /// <summary>
    /// Solves lower_i x_(i-1) + diagonal_i x_i + upper_i x_(i+1) = rhs_i in place: the solution
    /// overwrites <paramref name="rhs"/> and <paramref name="diagonal"/> is used as work space.
    /// </summary>
    /// <exception cref="InvalidOperationException">A zero pivot.</exception>
    public static void Solve(Span<double> lower, Span<double> diagonal, Span<double> upper, Span<double> rhs)
    {
        int n = rhs.Length;
        for (int i = 1; i < n; i++)
        {
            if (diagonal[i - 1] == 0) throw new InvalidOperationException($"zero pivot in row {i - 1} of the tridiagonal system");
            double m = lower[i] / diagonal[i - 1];
            diagonal[i] -= m * upper[i - 1];
            rhs[i] -= m * rhs[i - 1];
        }
        if (diagonal[n - 1] == 0) throw new InvalidOperationException($"zero pivot in row {n - 1} of the tridiagonal system");
        rhs[n - 1] /= diagonal[n - 1];
        for (int i = n - 2; i >= 0; i--) rhs[i] = (rhs[i] - upper[i] * rhs[i + 1]) / diagonal[i];
    }
}
