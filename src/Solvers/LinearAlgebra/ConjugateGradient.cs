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
    public static KrylovResult Solve(CsrMatrix matrix, ReadOnlySpan<double> b, Span<double> x, IPreconditioner preconditioner, double tolerance, int maxIterations)
    {
        int n = matrix.Size;
        var r = new double[n];
        var z = new double[n];
        var p = new double[n];
        var q = new double[n];
        double normB = Residual(matrix, b, x, r);
        double residual = Norm(r) / normB;
        if (residual <= tolerance) return new KrylovResult(0, residual, true);
        preconditioner.Apply(r, z);
        z.CopyTo(p, 0);
        double rz = Dot(r, z);
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            matrix.Multiply(p, q);
            double pq = Dot(p, q);
            if (!(pq > 0)) throw new ArithmeticException($"conjugate gradients broke down at iteration {iteration} (pᵀAp = {pq}): the matrix is not positive definite");
            double alpha = rz / pq;
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            residual = Norm(r) / normB;
            if (residual <= tolerance) return new KrylovResult(iteration, residual, true);
            preconditioner.Apply(r, z);
            double next = Dot(r, z);
            double beta = next / rz;
            rz = next;
            for (int i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
        }
        return new KrylovResult(maxIterations, residual, false);
    }
}
