using PdeNet.Core.Symbolic;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Core;

public class GridCoefficientTests
{
    private static double Evaluate(Expr e, double x, double y)
    {
        var layout = new VariableLayout(2);
        var f = ExpressionCompiler.Compile(Lowering.Lower(e, 2), layout, p => p.DefaultValue);
        var v = new double[layout.Count];
        (v[0], v[1]) = (x, y);
        return f(v);
    }

    // Values x + 10 y on the 3 x 3 grid of [0, 2] x [0, 1]: nodes x = 0, 1, 2 and y = 0, 0.5, 1.
    private static GridCoefficient Plane(GridInterpolation interpolation)
    {
        var values = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) values[i * 3 + j] = i + 10 * (0.5 * j);
        }
        return new GridCoefficient("a", [0, 0], [2, 1], [3, 3], values, interpolation);
    }

    [Test]
    public void LinearInterpolationReproducesAPlaneAndCompiles()
    {
        var a = Plane(GridInterpolation.Linear);
        foreach (var (x, y) in new[] { (0.3, 0.7), (1.9, 0.1), (2.0, 1.0), (0.0, 0.0), (1.234, 0.5) })
        {
            Assert.That(a.At(x, y), Is.EqualTo(x + 10 * y).Within(1e-12));
            Assert.That(Evaluate(2 * a + X, x, y), Is.EqualTo(2 * (x + 10 * y) + x).Within(1e-12));
        }
        Assert.That(a.At(-1, 2), Is.EqualTo(10).Within(1e-12), "points outside are clamped to the box");
    }

    [Test]
    public void NearestInterpolationIsPiecewiseConstant()
    {
        var a = Plane(GridInterpolation.Nearest);
        Assert.That(a.At(0.49, 0.24), Is.EqualTo(0));
        Assert.That(a.At(0.51, 0.24), Is.EqualTo(1));
        Assert.That(a.At(1.6, 0.3), Is.EqualTo(2 + 5));
        Assert.That(Evaluate(a, 1.6, 0.8), Is.EqualTo(2 + 10));
    }

    [Test]
    public void PrintsByNameDifferentiatesToZeroInUAndRefusesSpaceDerivatives()
    {
        var a = Plane(GridInterpolation.Linear);
        var u = Unknown.Scalar("u");
        Assert.That((-Div(a * Grad(u)) == 1).ToString(), Is.EqualTo("-div(a*grad(u)) = 1"));
        var flux = Lowering.LowerVector(a * Grad(u), 2);
        Assert.That(Differentiation.WithRespectTo(flux[0], u).IsConstant(0));
        Assert.That(Differentiation.WithRespectTo(flux[0], u.DifferentiateSpace(0)), Is.SameAs(a));
        // The strong form expands div(a grad u) = a Δu + ∇a·∇u with the interpolant's slope: 10 in y, 1 in x.
        var strong = Lowering.Lower(Div(a * Grad(u)), 2);
        Assert.That(strong.ToString(), Does.Contain("d(a)/dx"));
        var layout = new VariableLayout(2, [u.DifferentiateSpace(0), u.DifferentiateSpace(1)]);
        var compiled = ExpressionCompiler.Compile(Lowering.Lower(Dot(Grad(a), Grad(u)), 2), layout, p => p.DefaultValue);
        Assert.That(compiled([0.3, 0.6, 0, 0, 0, 2, 3]), Is.EqualTo(1 * 2 + 10 * 3).Within(1e-12));
        Assert.That(() => Lowering.Lower(Laplacian(a), 2), Throws.TypeOf<NotSupportedException>().With.Message.Contains("'a'"));
        Assert.That(() => Lowering.Lower(a, 1), Throws.ArgumentException.With.Message.Contains("2D grid coefficient"));
    }

    [Test]
    public void BadGridsAreRefused()
    {
        Assert.That(() => new GridCoefficient("a", [0], [1], [3], [1, 2], GridInterpolation.Linear), Throws.ArgumentException.With.Message.Contains("2 values for 3 nodes"));
        Assert.That(() => new GridCoefficient("a", [0], [0], [2], [1, 2], GridInterpolation.Linear), Throws.ArgumentException.With.Message.Contains("upper > lower"));
        Assert.That(() => new GridCoefficient("a", [0], [1], [2], [1, double.NaN], GridInterpolation.Linear), Throws.ArgumentException.With.Message.Contains("non-finite"));
    }
}
