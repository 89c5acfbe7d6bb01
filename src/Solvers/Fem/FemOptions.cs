using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.Fem;

/// <summary>Options of the finite-element reference solver.</summary>
/// <param name="Element">The element.</param>
/// <param name="MeshSize">Target cell size h of the generated mesh, in the domain's length unit.</param>
/// <param name="QuadratureDegree">Degree of the triangle quadrature for volume integrals (1 to 5).</param>
/// <param name="Tolerance">Relative residual at which the linear solver stops.</param>
/// <param name="MaxIterations">Iteration limit of the linear solver.</param>
/// <param name="NewtonTolerance">Newton stops when the residual norm has dropped by this factor.</param>
/// <param name="MaxNewtonIterations">Iteration limit of Newton's method.</param>
/// <param name="Preconditioner">Preconditioner of the Krylov solves (CG for symmetric Jacobians, GMRES otherwise; see <see cref="LinearSolver"/>).</param>
/// <param name="Amg">Multigrid options when <paramref name="Preconditioner"/> is <see cref="PreconditionerKind.Amg"/> (defaults when null; its thread count is replaced by <paramref name="Threads"/>).</param>
/// <param name="Threads">Threads of the linear algebra (0: one per core); results do not depend on it.</param>
public sealed record FemOptions(
    FiniteElement Element = FiniteElement.P1,
    double MeshSize = 1.0 / 64,
    int QuadratureDegree = 4,
    double Tolerance = 1e-10,
    int MaxIterations = 20_000,
    double NewtonTolerance = 1e-9,
    int MaxNewtonIterations = 30,
    PreconditionerKind Preconditioner = PreconditionerKind.Amg,
    AmgOptions? Amg = null,
    int Threads = 0)
{
    /// <summary>The options of the linear solves (<see cref="LinearSolver"/>).</summary>
    public LinearSolverOptions LinearSolverOptions => new(Preconditioner, Amg, Tolerance, MaxIterations, Threads: Threads);

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public FemOptions Validate()
    {
        if (!(MeshSize > 0) || double.IsInfinity(MeshSize)) throw new ArgumentOutOfRangeException(nameof(MeshSize), MeshSize, "the mesh size must be positive");
        if (QuadratureDegree is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(QuadratureDegree), QuadratureDegree, "the quadrature degree must be 1 to 5");
        if (!(Tolerance > 0 && Tolerance < 1)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "the tolerance must lie in (0, 1)");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration is needed");
        if (!(NewtonTolerance > 0 && NewtonTolerance < 1)) throw new ArgumentOutOfRangeException(nameof(NewtonTolerance), NewtonTolerance, "the Newton tolerance must lie in (0, 1)");
        if (MaxNewtonIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewtonIterations), MaxNewtonIterations, "at least one Newton iteration is needed");
        if (!Enum.IsDefined(Preconditioner)) throw new ArgumentOutOfRangeException(nameof(Preconditioner), Preconditioner, "unknown preconditioner");
        Amg?.Validate();
        if (Threads < 0) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "the thread count cannot be negative (0 means one per core)");
        return this;
    }
}
