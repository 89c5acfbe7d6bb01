using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

/// <summary>
/// Time stepping of m u_t - div(k grad u) + ... = f: temporal orders of backward Euler (1),
/// Crank–Nicolson and BDF2 (2) on the heat equation's modal solution with a fine P2 mesh, a
/// nonlinear reaction with a variable mass coefficient, the refusal of an unstable θ &lt; 1/2, and
/// the solution's time series.
/// </summary>
public class FemTimeSteppingTests
{
    /// <summary>u_t = u_xx on (0, 1) with u = 0 at both ends: u = exp(-π² t) sin(πx).</summary>
    private static Problem Heat1D()
    {
        var u = Unknown.Scalar("u");
        return Problem.Named("heat").On(new Interval(0, 1)).During(0, 0.1)
            .Solve(Dt(u) - Laplacian(u) == 0)
            .With(Dirichlet.On("left, right", 0))
            .With(new InitialCondition(Sin(Pi * X)))
            .Exact(Exp(-Pi * Pi * T) * Sin(Pi * X));
    }

    private static double[] FinalErrors(Problem problem, FemOptions options, int cells, int[] steps)
    {
        var mesh = FemTestCases.Grids(problem.Dimension, cells)[0];
        return steps.Select(n =>
        {
            var solution = new FemSolver(options with { TimeSteps = n }).Solve(problem, mesh);
            return FemErrorNorms.Of(solution, problem.ExactSolution!, problem.Time!.End).L2;
        }).ToArray();
    }

    private static double[] Orders(double[] errors) => Enumerable.Range(1, errors.Length - 1).Select(i => Math.Log2(errors[i - 1] / errors[i])).ToArray();

    [TestCase(TimeScheme.BackwardEuler, 1), TestCase(TimeScheme.CrankNicolson, 2), TestCase(TimeScheme.Bdf2, 2)]
    public void HeatEquationConvergesAtTheSchemesTemporalOrder(TimeScheme scheme, int order)
    {
        var errors = FinalErrors(Heat1D(), new FemOptions(Element: FiniteElement.P2, Scheme: scheme), 64, [10, 20, 40]);
        var orders = Orders(errors);
        TestContext.Out.WriteLine($"{scheme}: errors {string.Join(", ", errors.Select(e => e.ToString("E3")))}; orders {string.Join(", ", orders.Select(o => o.ToString("F3")))}");
        Assert.That(orders[^1], Is.EqualTo(order).Within(0.1));
    }

    [Test]
    public void NonlinearReactionWithVariableMassKeepsBdf2SecondOrder()
    {
        // (1 + x²) u_t - u_xx + u³ = f with u = exp(-t) cos(x) + x t, Dirichlet left, Neumann right.
        var u = Unknown.Scalar("u");
        var m = 1 + X * X;
        var exact = Exp(-T) * Cos(X) + X * T;
        var problem = Problem.Named("reaction").On(new Interval(0, 1)).During(0, 0.5)
            .Solve(m * Dt(u) - Laplacian(u) + Pow(u, 3) == m * Dt(exact) - Laplacian(exact) + Pow(exact, 3))
            .With(Dirichlet.On("left", exact))
            .With(Neumann.On("right", Dx(exact)))
            .With(new InitialCondition(Cos(X)))
            .Exact(exact);
        Assert.That(WeakForm.Of(problem).IsLinear, Is.False);
        var errors = FinalErrors(problem, new FemOptions(Element: FiniteElement.P2, Scheme: TimeScheme.Bdf2), 32, [8, 16, 32]);
        var orders = Orders(errors);
        TestContext.Out.WriteLine($"errors {string.Join(", ", errors.Select(e => e.ToString("E3")))}; orders {string.Join(", ", orders.Select(o => o.ToString("F3")))}");
        Assert.That(orders[^1], Is.EqualTo(2).Within(0.1));
    }

