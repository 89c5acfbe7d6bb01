using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>Options of <see cref="LinearSolver"/>.</summary>
/// <param name="Preconditioner">The preconditioner.</param>
/// <param name="Amg">Multigrid options when <paramref name="Preconditioner"/> is <see cref="PreconditionerKind.Amg"/> (defaults when null; its thread count is replaced by <paramref name="Threads"/>).</param>
/// <param name="Tolerance">Relative residual ‖b - Ax‖ / ‖b‖ to reach.</param>
/// <param name="MaxIterations">Iteration limit of the Krylov method.</param>
/// <param name="Restart">Krylov dimension m of GMRES(m).</param>
/// <param name="Threads">Threads (0: one per core); the results do not depend on it.</param>
public sealed record LinearSolverOptions(
    PreconditionerKind Preconditioner = PreconditionerKind.Amg,
    AmgOptions? Amg = null,
    double Tolerance = 1e-10,
    int MaxIterations = 20_000,
    int Restart = 50,
    int Threads = 0)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public LinearSolverOptions Validate()
    {
        if (!Enum.IsDefined(Preconditioner)) throw new ArgumentOutOfRangeException(nameof(Preconditioner), Preconditioner, "unknown preconditioner");
        Amg?.Validate();
        if (!(Tolerance > 0 && Tolerance < 1)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "the tolerance must lie in (0, 1)");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration is needed");
        if (Restart < 1) throw new ArgumentOutOfRangeException(nameof(Restart), Restart, "the GMRES restart length must be at least 1");
        if (Threads < 0) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "the thread count cannot be negative (0 means one per core)");
        return this;
    }
}
