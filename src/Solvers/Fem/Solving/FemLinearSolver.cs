using PdeNet.Solvers.Fem.Spaces;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.Fem.Solving;

/// <summary>
/// The one place where the finite-element solver solves a linear system J x = b (a Newton
/// correction, a time step, a mass solve): CG when J is symmetric, right-preconditioned GMRES(m)
/// otherwise, both preconditioned by smoothed-aggregation multigrid or Jacobi
/// (<see cref="FemOptions.Preconditioner"/>; the Krylov work is <see cref="LinearSolver"/>'s). A system with a mostly negative diagonal (a residual written as Δu + f)
/// is negated first so CG sees a positive definite matrix; when CG breaks down on a symmetric
/// indefinite matrix (Helmholtz above the first eigenvalue) GMRES takes over. For a displacement
/// field (as many components as space dimensions) the multigrid is given the rigid-body modes of
/// the space's nodes as near-null space, so its coarse spaces hold rotations as well as
/// translations and the iteration count stays flat under refinement; constrained unknowns (unit
/// rows after elimination) drop out of the coarse spaces there, as they do for scalar unknowns.
/// </summary>
/// <param name="options">The solver options.</param>
/// <param name="statistics">Where iterations and times are recorded.</param>
/// <param name="space">The space of the unknowns (its nodes and components choose the near-null space).</param>
internal sealed class FemLinearSolver(FemOptions options, SolveStatistics statistics, FunctionSpace space)
{
    private readonly NearNullSpace? _nearNullSpace = NearNullSpaceOf(space);

    /// <summary>Near-null-space vectors the multigrid reproduces: 3 (2D) or 6 (3D) rigid-body modes for a displacement field, 1 (the constants) otherwise.</summary>
    public int NearNullSpaceSize => _nearNullSpace?.Count ?? 1;

    /// <summary>The rigid-body modes when the unknown is a displacement field (components = space dimension &gt; 1); null (constants) otherwise.</summary>
    public static NearNullSpace? NearNullSpaceOf(FunctionSpace space) =>
        space.Components > 1 && space.Components == space.Dimension ? NearNullSpace.RigidBodyModes(space.Dofs.Coordinates, space.Dimension) : null;

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
        var settings = tolerance is { } target ? options.LinearSolverOptions with { Tolerance = target } : options.LinearSolverOptions;
        var report = LinearSolver.Solve(matrix, rhs, x, settings, matrix.Size == space.DofCount ? _nearNullSpace : null);
        statistics.RecordLinearSolve(report);
        if (!report.Result.Converged)
            throw new FemSolveException($"the linear solver ({report.Method}) reached {options.MaxIterations} iterations at relative residual {report.Result.RelativeResidual:E2} > {tolerance ?? options.Tolerance:E0}; raise MaxIterations or the tolerance");
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
