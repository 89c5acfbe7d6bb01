using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Core;

public class ProblemTests
{
    private static readonly Unknown U = Unknown.Scalar("u");
    private static readonly Rectangle Square = Rectangle.UnitSquare;

    private static Problem Poisson() => Problem.Named("p").On(Square).Solve(-Laplacian(U) == Param("f0", 1, "source")).With(Dirichlet.On(Square.Boundary, 0));

    [Test]
    public void ParametersAreDiscoveredAndOverridden()
    {
        var beta = Param("beta", 30, "convection speed");
        var problem = Problem.Named("c").On(Square).Solve(Dx(U) + beta * Dy(U) == 0).With(Dirichlet.On("left", Sin(beta * Y)));
        Assert.That(problem.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "beta" }));
        Assert.That(problem.ValueOf("beta"), Is.EqualTo(30));
        var changed = problem.WithParameters(["beta=40"]);
        Assert.That(changed.ValueOf("beta"), Is.EqualTo(40));
        Assert.That(problem.ValueOf("beta"), Is.EqualTo(30), "problems are immutable");
    }

    [Test]
    public void ParameterErrorsNameTheProblemAndTheParameters()
    {
        var problem = Poisson();
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => problem.WithParameter("g", 1))!.Message,
            Is.EqualTo("problem 'p' has no parameter 'g'; its parameters are: f0"));
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => problem.WithParameter("f0", double.NaN))!.Message,
            Does.Contain("needs a finite value"));
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => problem.WithParameters(["f0=1e"]))!.Message,
            Is.EqualTo("parameter 'f0' needs a number, got '1e'"));
        var twoDefaults = Problem.Named("q").On(Square).Solve(-Laplacian(U) == Param("a", 1)).With(Dirichlet.On(Square.Boundary, Param("a", 2)));
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => twoDefaults.Validate())!.Message, Does.Contain("parameter 'a' has two defaults, 1 and 2"));
    }

    [Test]
    public void ValidationReportsEveryInconsistency()
    {
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => Problem.Named("empty").Validate())!.Message,
            Is.EqualTo("problem 'empty' is incomplete: no domain (call On(domain)); no equation (call Solve(lhs == rhs))"));
        var bad = Problem.Named("bad").On(Square)
            .Solve(Dt(U) - Laplacian(U) + Z == 0)
            .With(Dirichlet.On("inlet", U));
        var message = Assert.Throws<ProblemDefinitionException>(() => bad.Validate())!.Message;
        Assert.That(message, Does.Contain("equation: the expression uses z, but the problem is 2D"));
        Assert.That(message, Does.Contain("boundary part 'inlet' does not exist; the domain's parts are: bottom, right, top, left"));
        Assert.That(message, Does.Contain("no time interval"));
        Assert.That(message, Does.Contain("no initial condition"));
        var other = Problem.Named("other").On(Square).Solve(-Laplacian(U) == 0).With(Neumann.On("left", Unknown.Scalar("v")));
        Assert.That(Assert.Throws<ProblemDefinitionException>(() => other.Validate())!.Message, Does.Contain("uses 'v', which is not the unknown 'u'"));
    }

    [Test]
    public void NamesMustBeUsableInFilesAndCode()
    {
        Assert.Throws<ProblemDefinitionException>(() => Problem.Named("Poisson L"));
        Assert.Throws<ArgumentException>(() => Param("2k", 1));
        Assert.Throws<ArgumentException>(() => Unknown.Scalar("u_x"));
    }

    [Test]
    public void DirichletTakesPrecedenceAndUncoveredBoundaryHasNoCondition()
    {
        var problem = Problem.Named("mix").On(Square).Solve(-Laplacian(U) == 0)
            .With(Neumann.On(Square.Boundary, 1))
            .With(Dirichlet.On(BoundarySelector.Where("x < 0.5", p => p[0] < 0.5), 0))
            .With(Robin.On("top", 2, 0));
        Assert.That(problem.ConditionAt("bottom", [0.25, 0]), Is.TypeOf<Dirichlet>());
        Assert.That(problem.ConditionAt("bottom", [0.75, 0]), Is.TypeOf<Neumann>(), "the first natural condition covering the point");
        Assert.That(problem.ConditionAt("top", [0.75, 1]), Is.TypeOf<Neumann>());
        var partial = Problem.Named("partial").On(Square).Solve(-Laplacian(U) == 0).With(Dirichlet.On("left", 0));
        Assert.That(partial.ConditionAt("right", [1, 0.5]), Is.Null);
    }

    [Test]
    public void ConditionsPrintAsEquations()
    {
        Assert.That(Dirichlet.On("left", Sin(Pi * Y)).ToString(), Is.EqualTo("dirichlet on left: u = sin(3.141592653589793*y)"));
        Assert.That(Robin.On("top", 2, X).ToString(), Is.EqualTo("robin on top: du/dn + 2*u = x"));
        Assert.That(Neumann.On("right", 0).Residual(U, 2).ToString(), Is.EqualTo("dot(grad(u), [n_x, n_y])"));
    }
}
