using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Spectral;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

/// <summary>Periodic conditions in the finite-element solver: the paired nodes are one unknown.</summary>
public sealed class FemPeriodicTests
{
    private static Problem PeriodicInX(Expr exact) =>
        Problem.Named("periodic-x").On(Rectangle.UnitSquare)
            .Solve(-Laplacian(Unknown.Scalar("u")) == -Laplacian(exact))
            .With(Periodic.Between("left", "right", 1, 0))
            .With(Dirichlet.On("bottom, top", exact))
            .Exact(exact);

    [TestCase(FiniteElement.P1, 2.0)]
    [TestCase(FiniteElement.P2, 3.0)]
    public void PoissonPeriodicInXConvergesAtTheOptimalRate(FiniteElement element, double rate)
    {
        var exact = (Sin(2 * Pi * X) + 0.5 * Cos(2 * Pi * X)) * Exp(Y);
        var levels = FemTestCases.Study(PeriodicInX(exact), element, FemTestCases.Grids(2, 8, 16, 32));
        Assert.That(levels[^1].RateL2, Is.EqualTo(rate).Within(0.15));
        Assert.That(levels[^1].RateH1, Is.EqualTo(rate - 1).Within(0.15));
    }

    [Test]
    public void DoublyPeriodicSquareConvergesAndIdentifiesTheFourCorners()
    {
        var u = Unknown.Scalar("u");
        var exact = Sin(2 * Pi * X) * Cos(2 * Pi * Y) + 0.5;
        var problem = Problem.Named("doubly-periodic").On(Rectangle.UnitSquare)
            .Solve(-Laplacian(u) + u == -Laplacian(exact) + exact)
            .With(Periodic.Between("left", "right", 1, 0))
            .With(Periodic.Between("bottom", "top", 0, 1))
            .Exact(exact);
        var levels = FemTestCases.Study(problem, FiniteElement.P2, FemTestCases.Grids(2, 8, 16, 32));
        Assert.That(levels[^1].RateL2, Is.EqualTo(3).Within(0.15));
        var fem = new FemSolver(new FemOptions(Element: FiniteElement.P2, CellsPerSide: 8)).Solve(problem, FemTestCases.Grids(2, 8)[0]);
        var corners = fem.Evaluate([0, 0, 1, 0, 0, 1, 1, 1]);
        Assert.That(corners.Max() - corners.Min(), Is.LessThan(1e-14), "the four corners are one unknown");
    }

    [Test]
    public void PeriodicReactionDiffusionMatchesTheSpectralReference()
    {
        var problem = ReactionDiffusion1D.Create();
        var fem = new FemSolver(new FemOptions(Element: FiniteElement.P2, CellsPerSide: 128, TimeSteps: 200)).Solve(problem);
        var spectral = new SpectralSolver().Solve(problem);
        var points = Enumerable.Range(0, 256).Select(i => 2 * Math.PI * i / 256).ToArray();
        var times = Enumerable.Range(0, 11).Select(k => k / 10.0).ToArray();
        double error = ErrorNorms.RelativeL2OnGrid(fem, spectral, points, times);
        TestContext.Out.WriteLine($"reaction-diffusion-1d, P2 on 128 cells, 200 BDF2 steps, against the spectral reference: {error:E3}");
        Assert.That(error, Is.LessThan(1e-3));
    }

    [Test]
    public void AMeshWhoseNodesDoNotMatchAcrossThePairIsRefusedNamingTheNode()
    {
        // The left side has a node at y = 0.4 that the right side lacks.
        double[] coordinates = [0, 0, 1, 0, 1, 1, 0, 1, 0, 0.4];
        int[] cells = [0, 1, 4, 4, 1, 2, 4, 2, 3];
        int[] facets = [0, 1, 1, 2, 2, 3, 3, 4, 4, 0];
        int[] parts = [0, 1, 2, 3, 3];
        var mesh = new Mesh(CellType.Triangle, 2, coordinates, cells, facets, parts, ["bottom", "right", "top", "left"]);
        var problem = PeriodicInX(Sin(2 * Pi * X) * Exp(Y));
        var error = Assert.Throws<NotSupportedException>(() => new FemSolver().Solve(problem, mesh));
        Assert.That(error!.Message, Does.Contain("not periodic between parts 'left' and 'right'").And.Contain("(0, 0.4)"));
    }
}
