using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

public class FemConvergenceTests
{
    private static double[] Rates(double[] h, double[] errors) =>
        Enumerable.Range(1, h.Length - 1).Select(i => Math.Log(errors[i - 1] / errors[i]) / Math.Log(h[i - 1] / h[i])).ToArray();

    private static (double[] L2, double[] H1) Errors(Problem problem, int[] cells)
    {
        var l2 = new double[cells.Length];
        var h1 = new double[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            var mesh = GridMesher.Triangulate(problem.Domain!, cells[i], cells[i]);
            var solution = new FemSolver().Solve(problem, mesh);
            (l2[i], h1[i]) = FemErrorNorms.Of(solution, problem.ExactSolution!);
        }
        return (l2, h1);
    }

    [Test]
    public void P1ConvergesAtSecondOrderInL2AndFirstInH1OnAManufacturedSolution()
    {
        int[] cells = [8, 16, 32, 64];
        var (l2, h1) = Errors(PoissonSquare.Create(), cells);
        var h = cells.Select(n => 1.0 / n).ToArray();
        var rateL2 = Rates(h, l2);
        var rateH1 = Rates(h, h1);
        TestContext.Out.WriteLine($"L2 errors {string.Join(", ", l2.Select(e => e.ToString("E3")))}; rates {string.Join(", ", rateL2.Select(r => r.ToString("F3")))}");
        TestContext.Out.WriteLine($"H1 errors {string.Join(", ", h1.Select(e => e.ToString("E3")))}; rates {string.Join(", ", rateH1.Select(r => r.ToString("F3")))}");
        Assert.That(rateL2[^1], Is.InRange(1.9, 2.1));
        Assert.That(rateH1[^1], Is.InRange(0.9, 1.1));
    }

    [Test]
    public void MixedDirichletNeumannAndRobinConditionsKeepTheRates()
    {
        // u = exp(x) cos(y) + x y²; Dirichlet on left and bottom, Neumann on right, Robin on top.
        var domain = new Rectangle(0, 0, 1, 1);
        var u = Unknown.Scalar("u");
        var exact = Exp(X) * Cos(Y) + X * Y * Y;
        var alpha = Param("alpha", 2);
        var dudx = Lowering.Lower(Dx(exact), 2);
        var dudy = Lowering.Lower(Dy(exact), 2);
        var problem = Problem.Named("mixed")
            .On(domain)
            .Solve(-Laplacian(u) == -Laplacian(exact))
            .With(Dirichlet.On("left, bottom", exact))
            .With(Neumann.On("right", dudx))
            .With(Robin.On("top", alpha, dudy + alpha * exact))
            .Exact(exact);
        int[] cells = [8, 16, 32];
        var (l2, h1) = Errors(problem, cells);
        var rates = Rates(cells.Select(n => 1.0 / n).ToArray(), l2);
        TestContext.Out.WriteLine($"L2 {string.Join(", ", l2.Select(e => e.ToString("E3")))}; rates {string.Join(", ", rates.Select(r => r.ToString("F3")))}");
        Assert.That(rates[^1], Is.InRange(1.9, 2.1));
        Assert.That(Rates(cells.Select(n => 1.0 / n).ToArray(), h1)[^1], Is.InRange(0.9, 1.1));
    }

