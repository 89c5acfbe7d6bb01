using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>BiCGStab (van der Vorst 1992), right-preconditioned, for nonsymmetric systems.</summary>
public static class BiConjugateGradientStabilized
{
    /// <summary>
    /// Solves A x = b, starting from the given x, until ‖b - Ax‖ ≤ tolerance·‖b‖ or
    /// <paramref name="maxIterations"/> is reached.
    /// </summary>
    public static KrylovResult Solve(CsrMatrix matrix, ReadOnlySpan<double> b, Span<double> x, IPreconditioner preconditioner, double tolerance, int maxIterations)
    {
        int n = matrix.Size;
        var r = new double[n];
        var rHat = new double[n];
        var p = new double[n];
        var v = new double[n];
        var s = new double[n];
        var t = new double[n];
        var pHat = new double[n];
        var sHat = new double[n];
        double normB = Residual(matrix, b, x, r);
        double residual = Norm(r) / normB;
        if (residual <= tolerance) return new KrylovResult(0, residual, true);
        r.CopyTo(rHat, 0);
        Array.Clear(v);
        double rho = 1, alpha = 1, omega = 1;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            double next = Dot(rHat, r);
            if (next == 0) throw new ArithmeticException($"BiCGStab broke down at iteration {iteration} (ρ = 0)");
            double beta = next / rho * (alpha / omega);
            rho = next;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * (p[i] - omega * v[i]);
            preconditioner.Apply(p, pHat);
            matrix.Multiply(pHat, v);
            alpha = rho / Dot(rHat, v);
            for (int i = 0; i < n; i++) s[i] = r[i] - alpha * v[i];
            if (Norm(s) / normB <= tolerance)
            {
                for (int i = 0; i < n; i++) x[i] += alpha * pHat[i];
                return new KrylovResult(iteration, Norm(s) / normB, true);
            }
            preconditioner.Apply(s, sHat);
            matrix.Multiply(sHat, t);
            omega = Dot(t, s) / Dot(t, t);
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * pHat[i] + omega * sHat[i];
                r[i] = s[i] - omega * t[i];
            }
            residual = Norm(r) / normB;
            if (residual <= tolerance) return new KrylovResult(iteration, residual, true);
            if (omega == 0) throw new ArithmeticException($"BiCGStab broke down at iteration {iteration} (ω = 0)");
        }
        return new KrylovResult(maxIterations, residual, false);
    }
}
