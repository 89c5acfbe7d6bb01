using PdeNet.Core.Symbolic;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Core;

public class SymbolicTests
{
    private static readonly Unknown U = Unknown.Scalar("u");

    private static double Evaluate(Expr e, double x, double y, double t = 0, IReadOnlyList<Unknown>? jet = null, double[]? jetValues = null)
    {
        var layout = new VariableLayout(2, jet);
        var f = ExpressionCompiler.Compile(Lowering.Lower(e, 2), layout, p => p.DefaultValue);
        var v = new double[layout.Count];
        (v[0], v[1], v[layout.TimeSlot]) = (x, y, t);
        jetValues?.CopyTo(v, layout.JetOffset);
        return f(v);
    }

    [Test]
    public void EquationsPrintAsWritten()
    {
        var k = Named("k", 1 + Pow(X, 2));
        var f = Named("f", Sin(Pi * X));
        Assert.That((-Div(k * Grad(U)) == f).Residual.ToString(), Is.EqualTo("-div(k*grad(u)) - f"));
        Assert.That((-Laplacian(U) == 0).ToString(), Is.EqualTo("-laplacian(u) = 0"));
        var beta = Param("beta", 30);
        Assert.That((Dt(U) + beta * Dx(U) == 0).ToString(), Is.EqualTo("d(u)/dt + beta*d(u)/dx = 0"));
        Assert.That((X - (Y - 1)).ToString(), Is.EqualTo("x - (y - 1)"));
        Assert.That(Pow(X + 1, 2).ToString(), Is.EqualTo("(x + 1)^2"));
        Assert.That((-(X * Y)).ToString(), Is.EqualTo("-(x*y)").Or.EqualTo("-x*y"));
    }

    [Test]
    public void BuildersFoldTrivialTerms()
    {
        Assert.That((0 + X * 1).Equals(X));
        Assert.That((X * 0).IsConstant(0));
        Assert.That(((Expr)2 * 3).IsConstant(6));
        Assert.That((X - X).IsConstant(0));
        Assert.That((-(-X)).Equals(X));
        Assert.That(Sin(0.0).IsConstant(0));
    }

    [Test]
    public void ExpressionsCompareStructurally()
    {
        Assert.That((Sin(X) * Y).Equals(Sin(X) * Y));
        Assert.That((Sin(X) * Y).GetHashCode(), Is.EqualTo((Sin(X) * Y).GetHashCode()));
        Assert.That((Sin(X) * Y).Equals(Sin(Y) * X), Is.False);
    }

    [Test]
    public void LaplacianLowersToSecondDerivatives()
    {
        var lowered = Lowering.Lower(Laplacian(U), 2);
        Assert.That(lowered.ToString(), Is.EqualTo("u_xx + u_yy"));
        var flux = Lowering.Lower(-Div((1 + Pow(X, 2)) * Grad(U)), 2);
        Assert.That(flux.ToString(), Is.EqualTo("-(2*x*u_x + (1 + x^2)*u_xx + (1 + x^2)*u_yy)"));
    }

    [TestCase(0.3, 0.7)]
    [TestCase(-0.4, 0.2)]
    public void SymbolicDerivativesMatchFiniteDifferences(double x, double y)
    {
        var functions = new[] { Sin(X * Y) * Exp(-Y), Pow(Pow(X, 2) + Pow(Y, 2), 1.0 / 3), Atan2(Y, X) + Sqrt(1 + X * X), Tanh(X / (1 + Y * Y)) * Log(2 + Cos(X)) };
        const double h = 1e-6;
        foreach (var f in functions)
        {
            foreach (int axis in new[] { 0, 1 })
            {
                var derivative = Differentiation.Space(Lowering.Lower(f, 2), axis);
                double numeric = axis == 0
                    ? (Evaluate(f, x + h, y) - Evaluate(f, x - h, y)) / (2 * h)
                    : (Evaluate(f, x, y + h) - Evaluate(f, x, y - h)) / (2 * h);
                Assert.That(Evaluate(derivative, x, y), Is.EqualTo(numeric).Within(1e-7), $"d({f})/d{"xy"[axis]}");
            }
        }
    }

    [Test]
    public void SingularCornerSolutionIsHarmonic()
    {
        // u = r^(2/3) sin(2θ/3) with θ in (0, 2π] has Δu = 0 away from the origin.
        var theta = Atan2(-Y, -X) + Math.PI;
        var u = Pow(Sqrt(X * X + Y * Y), 2.0 / 3) * Sin(2 * theta / 3);
        foreach (var (x, y) in new[] { (0.5, 0.5), (-0.3, 0.8), (-0.6, -0.7), (0.9, 0.05) })
        {
            Assert.That(Evaluate(Laplacian(u), x, y), Is.EqualTo(0).Within(1e-12), $"({x}, {y})");
        }
        Assert.That(Evaluate(u, 0.5, 0), Is.EqualTo(0).Within(1e-15), "zero on the positive x axis");
        Assert.That(Evaluate(u, 0, -0.5), Is.EqualTo(0).Within(1e-15), "zero on the negative y axis");
    }

    [Test]
    public void JacobianOfNonlinearTermIsItsDerivativeInTheJetVariable()
    {
        var residual = Lowering.Lower(-Div((1 + Pow(U, 2)) * Grad(U)) + Pow(U, 3), 2);
        var ux = U.DifferentiateSpace(0);
        var uxx = ux.DifferentiateSpace(0);
        var du = Differentiation.WithRespectTo(residual, U);
        var jet = new[] { U, ux, U.DifferentiateSpace(1), uxx, U.DifferentiateSpace(1).DifferentiateSpace(1) };
        double[] values = [0.5, 0.2, -0.3, 1.5, -0.4];
        // R = -(1+u²)(u_xx+u_yy) - 2u(u_x²+u_y²) + u³ ; ∂R/∂u = -2u(u_xx+u_yy) - 2(u_x²+u_y²) + 3u²
        double expected = -2 * 0.5 * (1.5 - 0.4) - 2 * (0.04 + 0.09) + 3 * 0.25;
        Assert.That(Evaluate(du, 0, 0, 0, jet, values), Is.EqualTo(expected).Within(1e-14));
        Assert.That(Evaluate(Differentiation.WithRespectTo(residual, uxx), 0, 0, 0, jet, values), Is.EqualTo(-(1 + 0.25)).Within(1e-14));
    }

    [Test]
    public void RankErrorsAreReported()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = Grad(U) + U);
        Assert.That(error!.Message, Does.Contain("cannot add or subtract a scalar and a vector"));
        Assert.Throws<ArgumentException>(() => Div(U));
        Assert.Throws<ArgumentException>(() => Sin(Grad(U)));
        var z = Assert.Throws<ArgumentException>(() => Lowering.Lower(Z * U, 2));
        Assert.That(z!.Message, Does.Contain("uses z"));
    }
}
