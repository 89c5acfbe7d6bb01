using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Solvers.Fem;

/// <summary>Options of the finite-element reference solver.</summary>
/// <param name="Element">The element: P1 or P2 Lagrange.</param>
/// <param name="MeshSize">Target cell size h of the generated mesh, in the domain's length unit.</param>
/// <param name="QuadratureDegree">Polynomial degree the volume and facet rules integrate exactly (1 to 20); null for 2k + 2 with k the element degree (4 for P1, 6 for P2).</param>
/// <param name="Tolerance">Relative residual at which the linear solver stops.</param>
/// <param name="MaxIterations">Iteration limit of the linear solver.</param>
/// <param name="NewtonTolerance">Newton stops when the residual norm has dropped by this factor.</param>
/// <param name="MaxNewtonIterations">Iteration limit of Newton's method.</param>
/// <param name="CellsPerSide">When set, mesh the domain with the grid mesher on this many cells along each axis of its bounding box (structured meshes only) instead of using <paramref name="MeshSize"/>.</param>
/// <param name="Scheme">Time scheme of evolution problems.</param>
/// <param name="Theta">θ of <see cref="TimeScheme.Theta"/>, in [0, 1].</param>
/// <param name="TimeStep">Time step Δt of evolution problems, in the problem's time unit (rounded so that whole steps fill the interval); null to use <paramref name="TimeSteps"/>.</param>
/// <param name="TimeSteps">Number of time steps over the problem's interval; null for 100 unless <paramref name="TimeStep"/> is given.</param>
/// <param name="OutputEvery">Keep the solution of every k-th time step (the first and last are always kept).</param>
/// <param name="Preconditioner">Preconditioner of the Krylov solves (CG for symmetric Jacobians, GMRES otherwise; see <see cref="LinearSolver"/>).</param>
/// <param name="Amg">Multigrid options when <paramref name="Preconditioner"/> is <see cref="PreconditionerKind.Amg"/> (defaults when null; its thread count is replaced by <paramref name="Threads"/>).</param>
/// <param name="Threads">Threads of the linear algebra (0: one per core); results do not depend on it.</param>
public sealed record FemOptions(
    FiniteElement Element = FiniteElement.P1,
    double MeshSize = 1.0 / 64,
    int? QuadratureDegree = null,
    double Tolerance = 1e-10,
    int MaxIterations = 20_000,
    double NewtonTolerance = 1e-9,
    int MaxNewtonIterations = 30,
    int? CellsPerSide = null,
    TimeScheme Scheme = TimeScheme.Bdf2,
    double Theta = 1,
    double? TimeStep = null,
    int? TimeSteps = null,
    int OutputEvery = 1,
    PreconditionerKind Preconditioner = PreconditionerKind.Amg,
    AmgOptions? Amg = null,
    int Threads = 0)
{
    /// <summary>Default number of time steps.</summary>
    public const int DefaultTimeSteps = 100;

    /// <summary>The polynomial degree of the element: 1 or 2.</summary>
    public int ElementDegree => Element == FiniteElement.P2 ? 2 : 1;

    /// <summary>The quadrature degree in use: <see cref="QuadratureDegree"/> or 2k + 2.</summary>
    public int EffectiveQuadratureDegree => QuadratureDegree ?? 2 * ElementDegree + 2;

    /// <summary>The θ of the scheme: 1 (backward Euler, BDF2), 1/2 (Crank–Nicolson) or <see cref="Theta"/>.</summary>
    public double EffectiveTheta => Scheme switch
    {
        TimeScheme.CrankNicolson => 0.5,
        TimeScheme.Theta => Theta,
        _ => 1,
    };

    /// <summary>The options of the linear solves (<see cref="LinearSolver"/>).</summary>
    public LinearSolverOptions LinearSolverOptions => new(Preconditioner, Amg, Tolerance, MaxIterations, Threads: Threads);

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public FemOptions Validate()
    {
        if (!Enum.IsDefined(Element)) throw new ArgumentOutOfRangeException(nameof(Element), Element, "the element must be P1 or P2");
        if (!(MeshSize > 0) || double.IsInfinity(MeshSize)) throw new ArgumentOutOfRangeException(nameof(MeshSize), MeshSize, "the mesh size must be positive");
        if (QuadratureDegree is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(QuadratureDegree), QuadratureDegree, "the quadrature degree must be 1 to 20");
        if (!(Tolerance > 0 && Tolerance < 1)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "the tolerance must lie in (0, 1)");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration is needed");
        if (!(NewtonTolerance > 0 && NewtonTolerance < 1)) throw new ArgumentOutOfRangeException(nameof(NewtonTolerance), NewtonTolerance, "the Newton tolerance must lie in (0, 1)");
        if (MaxNewtonIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewtonIterations), MaxNewtonIterations, "at least one Newton iteration is needed");
        if (CellsPerSide is < 1) throw new ArgumentOutOfRangeException(nameof(CellsPerSide), CellsPerSide, "at least one cell per side is needed");
        if (!Enum.IsDefined(Scheme)) throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, "unknown time scheme");
        if (!(Theta >= 0 && Theta <= 1)) throw new ArgumentOutOfRangeException(nameof(Theta), Theta, "θ must lie in [0, 1]");
        if (TimeStep is { } dt && (!(dt > 0) || double.IsInfinity(dt))) throw new ArgumentOutOfRangeException(nameof(TimeStep), dt, "the time step must be positive");
        if (TimeSteps is < 1) throw new ArgumentOutOfRangeException(nameof(TimeSteps), TimeSteps, "at least one time step is needed");
        if (TimeStep is not null && TimeSteps is not null) throw new ArgumentException($"give {nameof(TimeStep)} or {nameof(TimeSteps)}, not both");
        if (OutputEvery < 1) throw new ArgumentOutOfRangeException(nameof(OutputEvery), OutputEvery, "output every k steps needs k ≥ 1");
        if (!Enum.IsDefined(Preconditioner)) throw new ArgumentOutOfRangeException(nameof(Preconditioner), Preconditioner, "unknown preconditioner");
        Amg?.Validate();
        if (Threads < 0) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "the thread count cannot be negative (0 means one per core)");
        return this;
    }

    /// <summary>The number of steps and the step Δt over an interval of length <paramref name="length"/>.</summary>
    public (int Steps, double Dt) StepsOver(double length)
    {
        int steps = TimeSteps ?? (TimeStep is { } dt ? Math.Max(1, (int)Math.Ceiling(length / dt - 1e-9)) : DefaultTimeSteps);
        return (steps, length / steps);
    }
}
