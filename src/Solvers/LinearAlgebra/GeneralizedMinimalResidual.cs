using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Restarted GMRES(m) (Saad and Schultz 1986) with right preconditioning, for nonsymmetric
/// systems: each cycle builds an orthonormal Krylov basis of A M⁻¹ by the Arnoldi process with
/// modified Gram–Schmidt, reduces the Hessenberg least-squares problem with Givens rotations, and
/// updates x ← x + M⁻¹ V y. Because the preconditioner acts on the right, the residual it
/// minimises is the true residual b - A x.
/// </summary>
public static class GeneralizedMinimalResidual
{
    /// <summary>
    /// Solves A x = b, starting from the given x, until ‖b - Ax‖ ≤ tolerance·‖b‖ or
    /// <paramref name="maxIterations"/> Arnoldi steps in all.
    /// </summary>
    /// <param name="matrix">A, square.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Initial guess on entry, solution on exit.</param>
    /// <param name="preconditioner">M⁻¹.</param>
    /// <param name="tolerance">Relative residual to reach.</param>
    /// <param name="maxIterations">Limit on the Arnoldi steps, summed over restarts.</param>
    /// <param name="restart">m, the Krylov dimension after which GMRES restarts (memory: m + 1 vectors).</param>
    /// <param name="threads">Threads for the matrix-vector products and vector operations (0: one per core); the iterates do not depend on it.</param>
    public static KrylovResult Solve(CsrMatrix matrix, ReadOnlySpan<double> b, Span<double> x, IPreconditioner preconditioner, double tolerance, int maxIterations, int restart = 30, int threads = 0)
    {
        if (restart < 1) throw new ArgumentOutOfRangeException(nameof(restart), restart, "the restart length must be at least 1");
        int n = matrix.Size;
        var rhs = b.ToArray();
        var solution = x.ToArray();
        var basis = new double[restart + 1][];
        for (int j = 0; j <= restart; j++) basis[j] = new double[n];
        var z = new double[n];
        var w = new double[n];
        var hessenberg = new double[restart + 1, restart];
        var cosine = new double[restart];
        var sine = new double[restart];
        var g = new double[restart + 1];
        var y = new double[restart];
        int iterations = 0;
        try
        {
            double normB = Residual(matrix, rhs, solution, basis[0], threads);
            double residual = Norm(basis[0], threads) / normB;
            while (true)
            {
                if (residual <= tolerance) return new KrylovResult(iterations, residual, true);
                if (iterations >= maxIterations) return new KrylovResult(iterations, residual, false);
                double beta = Norm(basis[0], threads);
                Scale(1 / beta, basis[0], basis[0], threads);
                Array.Clear(g);
                g[0] = beta;
                int size = 0;
                while (size < restart && iterations < maxIterations)
                {
                    int j = size;
                    preconditioner.Apply(basis[j], z);
                    matrix.Multiply(z, w, threads);
                    for (int i = 0; i <= j; i++)
                    {
                        double h = Dot(w, basis[i], threads);
                        hessenberg[i, j] = h;
                        Axpy(-h, basis[i], w, threads);
                    }
                    double norm = Norm(w, threads);
                    hessenberg[j + 1, j] = norm;
                    for (int i = 0; i < j; i++)
                    {
                        double upper = hessenberg[i, j], lower = hessenberg[i + 1, j];
                        hessenberg[i, j] = cosine[i] * upper + sine[i] * lower;
                        hessenberg[i + 1, j] = -sine[i] * upper + cosine[i] * lower;
                    }
                    double radius = Hypot(hessenberg[j, j], hessenberg[j + 1, j]);
                    (cosine[j], sine[j]) = radius == 0 ? (1.0, 0.0) : (hessenberg[j, j] / radius, hessenberg[j + 1, j] / radius);
                    hessenberg[j, j] = radius;
                    hessenberg[j + 1, j] = 0;
                    g[j + 1] = -sine[j] * g[j];
                    g[j] = cosine[j] * g[j];
                    size++;
                    iterations++;
                    if (norm == 0 || Math.Abs(g[j + 1]) / normB <= tolerance) break;
                    Scale(1 / norm, w, basis[j + 1], threads);
                }
                // y = H⁻¹ g (upper triangular), x += M⁻¹ V y.
                for (int i = size - 1; i >= 0; i--)
                {
                    double sum = g[i];
                    for (int k = i + 1; k < size; k++) sum -= hessenberg[i, k] * y[k];
                    y[i] = hessenberg[i, i] == 0 ? 0 : sum / hessenberg[i, i];
                }
                Array.Clear(w);
                for (int i = 0; i < size; i++) Axpy(y[i], basis[i], w, threads);
                preconditioner.Apply(w, z);
                Axpy(1, z, solution, threads);
                matrix.Residual(rhs, solution, basis[0], threads);
                residual = Norm(basis[0], threads) / normB;
            }
        }
        finally
        {
            solution.CopyTo(x);
        }
    }

    private static double Hypot(double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        if (scale == 0) return 0;
        a /= scale;
        b /= scale;
        return scale * Math.Sqrt(a * a + b * b);
    }
}
