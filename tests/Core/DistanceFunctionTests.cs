using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;

namespace PdeNet.Tests.Core;

public class DistanceFunctionTests
{
    private static Func<double, double, double> Compile(Expr phi)
    {
        var layout = new VariableLayout(2);
        var f = ExpressionCompiler.Compile(Lowering.Lower(phi, 2), layout, p => p.DefaultValue);
        return (x, y) => f([x, y, 0, 0, 0]);
    }

    private static IEnumerable<TestCaseData> Domains()
    {
        yield return new TestCaseData(Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1))).SetName("{m}(l-shape)");
        yield return new TestCaseData(new Rectangle(-1, -1, 1, 1) - new Disk((0, 0), 0.5)).SetName("{m}(plate with hole)");
        yield return new TestCaseData(new Rectangle(0, 0, 1, 1) | new Rectangle(1, 0, 2, 1) | new Rectangle(0, 1, 1, 2)).SetName("{m}(union of squares)");
        yield return new TestCaseData(new Ellipse((0, 0), 2, 1, 0.3) - new Rectangle(-0.5, -0.2, 0.5, 0.2)).SetName("{m}(ellipse with slot)");
        yield return new TestCaseData((new Rectangle(0, 0, 2, 1) - new Disk((1, 0.5), 0.3)).Rotate(0.4).Scale(0.5).Translate(1, -2)).SetName("{m}(moved plate with hole)");
    }

    [TestCaseSource(nameof(Domains))]
    public void VanishesOnTheBoundaryAndIsPositiveInside(Domain domain)
    {
        var phi = Compile(DistanceFunctions.Approximate(domain, domain.Boundary));
        var boundary = domain.SampleBoundary(800, new Random(1));
        for (int k = 0; k < boundary.Count; k++)
            Assert.That(phi(boundary.Points[2 * k], boundary.Points[2 * k + 1]), Is.EqualTo(0).Within(1e-10), $"at ({boundary.Points[2 * k]}, {boundary.Points[2 * k + 1]})");
        // The true distance to the boundary, by brute force over dense boundary samples.
        var dense = domain.SampleBoundary(20_000, new Random(3)).Points;
        double Distance(double x, double y)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < dense.Length / 2; j++) best = Math.Min(best, Math.Pow(x - dense[2 * j], 2) + Math.Pow(y - dense[2 * j + 1], 2));
            return Math.Sqrt(best);
        }
        var inside = domain.SampleInterior(300, new Random(2));
        double worst = 0;
        for (int k = 0; k < 300; k++)
        {
            double x = inside[2 * k], y = inside[2 * k + 1], value = phi(x, y);
            Assert.That(value, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity), $"at ({x}, {y})");
            worst = Math.Max(worst, value / Distance(x, y));
        }
        TestContext.Out.WriteLine($"largest phi / distance: {worst:F3}");
        // R-equivalence keeps phi below the smallest piece distance, which is about the distance.
        Assert.That(worst, Is.LessThan(1.5));
    }

    [Test]
    public void VanishesOnlyOnTheSelectedParts()
    {
        var square = Rectangle.UnitSquare;
        var phi = Compile(DistanceFunctions.Approximate(square, square.Parts("left", "bottom")));
        Assert.That(phi(0, 0.5), Is.EqualTo(0).Within(1e-14));
        Assert.That(phi(0.5, 0), Is.EqualTo(0).Within(1e-14));
        Assert.That(phi(1, 0.5), Is.GreaterThan(0.1), "the right side is not selected");
        Assert.That(phi(0.5, 1), Is.GreaterThan(0.1), "nor the top");
    }

    [Test]
    public void InterfacesBetweenUnitedSquaresAreNotBoundary()
    {
        var union = new Rectangle(0, 0, 1, 1) | new Rectangle(1, 0, 2, 1);
        var phi = Compile(DistanceFunctions.Approximate(union, union.Boundary));
        Assert.That(phi(1, 0.5), Is.GreaterThan(0.1), "x = 1 is inside the union");
    }

    [Test]
    public void IntervalsAndBadSelectionsAreHandled()
    {
        var interval = new Interval(1, 3);
        var phi = Lowering.Lower(DistanceFunctions.Approximate(interval, interval.Parts("right")), 1);
        var f = ExpressionCompiler.Compile(phi, new VariableLayout(1), p => p.DefaultValue);
        Assert.That(f([2.5, 0, 0]), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(f([3, 0, 0]), Is.EqualTo(0));
        var square = Rectangle.UnitSquare;
        Assert.Throws<ArgumentException>(() => DistanceFunctions.Approximate(square, BoundarySelector.Where("nowhere", _ => false)));
        Assert.Throws<InvalidGeometryException>(() => DistanceFunctions.Approximate(square, BoundarySelector.Parts("inlet")));
    }

    [Test]
    public void ConvexPrimitivesIn3DAreCovered()
    {
        foreach (var domain in new Domain[] { new Box(0, 0, 0, 1, 2, 1), new Sphere((0, 0, 0), 1), new Cylinder((0, 0, 0), 0.5, 2) })
        {
            var layout = new VariableLayout(3);
            var phi = ExpressionCompiler.Compile(Lowering.Lower(DistanceFunctions.Approximate(domain, domain.Boundary), 3), layout, p => p.DefaultValue);
            var boundary = domain.SampleBoundary(300, new Random(1));
            var v = new double[layout.Count];
            for (int k = 0; k < boundary.Count; k++)
            {
                Array.Copy(boundary.Points, 3 * k, v, 0, 3);
                Assert.That(phi(v), Is.EqualTo(0).Within(1e-12), domain.GetType().Name);
            }
            var inside = domain.SampleInterior(300, new Random(2));
            for (int k = 0; k < 300; k++)
            {
                Array.Copy(inside, 3 * k, v, 0, 3);
                Assert.That(phi(v), Is.GreaterThan(0).And.LessThanOrEqualTo(-domain.SignedDistance(inside.AsSpan(3 * k, 3)) + 1e-12), domain.GetType().Name);
            }
        }
        Assert.Throws<NotSupportedException>(() => DistanceFunctions.Approximate(new Box(0, 0, 0, 2, 2, 2) - new Sphere((1, 1, 1), 0.5), BoundarySelector.All));
    }
}
