using System.Diagnostics;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// The one place where the finite-element solver solves a linear system J x = b (a Newton
/// correction, a time step, a mass solve): CG when J is symmetric, right-preconditioned GMRES(m)
/// otherwise, both preconditioned by smoothed-aggregation multigrid or Jacobi
/// (<see cref="FemOptions.Preconditioner"/>). A system with a mostly negative diagonal (a residual written as Δu + f)
/// is negated first so CG sees a positive definite matrix; when CG breaks down on a symmetric
/// indefinite matrix (Helmholtz above the first eigenvalue) GMRES takes over. Swap the
/// preconditioner or the Krylov method here.
/// </summary>
internal sealed class FemLinearSolver(FemOptions options, SolveStatistics statistics)
{
    /// <summary>Restart length of GMRES.</summary>
    public const int Restart = 50;

    /// <summary>
    /// Solves <paramref name="matrix"/> x = <paramref name="rhs"/> into <paramref name="x"/>
    /// (initial guess on entry). The matrix's fixed rows must already be unit rows; the matrix and
    /// the right-hand side may be negated in place.
    /// </summary>
    /// <exception cref="FemSolveException">The Krylov method did not reach the tolerance.</exception>
    public void Solve(CsrMatrix matrix, double[] rhs, double[] x, IReadOnlySet<int> fixedDofs, double? tolerance = null)
    {
        if (NegativeDiagonal(matrix, fixedDofs))
        {
            for (int k = 0; k < matrix.Values.Length; k++) matrix.Values[k] = -matrix.Values[k];
            foreach (int i in fixedDofs) matrix.Values[matrix.IndexOf(i, i)] = 1;
            for (int i = 0; i < rhs.Length; i++)
            {
                if (!fixedDofs.Contains(i)) rhs[i] = -rhs[i];
            }
        }
        var setup = Stopwatch.StartNew();
        bool symmetric = matrix.Asymmetry(options.Threads) <= 1e-12 * MaxAbs(matrix.Values);
        IPreconditioner preconditioner = options.Preconditioner == PreconditionerKind.Jacobi
            ? new JacobiPreconditioner(matrix)
            : new AlgebraicMultigrid(matrix, (options.Amg ?? new AmgOptions()) with { Threads = options.Threads });
        statistics.PreconditionerSeconds += setup.Elapsed.TotalSeconds;
        string kind = options.Preconditioner.ToString().ToLowerInvariant();
        string name = $"{(symmetric ? "cg" : "gmres")}+{kind}";
        double target = tolerance ?? options.Tolerance;
        var start = (double[])x.Clone();
        KrylovResult result;
        try
        {
            result = symmetric
                ? ConjugateGradient.Solve(matrix, rhs, x, preconditioner, target, options.MaxIterations, options.Threads)
                : GeneralizedMinimalResidual.Solve(matrix, rhs, x, preconditioner, target, options.MaxIterations, Restart, options.Threads);
        }
        catch (ArithmeticException) when (symmetric)
        {
            // pᵀAp ≤ 0: the matrix is indefinite, which CG cannot handle.
            start.CopyTo(x, 0);
            name = $"gmres+{kind}";
            result = GeneralizedMinimalResidual.Solve(matrix, rhs, x, preconditioner, target, options.MaxIterations, Restart, options.Threads);
        }
        statistics.RecordLinearSolve(name, result);
        if (!result.Converged)
            throw new FemSolveException($"the linear solver ({name}) reached {options.MaxIterations} iterations at relative residual {result.RelativeResidual:E2} > {target:E0}; raise MaxIterations or the tolerance");
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    private static bool NegativeDiagonal(CsrMatrix matrix, IReadOnlySet<int> fixedDofs)
    {
        int negative = 0, positive = 0;
        for (int i = 0; i < matrix.Size; i++)
        {
            if (fixedDofs.Contains(i)) continue;
            double diagonal = matrix[i, i];
            if (diagonal < 0) negative++;
            else if (diagonal > 0) positive++;
        }
        return negative > positive;
    }
}