    [Test]
    public void VariableCoefficientWrittenAsDivergenceConverges()
    {
        var u = Unknown.Scalar("u");
        var k = Named("k", 1 + X * X + 0.5 * Sin(Y));
        var exact = Sin(Pi * X) * Sin(Pi * Y);
        var problem = Problem.Named("variable-k").On(Rectangle.UnitSquare)
            .Solve(-Div(k * Grad(u)) == -Div(k * Grad(exact)))
            .With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0))
            .Exact(exact);
        int[] cells = [8, 16, 32];
        var (l2, _) = Errors(problem, cells);
        Assert.That(Rates(cells.Select(n => 1.0 / n).ToArray(), l2)[^1], Is.InRange(1.9, 2.1));
    }

    [Test]
    public void LinearFunctionsAreReproducedExactly()
    {
        // Patch test: u = 1 + 2x - 3y lies in the P1 space, so the discrete solution is exact.
        var u = Unknown.Scalar("u");
        var exact = 1 + 2 * X - 3 * Y;
        var domain = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
        var problem = Problem.Named("patch").On(domain).Solve(-Laplacian(u) == 0).With(Neumann.On("edge1", 2)).With(Dirichlet.On(domain.Boundary, exact)).Exact(exact);
        var solution = new FemSolver(new FemOptions(MeshSize: 0.25)).Solve(problem, GridMesher.Triangulate(domain, 0.25));
        Assert.That(FemErrorNorms.Of(solution, exact).L2, Is.LessThan(1e-10));
    }

    [Test]
    public void NewtonSolvesANonlinearDiffusionProblemQuadratically()
    {
        // -div((1 + u²) grad u) = f with the manufactured solution u = sin(πx) sin(πy).
        var u = Unknown.Scalar("u");
        var exact = Sin(Pi * X) * Sin(Pi * Y);
        var problem = Problem.Named("nonlinear").On(Rectangle.UnitSquare)
            .Solve(-Div((1 + Pow(u, 2)) * Grad(u)) == -Div((1 + Pow(exact, 2)) * Grad(exact)))
            .With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0))
            .Exact(exact);
        var residuals = new List<double>();
        var progress = new SynchronousProgress(p => residuals.Add(p.Values["residual"]));
        var solution = new FemSolver().Solve(problem, GridMesher.Triangulate(Rectangle.UnitSquare, 32, 32), progress);
        TestContext.Out.WriteLine($"Newton residuals {string.Join(", ", residuals.Select(r => r.ToString("E2")))}");
        Assert.That(residuals.Count, Is.InRange(3, 8));
        // Quadratic convergence: once the residual is small, the next one is about its square (relative to the first).
        var relative = residuals.Select(r => r / residuals[0]).ToArray();
        int k = Array.FindIndex(relative, r => r < 1e-2);
        Assert.That(k, Is.GreaterThan(0));
        Assert.That(relative[k + 1], Is.LessThan(10 * relative[k] * relative[k] + 1e-10));
        Assert.That(FemErrorNorms.Of(solution, exact).L2, Is.LessThan(2e-3));
    }

    [Test]
    public void LShapeReferenceConvergesAtTheCornerRateAndIsFarMoreAccurateThanThePinnTarget()
    {
        var problem = PoissonLShape.Create();
        int[] cells = [32, 64, 128];
        var (l2, _) = Errors(problem, cells);
        var rates = Rates(cells.Select(n => 2.0 / n).ToArray(), l2);
        TestContext.Out.WriteLine($"L-shape L2 {string.Join(", ", l2.Select(e => e.ToString("E3")))}; rates {string.Join(", ", rates.Select(r => r.ToString("F3")))}");
        // The corner singularity limits the L2 rate to about 4/3 on uniform meshes.
        Assert.That(rates[^1], Is.InRange(1.2, 1.6));
        // At h = 1/64 (the demo's mesh) the reference must be well below the PINN's 5e-2 target.
        var mesh = GridMesher.Triangulate(problem.Domain!, 1.0 / 64);
        var reference = new FemSolver().Solve(problem, mesh);
        double relative = PdeNet.Core.Metrics.ErrorNorms.RelativeL2(reference, PdeNet.Core.Solving.ExactSolution.Of(problem), mesh);
        TestContext.Out.WriteLine($"relative L2 at h = 1/64: {relative:E3}");
        Assert.That(relative, Is.LessThan(1e-3));
    }

    private sealed class SynchronousProgress(Action<PdeNet.Core.Solving.SolverProgress> report) : IProgress<PdeNet.Core.Solving.SolverProgress>
    {
        public void Report(PdeNet.Core.Solving.SolverProgress value) => report(value);
    }
}
