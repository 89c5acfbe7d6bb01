using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Pinns;
using PdeNet.Problems;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Pinns;

public class HardConstraintTests
{
    private static readonly PinnOptions Small = new(Hidden: [20, 20, 20], Steps: 600, LearningRate: 3e-3, FinalLearningRate: 3e-4,
        InteriorPoints: 400, BoundaryPoints: 160, Threads: 2, HardDirichlet: true);

    [Test]
    public void DirichletDataHoldExactlyOnTheLShape()
    {
        var problem = PoissonLShape.Create();
        var pinn = new PinnSolver(Small with { Steps = 50 }).Solve(problem);
        var boundary = problem.Domain!.SampleBoundary(300, new Random(5));
        var predicted = pinn.Evaluate(boundary.Points);
        var exact = ExactSolution.Of(problem).Evaluate(boundary.Points);
        double worst = predicted.Zip(exact, (a, b) => Math.Abs(a - b)).Max();
        TestContext.Out.WriteLine($"largest boundary mismatch after 50 steps: {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-5), "float32 rounding only");
        Assert.That(pinn.History!.Names, Does.Not.Contain("boundary"), "no boundary loss remains");
    }

    [Test]
    public void SeveralDirichletConditionsAreBlendedAndLearned()
    {
        // u = x² - y² + x on the unit square, Dirichlet data from u on two condition groups, Neumann on the top.
        var u = Unknown.Scalar("u");
        var exact = X * X - Y * Y + X;
        var square = Rectangle.UnitSquare;
        var problem = Problem.Named("blend").On(square).Solve(-Laplacian(u) == 0)
            .With(Dirichlet.On("left, bottom", exact)).With(Dirichlet.On("right", exact)).With(Neumann.On("top", -2.0)).Exact(exact);
        var pinn = new PinnSolver(Small with { Optimizer = PinnOptimizer.AdamThenLbfgs, Steps = 200, LbfgsIterations = 300 }).Solve(problem);
        var boundary = square.SampleBoundary(400, new Random(6), square.Parts("left", "bottom", "right"));
        var mismatch = pinn.Evaluate(boundary.Points).Zip(ExactSolution.Of(problem).Evaluate(boundary.Points), (a, b) => Math.Abs(a - b)).Max();
        var mesh = GridMesher.Triangulate(square, 16, 16);
        double error = ErrorNorms.RelativeL2(pinn, ExactSolution.Of(problem), mesh);
        TestContext.Out.WriteLine($"boundary mismatch {mismatch:E2}, relative L2 {error:E3}");
        Assert.That(mismatch, Is.LessThan(1e-5));
        Assert.That(pinn.Evaluate(mesh.Coordinates).All(double.IsFinite), "finite at every node, corners included");
        Assert.That(error, Is.LessThan(1e-2));
    }

    [Test]
    public void AProblemWithoutDirichletConditionsIsRefused()
    {
        var u = Unknown.Scalar("u");
        var square = Rectangle.UnitSquare;
        var problem = Problem.Named("neumann").On(square).Solve(-Laplacian(u) + u == 1).With(Neumann.On(square.Boundary, 0));
        var error = Assert.Throws<ArgumentException>(() => new PinnSolver(Small).Solve(problem));
        Assert.That(error!.Message, Is.EqualTo("hard Dirichlet constraints need a Dirichlet condition; problem 'neumann' has none"));
    }
}
