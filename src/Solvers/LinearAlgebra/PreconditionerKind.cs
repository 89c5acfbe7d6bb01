namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>A preconditioner for <see cref="LinearSolver"/>.</summary>
public enum PreconditionerKind
{
    /// <summary>Smoothed-aggregation algebraic multigrid (one V-cycle): iteration counts independent of h.</summary>
    Amg,

    /// <summary>The diagonal of the matrix: cheap to build, iteration counts grow like 1/h.</summary>
    Jacobi,
}
