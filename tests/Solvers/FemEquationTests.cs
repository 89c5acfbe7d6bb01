using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

/// <summary>
/// Equations beyond Poisson: variable coefficients, reaction and (indefinite) Helmholtz terms,
/// Newton on a nonlinear diffusion, pure Neumann problems with a prescribed mean, and the errors
/// for singular systems, incompatible data and unknown boundary parts.
/// </summary>
public class FemEquationTests
{
    private static readonly Expr Exact2D = FemTestCases.SmoothExact(2);

    [Test]
    public void VariableCoefficientDiffusionKeepsTheP2Rates()
    {
        var k = Named("k", 1 + X * X + 0.5 * Sin(Y));
        var levels = FemTestCases.Study(FemTestCases.Mixed(2, Exact2D, k: k), FiniteElement.P2, FemTestCases.Grids(2, 4, 8, 16));
        Assert.That(levels[^1].RateL2, Is.EqualTo(3).Within(0.1));
        Assert.That(levels[^1].RateH1, Is.EqualTo(2).Within(0.1));
    }

    [Test]
    public void ReactionDiffusionKeepsTheP1Rates()
    {
        var levels = FemTestCases.Study(FemTestCases.Mixed(2, Exact2D, c: 10), FiniteElement.P1, FemTestCases.Grids(2, 8, 16, 32));
        Assert.That(levels[^1].RateL2, Is.EqualTo(2).Within(0.1));
        Assert.That(levels[^1].RateH1, Is.EqualTo(1).Within(0.1));
    }

    [Test]
    public void IndefiniteHelmholtzIsSolvedAndConvergesAtTheP1Rates()
    {
        // -Δu - 10u = f: with these conditions the first eigenvalue of -Δ is about π²/2 ≈ 5 and the second
        // about 25, so 10 makes the matrix indefinite while staying clear of resonance.
        var problem = FemTestCases.Mixed(2, Exact2D, c: -10, name: "helmholtz");
        var levels = FemTestCases.Study(problem, FiniteElement.P1, FemTestCases.Grids(2, 8, 16, 32));
        TestContext.Out.WriteLine($"linear solver: {new FemSolver().Solve(problem, FemTestCases.Grids(2, 16)[0]).Metadata["linear_solver"]}");
        Assert.That(levels[^1].RateL2, Is.EqualTo(2).Within(0.1));
        Assert.That(levels[^1].RateH1, Is.EqualTo(1).Within(0.1));
    }

    [TestCase(FiniteElement.P1), TestCase(FiniteElement.P2)]
    public void NewtonConvergesQuadraticallyOnNonlinearDiffusion(FiniteElement element)
    {
        // -div((1 + u²) grad u) = f with the manufactured solution, Dirichlet and Robin data. (A condition on
        // ∂u/∂n with this flux is a nonlinear condition on the conormal flux (1 + u²) ∂u/∂n, which can admit
        // several solutions; the Robin part here keeps the problem monotone.)
        var u = Unknown.Scalar("u");
        var exact = Exact2D;
        var flux = NormalDerivative(exact, 2);
        var problem = Problem.Named("nonlinear").On(Rectangle.UnitSquare)
            .Solve(-Div((1 + Pow(u, 2)) * Grad(u)) == -Div((1 + Pow(exact, 2)) * Grad(exact)))
            .With(Dirichlet.On("left, bottom, right", exact))
            .With(Robin.On("top", 1, flux + exact))
            .Exact(exact);
        var residuals = new List<double>();
        var progress = new Synchronous(p => residuals.Add(p.Values["residual"]));
        var solution = new FemSolver(new FemOptions(Element: element)).Solve(problem, FemTestCases.Grids(2, 16)[0], progress);
        var relative = residuals.Select(r => r / residuals[0]).ToArray();
        TestContext.Out.WriteLine($"{element} Newton residuals (relative): {string.Join(", ", relative.Select(r => r.ToString("E2")))}");
        Assert.That(residuals.Count, Is.InRange(3, 10));
        // Quadratic: the order log(r_{k+1}/r_k) / log(r_k/r_{k-1}) estimated from the last three residuals is about 2.
        Assert.That(relative[^1], Is.LessThan(1e-9));
        double order = Math.Log(relative[^1] / relative[^2]) / Math.Log(relative[^2] / relative[^3]);
        TestContext.Out.WriteLine($"estimated order {order:F2}");
        Assert.That(order, Is.GreaterThan(1.8));
        Assert.That(FemErrorNorms.Of(solution, exact).L2, Is.LessThan(element == FiniteElement.P1 ? 1e-2 : 1e-3));
    }