    [Test]
    public void HeatEquationIn2DMatchesTheModalSolution()
    {
        var u = Unknown.Scalar("u");
        var problem = Problem.Named("heat-2d").On(Rectangle.UnitSquare).During(0, 0.05)
            .Solve(Dt(u) - Laplacian(u) == 0)
            .With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0))
            .With(new InitialCondition(Sin(Pi * X) * Sin(Pi * Y)))
            .Exact(Exp(-2 * Pi * Pi * T) * Sin(Pi * X) * Sin(Pi * Y));
        var solution = new FemSolver(new FemOptions(Element: FiniteElement.P2, Scheme: TimeScheme.CrankNicolson, TimeSteps: 20, OutputEvery: 5)).Solve(problem, FemTestCases.Grids(2, 8)[0]);
        Assert.That(solution.Times, Is.EqualTo(new[] { 0, 0.0125, 0.025, 0.0375, 0.05 }).Within(1e-15));
        double relative = FemErrorNorms.Of(solution, problem.ExactSolution!, 0.05).L2 / (Math.Exp(-2 * Math.PI * Math.PI * 0.05) / 2);
        TestContext.Out.WriteLine($"relative L2 error at t = 0.05: {relative:E3}");
        Assert.That(relative, Is.LessThan(2e-3));
        // Between stored steps the coefficients are interpolated linearly in t.
        var middle = solution.Evaluate([0.5, 0.5], 0.00625)[0];
        Assert.That(middle, Is.EqualTo((solution.Evaluate([0.5, 0.5], 0)[0] + solution.Evaluate([0.5, 0.5], 0.0125)[0]) / 2).Within(1e-12));
    }

    [Test]
    public void AnUnstableExplicitPartIsRefusedWithTheStepLimit()
    {
        var options = new FemOptions(Scheme: TimeScheme.Theta, Theta: 0.25, TimeSteps: 10);
        var mesh = FemTestCases.Grids(1, 32)[0];
        var error = Assert.Throws<FemSolveException>(() => new FemSolver(options).Solve(Heat1D(), mesh))!;
        TestContext.Out.WriteLine(error.Message);
        Assert.That(error.Message, Does.Contain("θ = 0.25").And.Contain("conditionally stable").And.Contain("time steps").And.Contain("θ ≥ 1/2"));

        // Below the limit (λ_max ≈ 12/h² for P1, so Δt ≤ 2/(0.5·12·32²) ≈ 3.3e-4) the same scheme runs and is accurate.
        var stable = new FemSolver(options with { TimeSteps = 400 }).Solve(Heat1D(), mesh);
        Assert.That(FemErrorNorms.Of(stable, Heat1D().ExactSolution!, 0.1).L2, Is.LessThan(1e-3));
    }

    [Test]
    public void P2TimeSeriesIsWrittenAsQuadraticCellsAtEveryStoredTime()
    {
        var u = Unknown.Scalar("u");
        var problem = Problem.Named("heat-file").On(Rectangle.UnitSquare).During(0, 0.01)
            .Solve(Dt(u) - Laplacian(u) == 0)
            .With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0))
            .With(new InitialCondition(Sin(Pi * X) * Sin(Pi * Y)));
        var solution = new FemSolver(new FemOptions(Element: FiniteElement.P2, TimeSteps: 4, OutputEvery: 2)).Solve(problem, FemTestCases.Grids(2, 2)[0]);
        var folder = Directory.CreateTempSubdirectory("pdenet-fem-series").FullName;
        try
        {
            var paths = FieldFile.Write(Path.Combine(folder, "series"), solution.ToFields());
            string xdmf = File.ReadAllText(paths.XdmfPath);
            Assert.That(xdmf, Does.Contain("Triangle_6"));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(xdmf, "<Time Value").Count, Is.EqualTo(3));
            var contents = FieldFile.Read(paths.Hdf5Path);
            Assert.That(contents.Mesh.NodeCount, Is.EqualTo(solution.Space.DofCount));
            Assert.That(contents.Fields.Select(f => f.Time), Is.EqualTo(new[] { 0, 0.005, 0.01 }).Within(1e-15));
            Assert.That(contents.Fields[^1].Values, Is.EqualTo(solution.Values).Within(1e-15));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
