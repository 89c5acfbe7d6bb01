using PdeNet.Core.Symbolic;
using PdeNet.Pinns;
using static PdeNet.Core.Symbolic.Expr;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns;

/// <summary>The PINN residual path (lowering, autograd derivatives, tensor evaluation) gives ~0 for
/// exact solutions, operator by operator.</summary>
public class ResidualAutogradTests
{
    private static readonly Unknown U = Unknown.Scalar("u");

    /// <summary>Max |R(u)| over random points, where u is the given exact solution evaluated on the
    /// input tensor (so autograd differentiates the exact function itself).</summary>
    private static double MaxResidual(Expr residual, Expr exact, int dimension, bool hasTime)
    {
        using var scope = NewDisposeScope();
        int columns = dimension + (hasTime ? 1 : 0);
        var random = new Random(11);
        var points = Enumerable.Range(0, 64 * columns).Select(_ => 0.1 + 0.8 * random.NextDouble()).ToArray();
        var inputs = tensor(points, [64, columns], ScalarType.Float64, requires_grad: true);
        var noUnknown = new TensorJet(inputs, zeros(64, dtype: ScalarType.Float64), U, dimension, hasTime, null);
        var u = new TensorEvaluator(noUnknown, p => p.DefaultValue, ScalarType.Float64).Evaluate(Lowering.Lower(exact, dimension));
        var jet = new TensorJet(inputs, u, U, dimension, hasTime, null);
        var value = new TensorEvaluator(jet, p => p.DefaultValue, ScalarType.Float64).Evaluate(Lowering.Lower(residual, dimension));
        return value.abs().max().item<double>();
    }

    [Test]
    public void LaplacianOfHarmonicFunctionVanishes() =>
        Assert.That(MaxResidual(Laplacian(U), Exp(X) * Sin(Y), 2, false), Is.LessThan(1e-12));

    [Test]
    public void GradientAndDivergenceOfAFluxMatchTheSource()
    {
        // -div(k grad u) = f with k = 1 + x², u = sin(x) cos(y): f computed symbolically.
        var k = Named("k", 1 + X * X);
        var exact = Sin(X) * Cos(Y);
        Assert.That(MaxResidual(-Div(k * Grad(U)) + Div(k * Grad(exact)), exact, 2, false), Is.LessThan(1e-12));
        Assert.That(MaxResidual(Dot(Grad(U), Vector(1, 2)) - (Dx(exact) + 2 * Dy(exact)), exact, 2, false), Is.LessThan(1e-12));
    }

    [Test]
    public void HeatEquationWithTimeDerivativeVanishes()
    {
        var nu = Param("nu", 0.3);
        Assert.That(MaxResidual(Dt(U) - nu * Laplacian(U), Exp(-2 * nu * T) * Sin(X) * Sin(Y), 2, true), Is.LessThan(1e-12));
    }

    [Test]
    public void NonlinearBurgersTravellingWaveVanishes()
    {
        // Viscous Burgers u_t + u u_x = nu u_xx with the travelling front u = c - tanh((x - c t)/(2 nu)).
        var nu = Param("nu", 0.5);
        var c = Param("c", 0.4);
        var exact = c - Tanh((X - c * T) / (2 * nu));
        Assert.That(MaxResidual(Dt(U) + U * Dx(U) - nu * D(Dx(U), X), exact, 1, true), Is.LessThan(1e-12));
    }

    [Test]
    public void ThirdDerivativesAreExact()
    {
        // u = x^4 y: u_xxy = 12 x², u_xxx = 24 x y.
        Assert.That(MaxResidual(D(D(D(U, X), X), Y) - 12 * X * X, Pow(X, 4) * Y, 2, false), Is.LessThan(1e-11));
        Assert.That(MaxResidual(D(D(D(U, X), X), X) - 24 * X * Y, Pow(X, 4) * Y, 2, false), Is.LessThan(1e-11));
    }
}
