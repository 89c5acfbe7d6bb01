using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Assembly;
using PdeNet.Solvers.Fem.Solving;
using PdeNet.Solvers.Fem.Spaces;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// The finite-element reference solver. It derives the weak form from the problem's equation,
/// meshes the domain, builds the P1 or P2 Lagrange space, imposes Dirichlet values at boundary
/// unknowns and natural conditions in the weak form, and solves r(u_h) = 0 by Newton's method
/// (one step for linear problems) with backtracking, each step a preconditioned Krylov solve.
/// Evolution problems m u_t + R(u) = 0 are stepped in time (backward Euler, Crank–Nicolson,
/// θ-scheme or BDF2), every step the same Newton solve. A pure Neumann problem needs a
/// prescribed mean (<see cref="Problem.WithMean"/>).
/// </summary>
public sealed class FemSolver(FemOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public FemOptions Options { get; } = (options ?? new FemOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "fem";

    object ISolver.Options => Options;

    /// <summary>Meshes the problem's domain (<see cref="MeshFor"/>) and solves on that mesh.</summary>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        var form = WeakForm.Of(problem);
        progress?.Report(new SolverProgress("meshing", 0, 0, new Dictionary<string, double>()));
        return Solve(form, MeshFor(problem.Domain!, Options), progress, cancellation);
    }

    /// <summary>
    /// The mesh the solver makes of <paramref name="domain"/>: the grid mesher's intervals,
    /// triangles or tetrahedra on <see cref="FemOptions.CellsPerSide"/> cells per axis when that
    /// is set, otherwise <see cref="Meshing.For"/> at <see cref="FemOptions.MeshSize"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Cells per side were asked for a domain the grid mesher cannot mesh.</exception>
    public static Mesh MeshFor(Domain domain, FemOptions options)
    {
        if (options.CellsPerSide is not { } n) return Meshing.For(domain, options.MeshSize);
        var cellType = domain.Dimension switch { 1 => CellType.Interval, 2 => CellType.Triangle, _ => CellType.Tetrahedron };
        try
        {
            return GridMesher.Generate(domain, Enumerable.Repeat(n, domain.Dimension).ToArray(), cellType);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"{n} cells per side need a structured mesh, which this domain does not allow ({e.Message}); give a mesh size h instead");
        }
    }

    /// <summary>Solves <paramref name="problem"/> on the given linear mesh.</summary>
    /// <exception cref="NotSupportedException">The equation has no first-order weak form here, or the mesh is not a linear simplex mesh.</exception>
    /// <exception cref="ProblemDefinitionException">A condition names a boundary part the mesh lacks.</exception>
    /// <exception cref="FemSolveException">The system is singular, Newton's method or the linear solver did not converge, or the time step is unstable.</exception>
    public FemSolution Solve(Problem problem, Mesh mesh, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default) =>
        Solve(WeakForm.Of(problem), mesh, progress, cancellation);

    private FemSolution Solve(WeakForm form, Mesh mesh, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var problem = form.Problem;
        CheckParts(problem, mesh);
        var statistics = new SolveStatistics();
        var setup = Stopwatch.StartNew();
        var space = new FunctionSpace(mesh, Options.Element, [.. problem.Conditions.OfType<Periodic>()], form.Components);
        var assembler = new FormAssembler(form, space, Options.EffectiveQuadratureDegree);
        var dirichlet = new DirichletValues(problem, space);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        statistics.AssembleSeconds += setupSeconds;
        var linear = new FemLinearSolver(Options, statistics, space);
        var newton = new NewtonSolver(Options, linear, statistics);

        var metadata = new Dictionary<string, object>
        {
            ["element"] = Options.Element.ToString(),
            ["mesh_size"] = mesh.MaxEdgeLength(),
            ["dofs"] = space.DofCount,
            ["cells"] = mesh.CellCount,
            ["quadrature_degree"] = Options.EffectiveQuadratureDegree,
            ["tolerance"] = Options.Tolerance,
        };
        Func<FemSolution> build;
        if (form.IsTimeDependent)
        {
            var (times, steps) = new TimeStepper(Options, newton, linear, statistics).Run(form, space, assembler, dirichlet, progress, cancellation);
            build = () => new FemSolution(problem, space, times, steps) { Seconds = clock.Elapsed.TotalSeconds, Metadata = metadata };
            var (count, dt) = Options.StepsOver(problem.Time!.Length);
            metadata["time_scheme"] = Options.Scheme.ToString();
            metadata["theta"] = Options.EffectiveTheta;
            metadata["time_step"] = dt;
            metadata["time_steps"] = count;
            metadata["output_every"] = Options.OutputEvery;
        }
        else
        {
            var values = SolveSteady(form, assembler, dirichlet, newton, statistics, progress, cancellation);
            build = () => new FemSolution(problem, space, values) { Seconds = clock.Elapsed.TotalSeconds, Metadata = metadata };
        }
        metadata["linear_solver"] = statistics.LinearSolver;
        metadata["preconditioner"] = statistics.Preconditioner;
        metadata["near_null_space"] = Options.Preconditioner == PreconditionerKind.Amg ? linear.NearNullSpaceSize : 0;
        metadata["preconditioner_seconds"] = statistics.PreconditionerSeconds;
        metadata["iterations"] = statistics.KrylovIterations;
        metadata["linear_solves"] = statistics.LinearSolves;
        metadata["newton_iterations"] = statistics.NewtonIterations;
        metadata["linear_relative_residual"] = statistics.LinearRelativeResidual;
        metadata["residual_initial"] = statistics.InitialResidual;
        metadata["residual_final"] = statistics.FinalResidual;
        metadata["setup_seconds"] = setupSeconds;
        metadata["assemble_seconds"] = statistics.AssembleSeconds;
        metadata["solve_seconds"] = statistics.SolveSeconds;
        return build();
    }

    private double[] SolveSteady(WeakForm form, FormAssembler assembler, DirichletValues dirichlet, NewtonSolver newton, SolveStatistics statistics,
        IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var problem = form.Problem;
        var values = new double[assembler.Pattern.Size];
        dirichlet.Apply(values, 0);
        var jacobian = assembler.CreateMatrix();
        if (form.Components > 1 && !dirichlet.PrescribedByConditions)
            throw new FemSolveException(
                $"problem '{problem.Name}' holds no part of the boundary by a Dirichlet condition, so rigid-body motions (translations and rotations) are free and the system is singular; " +
                "hold the displacement on part of the boundary (Dirichlet.On(parts, Vector(...))), or enough components at enough points to stop every rigid motion");
        var mean = dirichlet.PrescribedByConditions || form.Components > 1 ? null : MeanConstraintFor(problem, assembler, values, jacobian, dirichlet.Dofs);
        newton.Solve(new SteadySystem(assembler, form.IsLinear), values, dirichlet.Dofs, jacobian, mean, (iteration, norm) =>
            progress?.Report(form.IsLinear
                ? new SolverProgress("linear solve", 0, 0, new Dictionary<string, double> { ["residual"] = norm })
                : new SolverProgress("newton", iteration, Options.MaxNewtonIterations, new Dictionary<string, double> { ["residual"] = norm })),
            cancellation);
        statistics.InitialResidual = statistics.ResidualHistory[0];
        return values;
    }

    /// <summary>
    /// For a problem without Dirichlet conditions: null when the Jacobian is nonsingular; the
    /// mean-value constraint when it has the constants in its kernel (a pure Neumann problem) and
    /// the problem prescribes a mean; otherwise an error that says what to add.
    /// </summary>
    private static MeanConstraint? MeanConstraintFor(Problem problem, FormAssembler assembler, double[] values, CsrMatrix jacobian, HashSet<int> fixedDofs)
    {
        var residual = new double[values.Length];
        assembler.Assemble(values, 0, residual, jacobian);
        var ones = new double[values.Length];
        Array.Fill(ones, 1.0);
        var product = new double[values.Length];
        jacobian.Multiply(ones, product);
        double rowSum = 0, rowScale = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (fixedDofs.Contains(i)) continue;
            rowSum = Math.Max(rowSum, Math.Abs(product[i]));
            double absolute = 0;
            for (int k = jacobian.RowStart[i]; k < jacobian.RowStart[i + 1]; k++) absolute += Math.Abs(jacobian.Values[k]);
            rowScale = Math.Max(rowScale, absolute);
        }
        if (rowSum > 1e-10 * rowScale)
        {
            if (problem.Mean is not null)
                throw new ProblemDefinitionException($"problem '{problem.Name}' prescribes a mean value, but its solution is already unique (the equation or a Robin condition fixes the constant); drop WithMean");
            return null;
        }
        if (problem.Mean is null)
            throw new FemSolveException(
                $"problem '{problem.Name}' is a pure Neumann problem: no Dirichlet condition holds u and no term fixes its level, so u is determined only up to a constant " +
                "and the finite-element system is singular. Prescribe the mean value (problem.WithMean(0)) or put a Dirichlet condition on part of the boundary");
        if (jacobian.Asymmetry() > 1e-12 * jacobian.Values.Max(Math.Abs))
            throw new NotSupportedException($"problem '{problem.Name}': a prescribed mean is supported for symmetric (self-adjoint) pure Neumann problems only");
        double sum = 0, total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (fixedDofs.Contains(i)) continue;
            sum += residual[i];
            total += Math.Abs(residual[i]);
        }
        if (total > 0 && Math.Abs(sum) > 1e-3 * total)
            throw new FemSolveException(
                $"the data of pure Neumann problem '{problem.Name}' are incompatible: a solution exists only when the sources and boundary fluxes balance (∫ f dx + ∫ g ds = 0 for -Δu = f, ∂u/∂n = g), " +
                $"but they leave a net {sum:G3} (relative {Math.Abs(sum) / total:G3}). Correct f or g, or add a Dirichlet condition");
        var layout = new VariableLayout(problem.Dimension);
        double target = ExpressionCompiler.Compile(Lowering.Lower(problem.Mean, problem.Dimension), layout, problem.ValueOf)(new double[layout.Count]);
        int pinned = Enumerable.Range(0, values.Length).First(i => !fixedDofs.Contains(i));
        var constraint = new MeanConstraint(assembler.BasisIntegrals(), target, pinned);
        constraint.Shift(values);
        return constraint;
    }

    /// <summary>Throws when a condition names a boundary part that the mesh lacks.</summary>
    private static void CheckParts(Problem problem, Mesh mesh)
    {
        foreach (var condition in problem.Conditions)
        {
            foreach (var part in condition.Boundary.Names ?? [])
            {
                if (!mesh.PartNames.Contains(part))
                    throw new ProblemDefinitionException(
                        $"problem '{problem.Name}': the condition '{condition}' names boundary part '{part}', which the mesh lacks; the mesh's parts are: {string.Join(", ", mesh.PartNames)}");
            }
        }
    }
}
