namespace PdeNet.Solvers.Fem;

/// <summary>The preconditioner of the finite-element solver's Krylov solves.</summary>
public enum PreconditionerKind
{
    /// <summary>Smoothed-aggregation algebraic multigrid (one V-cycle): iteration counts independent of h.</summary>
    Amg,

    /// <summary>The diagonal of the matrix: cheap to build, iteration counts grow like 1/h.</summary>
    Jacobi,
}
