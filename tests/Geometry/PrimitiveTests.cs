using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Sampling;

namespace PdeNet.Tests.Geometry;

public class PrimitiveTests
{
    private static readonly Polygon LShape = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));

    /// <summary>Each domain with its exact length, area or volume.</summary>
    private static IEnumerable<TestCaseData> Domains()
    {
        yield return Case("interval", new Interval(-1, 2), 3);
        yield return Case("rectangle", new Rectangle(0, 0, 2, 1), 2);
        yield return Case("disk", new Disk((0.5, 0.5), 0.3), Math.PI * 0.09);
        yield return Case("ellipse", new Ellipse((1, -1), 2, 0.5, 0.7), Math.PI);
        yield return Case("triangle", new Triangle((0, 0), (2, 0), (0, 1)), 1);
        yield return Case("l-shape", LShape, 3);
        yield return Case("plate with hole", new Rectangle(-1, -1, 1, 1) - new Disk((0, 0), 0.5), 4 - Math.PI / 4);
        yield return Case("disk union square", new Disk((0, 0), 1) | new Rectangle(0, 0, 2, 2), Math.PI * 0.75 + 4);
        yield return Case("ellipse cap", new Ellipse((0, 0), 2, 1) & new Rectangle(0, -2, 3, 2), Math.PI);
        yield return Case("moved rectangle", new Rectangle(0, 0, 2, 1).Rotate(0.3).Scale(1.5).Translate(3, -1), 2 * 2.25);
        yield return Case("box", new Box(0, 0, 0, 1, 2, 3), 6);
        yield return Case("sphere", new Sphere((0, 0, 0), 1), 4.0 / 3 * Math.PI);
        yield return Case("cylinder", new Cylinder((1, 1, 1), 0.5, 2), Math.PI * 0.25 * 2);
        yield return Case("box minus sphere", new Box(-1, -1, -1, 1, 1, 1) - new Sphere((0, 0, 0), 0.5), 8 - 4.0 / 3 * Math.PI / 8);
        yield return Case("tilted cylinder", new Cylinder((0, 0, 0), 1, 2).Rotate((1, 1, 0), 1.0), Math.PI * 2);
    }

    private static TestCaseData Case(string name, Domain domain, double measure) => new TestCaseData(domain, measure).SetName($"{{m}}({name})");

    [TestCaseSource(nameof(Domains))]
    public void BoundarySamplesLieOnTheBoundaryWithUnitOutwardNormals(Domain domain, double measure)
    {
        int d = domain.Dimension;
        var sample = domain.SampleBoundary(1500, PointSampler.Create(SamplingMethod.Sobol, 4));
        double tolerance = 1e-9 * domain.Bounds.Diameter, step = 1e-6 * domain.Bounds.Diameter;
        var inside = new double[d];
        var outside = new double[d];
        for (int k = 0; k < sample.Count; k++)
        {
            var x = sample.Points.AsSpan(k * d, d);
            var n = sample.Normals.AsSpan(k * d, d);
            Assert.That(Math.Abs(domain.SignedDistance(x)), Is.LessThan(tolerance), $"point {k} ({string.Join(", ", x.ToArray())})");
            double length = 0;
            for (int i = 0; i < d; i++)
            {
                length += n[i] * n[i];
                inside[i] = x[i] - step * n[i];
                outside[i] = x[i] + step * n[i];
            }
            Assert.That(Math.Sqrt(length), Is.EqualTo(1).Within(1e-12));
            Assert.That(domain.Contains(inside), Is.True, "inside along -n");
            Assert.That(domain.Contains(outside), Is.False, "outside along +n");
        }
    }

    [TestCaseSource(nameof(Domains))]
    public void MonteCarloMeasureMatchesTheExactOne(Domain domain, double measure)
    {
        var box = domain.Bounds;
        int d = domain.Dimension, n = 1 << 15;
        var points = PointSampler.Create(SamplingMethod.Sobol, 1).Generate(n, d);
        var x = new double[d];
        int inside = 0;
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < d; i++) x[i] = box.Min[i] + points[k * d + i] * box.Extent(i);
            if (domain.Contains(x)) inside++;
        }
        double volume = Enumerable.Range(0, d).Aggregate(1.0, (p, i) => p * box.Extent(i));
        Assert.That(inside / (double)n * volume, Is.EqualTo(measure).Within(0.01 * measure));
    }

    [Test]
    public void SignedDistancesOfCurvedPrimitivesAreExact()
    {
        // Brute force: the distance to a dense set of boundary points.
        foreach (var domain in new Domain[] { new Ellipse((0.2, -0.1), 2, 0.5, 0.4), new Cylinder((0, 0, 0), 1, 2), new Box(0, 0, 0, 1, 2, 3) })
        {
            int d = domain.Dimension;
            var boundary = domain.SampleBoundary(d == 2 ? 20_000 : 60_000, PointSampler.Create(SamplingMethod.Halton, 2)).Points;
            var probes = PointSampler.Create(SamplingMethod.Random, 3).Generate(20, d);
            var box = domain.Bounds;
            var x = new double[d];
            for (int k = 0; k < 20; k++)
            {
                for (int i = 0; i < d; i++) x[i] = box.Min[i] - 0.5 + probes[k * d + i] * (box.Extent(i) + 1);
                double best = double.PositiveInfinity;
                for (int j = 0; j < boundary.Length / d; j++)
                {
                    double s = 0;
                    for (int i = 0; i < d; i++) s += Math.Pow(x[i] - boundary[j * d + i], 2);
                    best = Math.Min(best, s);
                }
                double sdf = domain.SignedDistance(x);
                Assert.That(Math.Abs(sdf), Is.EqualTo(Math.Sqrt(best)).Within(d == 2 ? 2e-3 : 3e-2), $"{domain.GetType().Name} at ({string.Join(", ", x)})");
                Assert.That(sdf < 0, Is.EqualTo(domain.Contains(x)));
            }
        }
    }

    [Test]
    public void PartsAreNamedAndSampledInProportionToTheirMeasure()
    {
        var cylinder = new Cylinder((0, 0, 0), 1, 2);
        Assert.That(cylinder.BoundaryParts, Is.EqualTo(new[] { "side", "bottom", "top" }));
        var sample = cylinder.SampleBoundary(20_000, new Random(1));
        double side = sample.Parts.Count(p => p == "side") / (double)sample.Count;
        Assert.That(side, Is.EqualTo(4 * Math.PI / (4 * Math.PI + 2 * Math.PI)).Within(0.01));
        Assert.That(new Box(0, 0, 0, 1, 1, 1).BoundaryParts, Is.EqualTo(new[] { "left", "right", "front", "back", "bottom", "top" }));
        Assert.That(new Interval(0, 1).BoundaryParts, Is.EqualTo(new[] { "left", "right" }));
        Assert.That(new Sphere((0, 0, 0), 1).BoundaryParts, Is.EqualTo(new[] { "sphere" }));
        Assert.That(new Ellipse((0, 0), 1, 2).BoundaryParts, Is.EqualTo(new[] { "ellipse" }));
        Assert.That(new Triangle((0, 0), (1, 0), (0, 1)).BoundaryParts, Is.EqualTo(new[] { "edge0", "edge1", "edge2" }));
        var moved = new Rectangle(0, 0, 1, 1).Rotate(Math.PI / 2);
        Assert.That(moved.BoundaryParts, Is.EqualTo(new[] { "bottom", "right", "top", "left" }), "names travel with the map");
        var bottom = moved.SampleBoundary(10, new Random(2), moved.Parts("bottom"));
        for (int k = 0; k < bottom.Count; k++)
        {
            Assert.That(bottom.Points[2 * k], Is.EqualTo(0).Within(1e-12), "the old bottom edge now lies on x = 0");
            Assert.That(bottom.Normals[2 * k], Is.EqualTo(1).Within(1e-12), "and faces +x");
        }
        var interval = new Interval(0, 2).SampleBoundary(100, new Random(3));
        Assert.That(interval.Parts.Count(p => p == "left"), Is.InRange(35, 65));
    }

    [Test]
    public void TransformsScaleTheSignedDistance()
    {
        var disk = new Disk((0, 0), 1);
        var moved = disk.Scale(2).Translate(1, 1);
        Assert.That(moved.SignedDistance([1, 1]), Is.EqualTo(-2).Within(1e-14));
        Assert.That(moved.SignedDistance([4, 1]), Is.EqualTo(1).Within(1e-14));
        Assert.That(((TransformedDomain)moved).Inner, Is.SameAs(disk), "transformations compose instead of nesting");
    }

    [Test]
    public void DegenerateInputsAreRejectedWithAReason()
    {
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Interval(1, 0))!.Message, Does.Contain("a < b"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Ellipse((0, 0), 0, 1))!.Message, Does.Contain("positive semi-axes"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Box(0, 0, 0, 1, 0, 1))!.Message, Does.Contain("no volume").Or.Contains("y0 < y1"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Sphere((0, 0, 0), 0))!.Message, Does.Contain("positive radius"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Cylinder((0, 0, 0), 1, -1))!.Message, Does.Contain("positive radius and height"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Triangle((0, 0), (1, 1), (2, 2)))!.Message, Does.Contain("crosses").Or.Contains("zero area"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => new Disk((0, 0), 1).Scale(0))!.Message, Does.Contain("positive finite factor"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => new Box(0, 0, 0, 1, 1, 1).Rotate(0.5))!.Message, Does.Contain("give an axis"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => new Disk((0, 0), 1).Translate(1, 2, 3))!.Message, Does.Contain("needs a shift with 2 entries"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Disk((0, 0), 1) | new Sphere((0, 0, 0), 1))!.Message, Does.Contain("2D domain with a 3D domain"));
        Assert.That(Assert.Throws<InvalidGeometryException>(() => _ = new Disk((0, 0), 1) - new Disk((0, 0), 2))!.Message, Does.Contain("empty"));
    }
}
