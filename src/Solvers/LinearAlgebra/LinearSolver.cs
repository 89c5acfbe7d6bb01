using System.Diagnostics;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Solves A x = b with the Krylov method that fits A: preconditioned CG when A is symmetric (to
/// 1e-12 relative to its largest entry), right-preconditioned GMRES(m) otherwise, and GMRES with
/// the same preconditioner when CG breaks down on a symmetric indefinite matrix (pᵀAp ≤ 0, e.g.
/// Helmholtz above the first eigenvalue).
/// </summary>
public static class LinearSolver
{
    /// <summary>Builds the preconditioner <paramref name="options"/> names for <paramref name="matrix"/> (to reuse it over several solves with one matrix).</summary>
    /// <param name="matrix">A, square.</param>
    /// <param name="options">Which preconditioner, and its options.</param>
    /// <param name="nearNullSpace">For multigrid: the near-null space and nodes of the unknowns (null: constants on scalar unknowns).</param>
    public static IPreconditioner Preconditioner(CsrMatrix matrix, LinearSolverOptions options, NearNullSpace? nearNullSpace = null) => options.Validate().Preconditioner switch
    {
        PreconditionerKind.Jacobi => new JacobiPreconditioner(matrix),
        _ => new AlgebraicMultigrid(matrix, (options.Amg ?? new AmgOptions()) with { Threads = options.Threads }, nearNullSpace),
    };

    /// <summary>Solves A x = b from the given x, building the preconditioner.</summary>
    /// <param name="matrix">A, square.</param>
    /// <param name="rhs">b.</param>
    /// <param name="x">Initial guess on entry, solution on exit.</param>
    /// <param name="options">Preconditioner, tolerance and limits.</param>
    /// <param name="nearNullSpace">For multigrid: the near-null space and nodes of the unknowns (null: constants on scalar unknowns).</param>
    public static LinearSolveReport Solve(CsrMatrix matrix, double[] rhs, double[] x, LinearSolverOptions options, NearNullSpace? nearNullSpace = null)
    {
        var clock = Stopwatch.StartNew();
        bool symmetric = IsSymmetric(matrix, options.Threads);
        var preconditioner = Preconditioner(matrix, options, nearNullSpace);
        return Solve(matrix, rhs, x, preconditioner, symmetric, options, clock);
    }

    /// <summary>Solves A x = b from the given x with a preconditioner built before (see <see cref="Preconditioner"/>).</summary>
    public static LinearSolveReport Solve(CsrMatrix matrix, double[] rhs, double[] x, IPreconditioner preconditioner, LinearSolverOptions options)
    {
        var clock = Stopwatch.StartNew();
        return Solve(matrix, rhs, x, preconditioner, IsSymmetric(matrix, options.Validate().Threads), options, clock);
    }

    private static LinearSolveReport Solve(CsrMatrix matrix, double[] rhs, double[] x, IPreconditioner preconditioner, bool symmetric, LinearSolverOptions options, Stopwatch clock)
    {
        double setup = clock.Elapsed.TotalSeconds;
        string kind = preconditioner switch
        {
            AlgebraicMultigrid => "amg",
            JacobiPreconditioner => "jacobi",
            _ => preconditioner.GetType().Name,
        };
        string details = preconditioner is AlgebraicMultigrid amg
            ? $"amg: {amg.LevelCount} levels ({string.Join(", ", amg.LevelSizes)} unknowns), operator complexity {amg.OperatorComplexity:F2}, near-null space {amg.NearNullSpaceSize}"
            : kind;
        clock.Restart();
        KrylovResult result;
        string method = symmetric ? "cg" : "gmres";
        if (symmetric)
        {
            var start = (double[])x.Clone();
            try
            {
                result = ConjugateGradient.Solve(matrix, rhs, x, preconditioner, options.Tolerance, options.MaxIterations, options.Threads);
            }
            catch (ArithmeticException)
            {
                // pᵀAp ≤ 0: the matrix (or the preconditioned operator) is indefinite, which CG cannot handle.
                start.CopyTo(x, 0);
                method = "gmres";
                result = GeneralizedMinimalResidual.Solve(matrix, rhs, x, preconditioner, options.Tolerance, options.MaxIterations, options.Restart, options.Threads);
            }
        }
        else
        {
            result = GeneralizedMinimalResidual.Solve(matrix, rhs, x, preconditioner, options.Tolerance, options.MaxIterations, options.Restart, options.Threads);
        }
        return new LinearSolveReport(result, $"{method}+{kind}", details, setup, clock.Elapsed.TotalSeconds);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool IsSymmetric(CsrMatrix matrix, int threads)
    {
        double max = 0;
        foreach (double v in matrix.Values) max = Math.Max(max, Math.Abs(v));
        return matrix.Asymmetry(threads) <= 1e-12 * max;
    }
}
