using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;

namespace PdeNet.Tests.Geometry;

public class DomainTests
{
    private static Polygon LShape() => Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));

    [Test]
    public void PolygonAreaAndOrientationAreNormalised()
    {
        var clockwise = new Polygon([(0, 0), (0, 1), (2, 1), (2, 0)]);
        Assert.That(clockwise.Area, Is.EqualTo(2).Within(1e-15));
        Assert.That(LShape().Area, Is.EqualTo(3).Within(1e-15));
    }

    [Test]
    public void SignedDistanceOfPolygonIsExact()
    {
        var l = LShape();
        Assert.That(l.SignedDistance([-0.5, 0.5]), Is.EqualTo(-0.5).Within(1e-15));
        Assert.That(l.SignedDistance([0.5, -0.5]), Is.EqualTo(0.5).Within(1e-15));
        Assert.That(l.SignedDistance([2, 0.5]), Is.EqualTo(1).Within(1e-15));
        Assert.That(l.SignedDistance([1, 0.5]), Is.EqualTo(0).Within(1e-15));
    }

    [TestCase(new[] { 0.0, 0, 1, 1, 1, 0, 0, 1 }, "crosses")]
    [TestCase(new[] { 0.0, 0, 1, 0, 1, 0, 0, 1 }, "repeats vertex")]
    [TestCase(new[] { 0.0, 0, 1, 0, 2, 0 }, "crosses")]
    public void InvalidPolygonsAreRejectedWithAReason(double[] xy, string reason)
    {
        var vertices = Enumerable.Range(0, xy.Length / 2).Select(i => (xy[2 * i], xy[2 * i + 1])).ToArray();
        var error = Assert.Throws<InvalidGeometryException>(() => _ = new Polygon(vertices));
        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public void SelfIntersectionMessageNamesTheEdges()
    {
        var error = Assert.Throws<InvalidGeometryException>(() => Polygon.Of((0, 0), (2, 0), (0, 1), (2, 1)));
        Assert.That(error!.Message, Is.EqualTo("the polygon is self-intersecting: edge 1 (2, 0)-(0, 1) crosses edge 3 (2, 1)-(0, 0)"));
    }

    [Test]
    public void BoundarySamplesLieOnTheBoundaryWithUnitOutwardNormals()
    {
        var domains = new Domain[]
        {
            LShape(),
            new Rectangle(0, 0, 2, 1),
            new Disk((0.5, 0.5), 0.3),
            new Rectangle(-1, -1, 1, 1) - new Disk((0, 0), 0.5),
            new Rectangle(0, 0, 1, 1) | new Rectangle(1, 0, 2, 1) | new Rectangle(0, 1, 1, 2),
            new Disk((0, 0), 1) & new Rectangle(0, 0, 2, 2),
        };
        foreach (var domain in domains)
        {
            var sample = domain.SampleBoundary(2000, new Random(3));
            for (int k = 0; k < sample.Count; k++)
            {
                double x = sample.Points[2 * k], y = sample.Points[2 * k + 1];
                double nx = sample.Normals[2 * k], ny = sample.Normals[2 * k + 1];
                Assert.That(Math.Abs(domain.SignedDistance([x, y])), Is.LessThan(1e-12), $"{domain.GetType().Name} point ({x}, {y})");
                Assert.That(Math.Sqrt(nx * nx + ny * ny), Is.EqualTo(1).Within(1e-12));
                Assert.That(domain.Contains([x - 1e-6 * nx, y - 1e-6 * ny]), Is.True, "inside along -n");
                Assert.That(domain.Contains([x + 1e-6 * nx, y + 1e-6 * ny]), Is.False, "outside along +n");
            }
        }
    }

    [Test]
    public void UnionDropsSharedEdgesAndSamplesUniformlyInArcLength()
    {
        // Three unit squares forming an L: perimeter 8, no internal edges.
        var union = new Rectangle(0, 0, 1, 1) | new Rectangle(1, 0, 2, 1) | new Rectangle(0, 1, 1, 2);
        var sample = union.SampleBoundary(40_000, new Random(5));
        int onBottom = Enumerable.Range(0, sample.Count).Count(k => Math.Abs(sample.Points[2 * k + 1]) < 1e-12);
        Assert.That(onBottom / (double)sample.Count, Is.EqualTo(2.0 / 8).Within(0.01));
        int onInterface = Enumerable.Range(0, sample.Count).Count(k => Math.Abs(sample.Points[2 * k] - 1) < 1e-12 && sample.Points[2 * k + 1] < 1);
        Assert.That(onInterface, Is.Zero);
    }

    [Test]
    public void DifferenceKeepsHoleWithInwardNormalsAndPartNames()
    {
        var plate = new Rectangle(-1, -1, 1, 1) - new Disk((0, 0), 0.5);
        Assert.That(plate.BoundaryParts, Is.EquivalentTo(new[] { "bottom", "right", "top", "left", "circle" }));
        var hole = plate.SampleBoundary(500, new Random(1), plate.Parts("circle"));
        for (int k = 0; k < hole.Count; k++)
        {
            double x = hole.Points[2 * k], y = hole.Points[2 * k + 1];
            Assert.That(x * hole.Normals[2 * k] + y * hole.Normals[2 * k + 1], Is.EqualTo(-0.5).Within(1e-12), "normal points into the hole");
        }
    }

    [Test]
    public void InteriorSamplesAreInsideAndFillTheArea()
    {
        var l = LShape();
        var points = l.SampleInterior(30_000, new Random(2));
        int inFirstQuadrant = 0;
        for (int k = 0; k < points.Length / 2; k++)
        {
            Assert.That(l.Contains(points.AsSpan(2 * k, 2)), Is.True);
            if (points[2 * k] > 0 && points[2 * k + 1] > 0) inFirstQuadrant++;
        }
        Assert.That(inFirstQuadrant / 30_000.0, Is.EqualTo(1.0 / 3).Within(0.01));
    }

    [Test]
    public void SamplingIsReproducibleForAGivenSeed()
    {
        var a = LShape().SampleBoundary(100, new Random(42));
        var b = LShape().SampleBoundary(100, new Random(42));
        Assert.That(a.Points, Is.EqualTo(b.Points));
        Assert.That(a.Parts, Is.EqualTo(b.Parts));
    }

    [Test]
    public void UnknownPartNameIsRejected()
    {
        var error = Assert.Throws<InvalidGeometryException>(() => new Rectangle(0, 0, 1, 1).Parts("inlet"));
        Assert.That(error!.Message, Does.Contain("'inlet'").And.Contain("left"));
    }

    [Test]
    public void EmptySetOperationIsRejected()
    {
        Assert.Throws<InvalidGeometryException>(() => _ = new Rectangle(0, 0, 1, 1) & new Rectangle(2, 2, 3, 3));
        Assert.Throws<InvalidGeometryException>(() => _ = new Disk((0, 0), 0));
    }
}
