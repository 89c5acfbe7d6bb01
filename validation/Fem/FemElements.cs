using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Fem.Convergence;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Validation.Fem;

/// <summary>
/// P1 and P2 Lagrange elements in 1D, 2D and 3D: convergence rates against exact solutions (L2
/// k + 1, H1 k), temporal orders of the time schemes, and assembly and solve times of P1 and P2
/// Poisson problems at a few sizes (single thread, Jacobi-preconditioned CG).
/// </summary>
internal sealed class FemElements : IValidation
{
    public string Name => "fem-elements";

    public string Description => "P1/P2 rates in 1D-3D, time-scheme orders, assembly and solve times";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "P1 and P2 finite elements: rates in 1D, 2D and 3D, time schemes, timings");
        Rates(report, Interval1D(), FiniteElement.P1, FemConvergenceStudy.UniformMeshes(new Interval(0, 1), 5, 8), 0.1);
        Rates(report, Interval1D(), FiniteElement.P2, FemConvergenceStudy.UniformMeshes(new Interval(0, 1), 5, 8), 0.1);
        foreach (var name in new[] { PoissonSquare.Name, PoissonDiskHole.Name })
        {
            var problem = ProblemLibrary.Get(name);
            Rates(report, problem, FiniteElement.P1, FemConvergenceStudy.UniformMeshes(problem.Domain!, 5, 8), 0.1);
            Rates(report, problem, FiniteElement.P2, FemConvergenceStudy.UniformMeshes(problem.Domain!, 4, 8), 0.1);
        }
        Rates(report, Cube3D(), FiniteElement.P1, FemConvergenceStudy.UniformMeshes(Box.UnitCube, 4, 4), 0.15);
        Rates(report, Cube3D(), FiniteElement.P2, FemConvergenceStudy.UniformMeshes(Box.UnitCube, 3, 4), 0.15);
        TimeOrders(report);
        Timings(report);
        report.Note("h is the longest cell edge. Rates compare the two finest meshes; targets: |rate - (k + 1)| and |rate - k| within 0.1 (0.15 in 3D).");
        report.Note("Timings were taken on a shared, loaded machine unless the report says otherwise: re-run with `dotnet run -c Release --project validation -- fem-elements` on a quiet machine before quoting them.");
        return report;
    }

    /// <summary>-u'' = f on (0, 1) with u = exp(x) sin(3x): Dirichlet left, Robin (α = 2) right.</summary>
    private static Problem Interval1D()
    {
        var u = Unknown.Scalar("u");
        var exact = Exp(X) * Sin(3 * X);
        return Problem.Named("interval-mixed").On(new Interval(0, 1))
            .Solve(-Laplacian(u) == -Laplacian(exact))
            .With(Dirichlet.On("left", exact))
            .With(Robin.On("right", 2, Dx(exact) + 2 * exact))
            .Exact(exact);
    }

    /// <summary>-Δu = f on the unit cube with u = sin(πx) sin(πy) sin(πz) + xz: Dirichlet on left, front, bottom; Neumann elsewhere.</summary>
    private static Problem Cube3D()
    {
        var u = Unknown.Scalar("u");
        var exact = Sin(Pi * X) * Sin(Pi * Y) * Sin(Pi * Z) + X * Z;
        return Problem.Named("cube-mixed").On(Box.UnitCube)
            .Solve(-Laplacian(u) == -Laplacian(exact))
            .With(Dirichlet.On("left, front, bottom", exact))
            .With(Neumann.On("right, back, top", NormalDerivative(exact, 3)))
            .Exact(exact);
    }

    private static void Rates(ValidationReport report, Problem problem, FiniteElement element, IReadOnlyList<Mesh> meshes, double tolerance)
    {
        Console.Error.WriteLine($"  {problem.Name} {element}");
        var levels = FemConvergenceStudy.Run(problem, new FemOptions(Element: element), meshes);
        var add = report.Table($"{problem.Name} ({problem.Dimension}D), {element}: {problem.Equation}", "h", "cells", "unknowns", "L2 error", "rate", "H1 error", "rate", "seconds");
        foreach (var l in levels) add([l.H, l.Cells, l.Dofs, l.L2, l.RateL2, l.H1, l.RateH1, l.Seconds]);
        int k = element == FiniteElement.P2 ? 2 : 1;
        var last = levels[^1];
        report.Figure($"{problem.Name}_{element}_rate_l2", last.RateL2!);
        report.Figure($"{problem.Name}_{element}_rate_h1", last.RateH1!);
        report.Target($"{problem.Name} {element} L2 rate {last.RateL2:F3} within {tolerance} of {k + 1}", Math.Abs(last.RateL2!.Value - (k + 1)) <= tolerance);
        report.Target($"{problem.Name} {element} H1 rate {last.RateH1:F3} within {tolerance} of {k}", Math.Abs(last.RateH1!.Value - k) <= tolerance);
    }

    private static void TimeOrders(ValidationReport report)
    {
        var u = Unknown.Scalar("u");
        var heat = Problem.Named("heat-1d").On(new Interval(0, 1)).During(0, 0.1)
            .Solve(Dt(u) - Laplacian(u) == 0)
            .With(Dirichlet.On("left, right", 0))
            .With(new InitialCondition(Sin(Pi * X)))
            .Exact(Exp(-Pi * Pi * T) * Sin(Pi * X));
        var mesh = GridMesher.Generate(heat.Domain!, [128], CellType.Interval);
        int[] steps = [10, 20, 40, 80];
        var add = report.Table("u_t = u_xx, u = exp(-π²t) sin(πx), P2 on 128 cells: L2 error at t = 0.1", "scheme", "steps", "L2 error", "order");
        foreach (var (scheme, order) in new[] { (TimeScheme.BackwardEuler, 1), (TimeScheme.CrankNicolson, 2), (TimeScheme.Bdf2, 2) })
        {
            double previous = double.NaN, rate = double.NaN;
            foreach (int n in steps)
            {
                var solution = new FemSolver(new FemOptions(Element: FiniteElement.P2, Scheme: scheme, TimeSteps: n)).Solve(heat, mesh);
                double error = FemErrorNorms.Of(solution, heat.ExactSolution!, 0.1).L2;
                rate = Math.Log2(previous / error);
                add([scheme.ToString(), n, error, double.IsNaN(rate) ? null : rate]);
                previous = error;
            }
            report.Figure($"heat-1d_{scheme}_order", rate);
            report.Target($"{scheme} temporal order {rate:F3} within 0.1 of {order}", Math.Abs(rate - order) <= 0.1);
        }
    }

    private static void Timings(ValidationReport report)
    {
        var problem = ProblemLibrary.Get(PoissonSquare.Name);
        var add = report.Table("Poisson on the unit square (poisson-square), grid meshes, one thread, CG + Jacobi to relative residual 1e-10",
            "element", "cells per side", "unknowns", "assemble s", "solve s", "CG iterations", "total s", "L2 error");
        foreach (var (element, n) in new[] { (FiniteElement.P1, 256), (FiniteElement.P1, 512), (FiniteElement.P2, 128), (FiniteElement.P2, 256) })
        {
            Console.Error.WriteLine($"  timing {element} n = {n}");
            var mesh = GridMesher.Generate(problem.Domain!, [n, n], CellType.Triangle);
            var clock = Stopwatch.StartNew();
            var solution = new FemSolver(new FemOptions(Element: element)).Solve(problem, mesh);
            double total = clock.Elapsed.TotalSeconds;
            var m = solution.Metadata;
            double error = FemErrorNorms.Of(solution, problem.ExactSolution!).L2;
            add([element.ToString(), n, solution.Space.DofCount, m["assemble_seconds"], m["solve_seconds"], m["iterations"], total, error]);
        }
        report.Note("Assembly time includes building the space, the sparsity pattern and compiling the kernels. The solve uses Jacobi-preconditioned CG, whose iteration count doubles with each refinement; algebraic multigrid is the next step.");
    }
}
