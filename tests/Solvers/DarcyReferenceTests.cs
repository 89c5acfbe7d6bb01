using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

public class DarcyReferenceTests
{
    private static double[] Solve(Problem problem, int n)
    {
        var solver = new FemSolver(new FemOptions(Element: FiniteElement.P1, CellsPerSide: n - 1, Threads: 1));
        var points = new double[2 * n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) (points[2 * (i * n + j)], points[2 * (i * n + j) + 1]) = (i / (n - 1.0), j / (n - 1.0));
        }
        return solver.Solve(problem).Evaluate(points);
    }

    private static Problem Poisson()
    {
        var u = Unknown.Scalar("u");
        return Problem.Named("poisson-unit-source").On(Rectangle.UnitSquare).Solve(-Laplacian(u) == 1).With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0));
    }

    [Test]
    public void ConstantCoefficientMatchesThePlainPoissonSolve()
    {
        const int n = 33;
        var darcy = new DarcyFlow2D();
        var poisson = Solve(Poisson(), n);
        foreach (double a in new[] { 1.0, 12.0 })
        {
            var u = Solve(darcy.Problem(Enumerable.Repeat(a, n * n).ToArray(), n), n);
            double worst = u.Zip(poisson, (x, p) => Math.Abs(a * x - p)).Max();
            Assert.That(worst, Is.LessThan(1e-8 * poisson.Max()), $"a = {a}: a u must equal the Poisson solution");
        }
        // The P1 solution of -Δu = 1 at the centre: 0.0736713... for the exact one (series); h = 1/32 is within 1e-3.
        Assert.That(poisson[(n / 2) * n + n / 2], Is.EqualTo(0.0736713532).Within(1e-3));
    }

    [Test]
    public void DarcySampleIsBracketedByTheConstantCoefficientSolves()
    {
        const int n = 85;
        var darcy = new DarcyFlow2D();
        var sample = darcy.Draw(seed: 3, index: 0, resolution: n);
        var a = sample.Inputs["nu"];
        Assert.That(a.Distinct().Order(), Is.EqualTo(new[] { 3.0, 12.0 }));
        var watch = Stopwatch.StartNew();
        var u = darcy.Reference(sample, new FemSolver(new FemOptions(Element: FiniteElement.P1, CellsPerSide: n - 1, Threads: 1)));
        TestContext.Out.WriteLine($"Darcy sample at {n}x{n}: draw + FEM solve + grid evaluation {watch.Elapsed.TotalSeconds:F2} s");
        var poisson = Solve(Poisson(), n);
        // Compliance ∫ f u is decreasing in a (variational principle), also for the Galerkin solution:
        // ∫ u_poisson / 12 ≤ ∫ u ≤ ∫ u_poisson / 3, strictly since a takes both values.
        double mean = u.Average(), reference = poisson.Average();
        TestContext.Out.WriteLine($"mean u = {mean:G4}; bounds [{reference / 12:G4}, {reference / 3:G4}]");
        Assert.That(mean, Is.GreaterThan(reference / 12).And.LessThan(reference / 3));
        Assert.That(u.Min(), Is.GreaterThanOrEqualTo(-1e-12), "maximum principle: u ≥ 0 for f = 1 ≥ 0");
        Assert.That(u[0], Is.EqualTo(0).Within(1e-12));
    }
}
