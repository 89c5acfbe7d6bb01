using PdeNet.Core.Fields;
using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Core;

public class ErrorNormTests
{
    private static readonly Problem Square = Problem.Named("square").On(Rectangle.UnitSquare).Solve(-Laplacian(Unknown.Scalar("u")) == 0);
    private static readonly Mesh Mesh = GridMesher.Triangulate(Rectangle.UnitSquare, 8, 8);

    private static ExactSolution Of(Expr e) => new(Square, e, e.ToString());

    [Test]
    public void L2NormsOfPolynomialsAreExact()
    {
        // ∫_0^1∫_0^1 x² = 1/3; ∫ (xy)² = 1/9; the degree-5 rule is exact for these.
        Assert.That(ErrorNorms.L2(Of(X), null, Mesh), Is.EqualTo(Math.Sqrt(1.0 / 3)).Within(1e-14));
        Assert.That(ErrorNorms.L2(Of(X * Y), null, Mesh), Is.EqualTo(1.0 / 3).Within(1e-14));
        Assert.That(ErrorNorms.L2(Of(X + Y), Of(Y), Mesh), Is.EqualTo(Math.Sqrt(1.0 / 3)).Within(1e-14));
    }

    [Test]
    public void RelativeL2IsTheErrorOverTheReferenceNorm()
    {
        Assert.That(ErrorNorms.RelativeL2(Of((Expr)1), Of((Expr)2), Mesh), Is.EqualTo(0.5).Within(1e-14));
        // ‖x - 2x‖ / ‖2x‖ = 1/2 whatever the mesh.
        Assert.That(ErrorNorms.RelativeL2(Of(X), Of(2 * X), Mesh), Is.EqualTo(0.5).Within(1e-14));
        Assert.Throws<ArgumentException>(() => ErrorNorms.RelativeL2(Of(X), Of((Expr)0), Mesh));
    }

    [Test]
    public void MaxAbsIsTakenOverTheNodes()
    {
        Assert.That(ErrorNorms.MaxAbs(Of(X * Y), Of((Expr)0), Mesh), Is.EqualTo(1));
        Assert.That(ErrorNorms.MaxAbs(Of(Sin(Pi * X)), Of((Expr)0), Mesh), Is.EqualTo(1).Within(1e-15), "x = 1/2 is a node");
    }

    [Test]
    public void NodalFieldVersionAgreesWithSolutionsForLinearFunctions()
    {
        var u = new Field("u", Mesh, Of(1 + X).Evaluate(Mesh.Coordinates));
        var v = new Field("v", Mesh, Of(2 + 2 * X).Evaluate(Mesh.Coordinates));
        Assert.That(ErrorNorms.RelativeL2(u, v), Is.EqualTo(0.5).Within(1e-14));
        Assert.That(ErrorNorms.MaxAbs(u, v), Is.EqualTo(2).Within(1e-14));
    }

    [Test]
    public void SpaceTimeRelativeL2UsesTheTrapezoidalRuleInTime()
    {
        var quadrature = PdeNet.Geometry.Quadrature.MeshQuadrature.Of(Mesh, ErrorNorms.DefaultDegree);
        double[] times = [0, 0.25, 0.5, 0.75, 1];
        Assert.That(ErrorNorms.RelativeL2(Of(T * X), Of(2 * T * X), quadrature, times), Is.EqualTo(0.5).Within(1e-14));
        // u = 0 against v = t x: the error equals the norm at every time.
        Assert.That(ErrorNorms.RelativeL2(Of((Expr)0), Of(T * X), quadrature, times), Is.EqualTo(1).Within(1e-14));
        Assert.Throws<ArgumentException>(() => ErrorNorms.RelativeL2(Of(X), Of(X), quadrature, []));
    }

    [Test]
    public void GridRelativeL2SumsOverPointsAndTimesWithEqualWeights()
    {
        double[] points = [0, 0, 1, 0, 0, 1];
        double[] times = [1, 2];
        // u = 0 against v = t (1 + x): Σ v² = 1 + 4 + 1 + 4 + 16 + 4 = 30 over the six (point, time) pairs; u = v/2 gives exactly 1/2.
        Assert.That(ErrorNorms.RelativeL2OnGrid(Of(T * (1 + X) / 2), Of(T * (1 + X)), points, times), Is.EqualTo(0.5).Within(1e-15));
        // u = t against v = t (1 + x): Σ (t x)² = 1 + 4 = 5 (only the point x = 1 differs).
        Assert.That(ErrorNorms.RelativeL2OnGrid(Of(T), Of(T * (1 + X)), points, times), Is.EqualTo(Math.Sqrt(5.0 / 30)).Within(1e-15));
        Assert.Throws<ArgumentException>(() => ErrorNorms.RelativeL2OnGrid(Of(X), Of(X), points, []));
    }
}
