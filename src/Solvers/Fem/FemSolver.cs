using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.LinearAlgebra;
using static PdeNet.Solvers.LinearAlgebra.VectorOperations;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// The finite-element reference solver. It derives the weak form from the problem's equation,
/// meshes the domain, imposes Dirichlet values at boundary nodes and natural conditions in the
/// weak form, and solves r(u_h) = 0 by Newton's method (one step for linear problems) with
/// backtracking, each step a Krylov solve (CG for symmetric Jacobians, GMRES otherwise,
/// preconditioned by algebraic multigrid or Jacobi, <see cref="FemOptions.Preconditioner"/>).
/// </summary>
public sealed class FemSolver(FemOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public FemOptions Options { get; } = (options ?? new FemOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "fem";

    object ISolver.Options => Options;

    /// <summary>Meshes the problem's domain (<see cref="Meshing.For"/>) with <see cref="FemOptions.MeshSize"/> and solves on that mesh.</summary>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        var form = WeakForm.Of(problem);
        progress?.Report(new SolverProgress("meshing", 0, 0, new Dictionary<string, double>()));
        var mesh = Meshing.For(problem.Domain!, Options.MeshSize);
        return Solve(form, mesh, progress, cancellation);
    }

    /// <summary>Solves <paramref name="problem"/> on the given mesh.</summary>
    /// <exception cref="NotSupportedException">The equation has no first-order weak form here.</exception>
    /// <exception cref="FemSolveException">Newton's method or the linear solver did not converge.</exception>
    public FemSolution Solve(Problem problem, Mesh mesh, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default) =>
        Solve(WeakForm.Of(problem), mesh, progress, cancellation);

    private FemSolution Solve(WeakForm form, Mesh mesh, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var problem = form.Problem;
        var assembler = new P1Assembler(form, mesh, Options.QuadratureDegree);
        var (fixedNodes, values) = DirichletValues(problem, mesh);
        var jacobian = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
        var residual = new double[mesh.NodeCount];
        var correction = new double[mesh.NodeCount];
        double assembleSeconds = 0, solveSeconds = 0;
        int krylovIterations = 0, newtonIterations = 0;
        double initialNorm = double.NaN, finalNorm = double.NaN, linearResidual = 0;
        string linearSolver = "none", preconditionerDetails = "none";
        double preconditionerSeconds = 0;

        double ResidualNorm(double[] u)
        {
            assembler.Assemble(u, residual, null);
            foreach (int i in fixedNodes) residual[i] = 0;
            return Norm(residual);
        }

        for (int newton = 1; newton <= Options.MaxNewtonIterations; newton++)
        {
            cancellation.ThrowIfCancellationRequested();
            var step = Stopwatch.StartNew();
            assembler.Assemble(values, residual, jacobian);
            foreach (int i in fixedNodes) residual[i] = 0;
            double norm = Norm(residual);
            if (newton == 1) initialNorm = norm;
            jacobian.EliminateSymmetric(fixedNodes);
            assembleSeconds += step.Elapsed.TotalSeconds;
            progress?.Report(form.IsLinear
                ? new SolverProgress("linear solve", 0, 0, new Dictionary<string, double> { ["residual"] = norm })
                : new SolverProgress("newton", newton, Options.MaxNewtonIterations, new Dictionary<string, double> { ["residual"] = norm }));
            if (newton > 1 && norm <= Options.NewtonTolerance * initialNorm || norm == 0)
            {
                finalNorm = norm;
                break;
            }

            step.Restart();
            var rhs = residual.Select(r => -r).ToArray();
            // A residual written as Δu + f = 0 gives a negative definite Jacobian; flip it for CG.
            if (NegativeDiagonal(jacobian, fixedNodes))
            {
                for (int k = 0; k < jacobian.Values.Length; k++) jacobian.Values[k] = -jacobian.Values[k];
                foreach (int i in fixedNodes) jacobian.Values[jacobian.IndexOf(i, i)] = 1;
                for (int i = 0; i < rhs.Length; i++) rhs[i] = -rhs[i];
            }
            Array.Clear(correction);
            var (result, name, preconditioner, setupSeconds, _) = LinearSolver.Solve(jacobian, rhs, correction, Options.LinearSolverOptions);
            (linearSolver, preconditionerDetails, preconditionerSeconds) = (name, preconditioner, preconditionerSeconds + setupSeconds);
            solveSeconds += step.Elapsed.TotalSeconds;
            krylovIterations += result.Iterations;
            linearResidual = result.RelativeResidual;
            if (!result.Converged)
                throw new FemSolveException($"the linear solver ({linearSolver}) reached {Options.MaxIterations} iterations at relative residual {result.RelativeResidual:E2} > {Options.Tolerance:E0}; raise MaxIterations or the tolerance");
            newtonIterations = newton;

            // Backtracking: halve the step until the residual decreases.
            double lambda = 1;
            var trial = new double[values.Length];
            for (int halving = 0; ; halving++)
            {
                for (int i = 0; i < values.Length; i++) trial[i] = values[i] + lambda * correction[i];
                if (form.IsLinear || halving == 10) break;
                double trialNorm = ResidualNorm(trial);
                if (trialNorm < norm || trialNorm <= Options.NewtonTolerance * initialNorm) break;
                lambda /= 2;
            }
            values = trial;
            if (form.IsLinear)
            {
                finalNorm = ResidualNorm(values);
                break;
            }
            if (newton == Options.MaxNewtonIterations)
            {
                finalNorm = ResidualNorm(values);
                if (finalNorm > Options.NewtonTolerance * initialNorm)
                    throw new FemSolveException($"Newton's method did not converge in {Options.MaxNewtonIterations} iterations (residual {finalNorm:E2}, started at {initialNorm:E2}); raise MaxNewtonIterations or start closer to the solution");
            }
        }

        return new FemSolution(problem, mesh, values)
        {
            Seconds = clock.Elapsed.TotalSeconds,
            Metadata = new Dictionary<string, object>
            {
                ["element"] = Options.Element.ToString(),
                ["mesh_size"] = mesh.MaxEdgeLength(),
                ["dofs"] = mesh.NodeCount,
                ["cells"] = mesh.CellCount,
                ["quadrature_degree"] = Options.QuadratureDegree,
                ["linear_solver"] = linearSolver,
                ["preconditioner"] = preconditionerDetails,
                ["preconditioner_seconds"] = preconditionerSeconds,
                ["tolerance"] = Options.Tolerance,
                ["iterations"] = krylovIterations,
                ["newton_iterations"] = newtonIterations,
                ["linear_relative_residual"] = linearResidual,
                ["residual_initial"] = initialNorm,
                ["residual_final"] = finalNorm,
                ["assemble_seconds"] = assembleSeconds,
                ["solve_seconds"] = solveSeconds,
            },
        };
    }

    /// <summary>Nodes with a Dirichlet condition and the initial nodal vector holding their values.</summary>
    private static (HashSet<int> Nodes, double[] Values) DirichletValues(Problem problem, Mesh mesh)
    {
        var nodes = new HashSet<int>();
        var values = new double[mesh.NodeCount];
        var layout = new VariableLayout(mesh.GeometricDimension);
        var compiled = new Dictionary<Dirichlet, Func<double[], double>>(ReferenceEqualityComparer.Instance);
        var v = new double[layout.Count];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            string part = mesh.PartNames[mesh.BoundaryFacetParts[f]];
            foreach (int node in mesh.FacetNodes(f))
            {
                if (nodes.Contains(node) || problem.ConditionAt(part, mesh.Node(node)) is not Dirichlet dirichlet) continue;
                if (!compiled.TryGetValue(dirichlet, out var g))
                    compiled[dirichlet] = g = ExpressionCompiler.Compile(Lowering.Lower(dirichlet.Value, mesh.GeometricDimension), layout, problem.ValueOf);
                mesh.Node(node).CopyTo(v);
                values[node] = g(v);
                nodes.Add(node);
            }
        }
        return (nodes, values);
    }

    private static bool NegativeDiagonal(CsrMatrix matrix, HashSet<int> fixedNodes)
    {
        var diagonal = matrix.Diagonal();
        int negative = 0, positive = 0;
        for (int i = 0; i < diagonal.Length; i++)
        {
            if (fixedNodes.Contains(i)) continue;
            if (diagonal[i] < 0) negative++;
            else if (diagonal[i] > 0) positive++;
        }
        return negative > positive;
    }
}
