using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>BiCGStab (van der Vorst 1992), right-preconditioned, for nonsymmetric systems.</summary>
public static class BiConjugateGradientStabilized
{
    /// <summary>
    /// Solves A x = b, starting from the given x, until ‖b - Ax‖ ≤ tolerance·‖b‖ or
    /// <paramref name="maxIterations"/> is reached.
    /// </summary>
    /// <param name="matrix">A, square.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Initial guess on entry, solution on exit.</param>
    /// <param name="preconditioner">M⁻¹.</param>
    /// <param name="tolerance">Relative residual to reach.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="threads">Threads for the matrix-vector products and vector operations (0: one per core); the iterates do not depend on it.</param>
    public static KrylovResult Solve(CsrMatrix matrix, ReadOnlySpan<double> b, Span<double> x, IPreconditioner preconditioner, double tolerance, int maxIterations, int threads = 0)
    {
        int n = matrix.Size;
        var rhs = b.ToArray();
        var solution = x.ToArray();
        var r = new double[n];
        var rHat = new double[n];
        var p = new double[n];
        var v = new double[n];
        var s = new double[n];
        var t = new double[n];
        var pHat = new double[n];
        var sHat = new double[n];
        try
        {
            double normB = Residual(matrix, rhs, solution, r, threads);
            double residual = Norm(r, threads) / normB;
            if (residual <= tolerance) return new KrylovResult(0, residual, true);
            r.CopyTo(rHat, 0);
            double rho = 1, alpha = 1, omega = 1;
            for (int iteration = 1; iteration <= maxIterations; iteration++)
            {
                double next = Dot(rHat, r, threads);
                if (next == 0) throw new ArithmeticException($"BiCGStab broke down at iteration {iteration} (ρ = 0)");
                double beta = next / rho * (alpha / omega);
                rho = next;
                // p = r + β (p - ω v)
                Axpy(-omega, v, p, threads);
                Xpby(r, beta, p, threads);
                preconditioner.Apply(p, pHat);
                matrix.Multiply(pHat, v, threads);
                alpha = rho / Dot(rHat, v, threads);
                Array.Copy(r, s, n);
                Axpy(-alpha, v, s, threads);
                double normS = Norm(s, threads) / normB;
                if (normS <= tolerance)
                {
                    Axpy(alpha, pHat, solution, threads);
                    return new KrylovResult(iteration, normS, true);
                }
                preconditioner.Apply(s, sHat);
                matrix.Multiply(sHat, t, threads);
                omega = Dot(t, s, threads) / Dot(t, t, threads);
                Axpy(alpha, pHat, solution, threads);
                Axpy(omega, sHat, solution, threads);
                Array.Copy(s, r, n);
                Axpy(-omega, t, r, threads);
                residual = Norm(r, threads) / normB;
                if (residual <= tolerance) return new KrylovResult(iteration, residual, true);
                if (omega == 0) throw new ArithmeticException($"BiCGStab broke down at iteration {iteration} (ω = 0)");
            }
            return new KrylovResult(maxIterations, residual, false);
        }
        finally
        {
            solution.CopyTo(x);
        }
    }
}
