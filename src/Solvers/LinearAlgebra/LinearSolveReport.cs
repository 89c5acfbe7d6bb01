namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>How a <see cref="LinearSolver"/> solve went.</summary>
/// <param name="Result">The Krylov method's result (iterations, final relative residual, converged).</param>
/// <param name="Method">Krylov method and preconditioner, e.g. "cg+amg" or "gmres+jacobi".</param>
/// <param name="Preconditioner">The preconditioner, e.g. the multigrid levels and operator complexity.</param>
/// <param name="SetupSeconds">Wall-clock seconds of the symmetry test and the preconditioner's setup.</param>
/// <param name="SolveSeconds">Wall-clock seconds of the Krylov iterations.</param>
public sealed record LinearSolveReport(KrylovResult Result, string Method, string Preconditioner, double SetupSeconds, double SolveSeconds);