    [Test]
    public void NewtonThatDoesNotConvergeStopsSayingWhatToChange()
    {
        // -Δu + 50 u³ = f with a large manufactured solution: two Newton iterations cannot reach the tolerance.
        var u = Unknown.Scalar("u");
        var exact = 10 * Sin(Pi * X) * Sin(Pi * Y);
        var problem = Problem.Named("stiff-cubic").On(Rectangle.UnitSquare)
            .Solve(-Laplacian(u) + 50 * Pow(u, 3) == -Laplacian(exact) + 50 * Pow(exact, 3))
            .With(Dirichlet.On("left, bottom, right, top", 0))
            .Exact(exact);
        var error = Assert.Throws<FemSolveException>(() => new FemSolver(new FemOptions(MaxNewtonIterations: 2)).Solve(problem, FemTestCases.Grids(2, 8)[0]));
        Assert.That(error!.Message, Does.Contain("Newton's method did not converge in 2 iterations").And.Contain("raise MaxNewtonIterations"));
    }

    private static Problem PureNeumann(bool withMean, Expr? source = null)
    {
        // u = cos(πx) cos(2πy) + xy - 1/4 has mean zero over the unit square; its normal derivative is the Neumann datum.
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var exact = Cos(Pi * X) * Cos(2 * Pi * Y) + X * Y - 0.25;
        var problem = Problem.Named("pure-neumann").On(domain)
            .Solve(-Laplacian(u) == (source ?? -Laplacian(exact)))
            .With(Neumann.On(domain.Boundary, NormalDerivative(exact, 2)))
            .Exact(exact);
        return withMean ? problem.WithMean(0) : problem;
    }

    [TestCase(FiniteElement.P1, 2), TestCase(FiniteElement.P2, 3)]
    public void PureNeumannWithAPrescribedMeanConverges(FiniteElement element, int order)
    {
        var problem = PureNeumann(withMean: true);
        var levels = FemTestCases.Study(problem, element, FemTestCases.Grids(2, 8, 16, 32));
        Assert.That(levels[^1].RateL2, Is.EqualTo(order).Within(0.1));
        Assert.That(levels[^1].RateH1, Is.EqualTo(order - 1).Within(0.1));
    }

    [Test]
    public void PureNeumannWithoutAMeanIsRefusedAsSingularSayingWhatToAdd()
    {
        var error = Assert.Throws<FemSolveException>(() => new FemSolver().Solve(PureNeumann(withMean: false), FemTestCases.Grids(2, 8)[0]))!;
        TestContext.Out.WriteLine(error.Message);
        Assert.That(error.Message, Does.Contain("pure Neumann").And.Contain("singular").And.Contain("WithMean").And.Contain("Dirichlet"));
    }

    [Test]
    public void PureNeumannWithIncompatibleDataIsRefused()
    {
        // -Δu = 1 with the same boundary flux: sources and fluxes no longer balance.
        var error = Assert.Throws<FemSolveException>(() => new FemSolver().Solve(PureNeumann(withMean: true, source: 1), FemTestCases.Grids(2, 8)[0]))!;
        TestContext.Out.WriteLine(error.Message);
        Assert.That(error.Message, Does.Contain("incompatible"));
    }

    [Test]
    public void AConditionOnAPartTheGeometryLacksIsAClearError()
    {
        var u = Unknown.Scalar("u");
        var problem = Problem.Named("typo").On(Rectangle.UnitSquare).Solve(-Laplacian(u) == 1).With(Dirichlet.On("lft", 0));
        var error = Assert.Throws<ProblemDefinitionException>(() => new FemSolver(new FemOptions(MeshSize: 0.25)).Solve(problem))!;
        TestContext.Out.WriteLine(error.Message);
        Assert.That(error.Message, Does.Contain("'lft' does not exist").And.Contain("parts are").And.Contain("left"));
    }

    [Test]
    public void AConditionOnAPartTheMeshLacksIsAClearError()
    {
        var u = Unknown.Scalar("u");
        var problem = Problem.Named("renamed").On(Rectangle.UnitSquare).Solve(-Laplacian(u) == 1).With(Dirichlet.On("left", 0));
        var grid = FemTestCases.Grids(2, 4)[0];
        var mesh = new Mesh(grid.CellType, 2, grid.Coordinates, grid.Cells, grid.BoundaryFacets, grid.BoundaryFacetParts, ["west", "east", "south", "north"]);
        var error = Assert.Throws<ProblemDefinitionException>(() => new FemSolver().Solve(problem, mesh))!;
        Assert.That(error.Message, Does.Contain("'left'").And.Contain("mesh lacks").And.Contain("west, east, south, north"));
    }

    [Test]
    public void AMeanTogetherWithDirichletConditionsIsRefused()
    {
        var u = Unknown.Scalar("u");
        var problem = Problem.Named("both").On(Rectangle.UnitSquare).Solve(-Laplacian(u) == 1).With(Dirichlet.On("left", 0)).WithMean(0);
        Assert.That(() => new FemSolver().Solve(problem, FemTestCases.Grids(2, 4)[0]), Throws.TypeOf<ProblemDefinitionException>().With.Message.Contains("over-determines"));
    }

    private sealed class Synchronous(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
