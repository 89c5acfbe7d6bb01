using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>The preconditioned conjugate gradient method for symmetric positive definite systems.</summary>
public static class ConjugateGradient
{
    /// <summary>
    /// Solves A x = b, starting from the given x, until ‖b - Ax‖ ≤ tolerance·‖b‖ or
    /// <paramref name="maxIterations"/> is reached.
    /// </summary>
    /// <param name="matrix">A, symmetric positive definite.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Initial guess on entry, solution on exit.</param>
    /// <param name="preconditioner">M⁻¹, symmetric positive definite.</param>
    /// <param name="tolerance">Relative residual to reach.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="threads">Threads for the matrix-vector products and vector operations (0: one per core); the iterates do not depend on it.</param>
    public static KrylovResult Solve(CsrMatrix matrix, ReadOnlySpan<double> b, Span<double> x, IPreconditioner preconditioner, double tolerance, int maxIterations, int threads = 0)
    {
        int n = matrix.Size;
        var rhs = b.ToArray();
        var solution = x.ToArray();
        var r = new double[n];
        var z = new double[n];
        var p = new double[n];
        var q = new double[n];
        try
        {
            double normB = Residual(matrix, rhs, solution, r, threads);
            double residual = Norm(r, threads) / normB;
            if (residual <= tolerance) return new KrylovResult(0, residual, true);
            preconditioner.Apply(r, z);
            z.CopyTo(p, 0);
            double rz = Dot(r, z, threads);
            for (int iteration = 1; iteration <= maxIterations; iteration++)
            {
                matrix.Multiply(p, q, threads);
                double pq = Dot(p, q, threads);
                if (!(pq > 0)) throw new ArithmeticException($"conjugate gradients broke down at iteration {iteration} (pᵀAp = {pq}): the matrix is not positive definite");
                double alpha = rz / pq;
                residual = Math.Sqrt(UpdateSolutionAndResidual(alpha, p, q, solution, r, threads)) / normB;
                if (residual <= tolerance) return new KrylovResult(iteration, residual, true);
                preconditioner.Apply(r, z);
                double next = Dot(r, z, threads);
                double beta = next / rz;
                rz = next;
                Xpby(z, beta, p, threads);
            }
            return new KrylovResult(maxIterations, residual, false);
        }
        finally
        {
            solution.CopyTo(x);
        }
    }
}
