using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Sampling;

namespace PdeNet.Tests.Geometry;

public class SamplerTests
{
    private static readonly Polygon LShape = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
    private static readonly SamplingMethod[] Methods = Enum.GetValues<SamplingMethod>();

    [Test]
    public void SobolStartsWithTheCanonicalPoints()
    {
        var sobol = new SobolSequence(2);
        var point = new double[2];
        var expected = new[] { (0.0, 0.0), (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375), (0.875, 0.875), (0.625, 0.125), (0.125, 0.625) };
        foreach (var (x, y) in expected)
        {
            sobol.Next(point.AsSpan());
            Assert.That(point, Is.EqualTo(new[] { x, y }));
        }
    }

    [Test]
    public void SobolCoordinatesAreStratifiedAndTheFirstTwoFormANet()
    {
        const int m = 10, n = 1 << m;
        var sobol = new SobolSequence(SobolSequence.MaxDimension);
        var points = new double[n, SobolSequence.MaxDimension];
        var point = new double[SobolSequence.MaxDimension];
        for (int i = 0; i < n; i++)
        {
            sobol.Next(point.AsSpan());
            for (int j = 0; j < point.Length; j++) points[i, j] = point[j];
        }
        // Every coordinate puts one point in each interval [k/n, (k+1)/n).
        for (int j = 0; j < SobolSequence.MaxDimension; j++)
        {
            var cells = Enumerable.Range(0, n).Select(i => (int)(points[i, j] * n)).Distinct().Count();
            Assert.That(cells, Is.EqualTo(n), $"coordinate {j}");
        }
        // (0, m, 2)-net: every elementary box of area 1/n in the first two coordinates holds one point.
        for (int a = 0; a <= m; a++)
        {
            var boxes = Enumerable.Range(0, n).Select(i => ((int)(points[i, 0] * (1 << a)), (int)(points[i, 1] * (1 << (m - a))))).Distinct().Count();
            Assert.That(boxes, Is.EqualTo(n), $"boxes of 2^-{a} by 2^-{m - a}");
        }
    }

    [Test]
    public void HaltonCoordinatesAreRadicalInverses()
    {
        Assert.That(RadicalInverse.Of(1, 2), Is.EqualTo(0.5));
        Assert.That(RadicalInverse.Of(2, 3), Is.EqualTo(2.0 / 3));
        Assert.That(RadicalInverse.Of(3, 2), Is.EqualTo(0.75));
        Assert.That(RadicalInverse.Of(3, 3), Is.EqualTo(1.0 / 9).Within(1e-16));
        Assert.That(RadicalInverse.Of(6, 5), Is.EqualTo(1.0 / 5 + 1.0 / 25).Within(1e-16));
    }

    [TestCase(SamplingMethod.LatinHypercube)]
    [TestCase(SamplingMethod.Hammersley)]
    public void DesignsAreStratifiedAlongTheirStratifiedAxes(SamplingMethod method)
    {
        const int n = 500;
        var points = PointSampler.Create(method, 9).Generate(n, 3);
        int axes = method == SamplingMethod.LatinHypercube ? 3 : 1;
        for (int j = 0; j < axes; j++)
            Assert.That(Enumerable.Range(0, n).Select(i => (int)(points[i * 3 + j] * n)).Distinct().Count(), Is.EqualTo(n), $"axis {j}");
    }

    [Test]
    public void SameSeedSamePointsOtherSeedOtherPoints([Values] SamplingMethod method)
    {
        var a = LShape.SampleInterior(300, PointSampler.Create(method, 5));
        var b = LShape.SampleInterior(300, PointSampler.Create(method, 5));
        Assert.That(a, Is.EqualTo(b));
        if (method == SamplingMethod.Grid) return;
        Assert.That(LShape.SampleInterior(300, PointSampler.Create(method, 6)), Is.Not.EqualTo(a));
    }

    [Test]
    public void InteriorSamplesFillTheDomainEvenly([Values] SamplingMethod method)
    {
        const int n = 6000;
        var points = LShape.SampleInterior(n, PointSampler.Create(method, 1));
        int count = points.Length / 2;
        if (method == SamplingMethod.Grid) Assert.That(count, Is.InRange(0.9 * n, 1.1 * n));
        else Assert.That(count, Is.EqualTo(n));
        int firstQuadrant = 0;
        for (int k = 0; k < count; k++)
        {
            Assert.That(LShape.Contains(points.AsSpan(2 * k, 2)), Is.True);
            if (points[2 * k] > 0 && points[2 * k + 1] > 0) firstQuadrant++;
        }
        Assert.That(firstQuadrant / (double)count, Is.EqualTo(1.0 / 3).Within(method == SamplingMethod.Random ? 0.02 : 0.01), method.ToString());
    }

    [Test]
    public void BoundarySamplesAreUniformInArcLength([Values] SamplingMethod method)
    {
        var union = new Rectangle(0, 0, 1, 1) | new Rectangle(1, 0, 2, 1) | new Rectangle(0, 1, 1, 2);
        var sample = union.SampleBoundary(4000, PointSampler.Create(method, 2));
        int onBottom = Enumerable.Range(0, sample.Count).Count(k => Math.Abs(sample.Points[2 * k + 1]) < 1e-12);
        Assert.That(onBottom / (double)sample.Count, Is.EqualTo(2.0 / 8).Within(0.02), method.ToString());
        Assert.That(Enumerable.Range(0, sample.Count).All(k => Math.Abs(union.SignedDistance(sample.Points.AsSpan(2 * k, 2))) < 1e-12));
    }

    [Test]
    public void QuasiRandomPointsIntegrateMoreAccuratelyThanPseudoRandomOnes()
    {
        // ∫∫ over the unit square of exp(x) sin(πy) = (e - 1)·2/π.
        double exact = (Math.E - 1) * 2 / Math.PI;
        double Error(SamplingMethod method)
        {
            var points = PointSampler.Create(method, 0).Generate(4096, 2);
            double sum = 0;
            for (int k = 0; k < 4096; k++) sum += Math.Exp(points[2 * k]) * Math.Sin(Math.PI * points[2 * k + 1]);
            return Math.Abs(sum / 4096 - exact);
        }
        // The Monte Carlo standard error σ/√N with σ² = E[f²] - (E f)², E[f²] = (e² - 1)/4.
        double standardError = Math.Sqrt(((Math.E * Math.E - 1) / 4 - exact * exact) / 4096);
        TestContext.Out.WriteLine($"standard error {standardError:E2}; errors: random {Error(SamplingMethod.Random):E2}, sobol {Error(SamplingMethod.Sobol):E2}, halton {Error(SamplingMethod.Halton):E2}, hammersley {Error(SamplingMethod.Hammersley):E2}");
        Assert.That(Error(SamplingMethod.Random), Is.LessThan(4 * standardError), "pseudo-random points behave like Monte Carlo");
        foreach (var method in new[] { SamplingMethod.Sobol, SamplingMethod.Halton, SamplingMethod.Hammersley })
            Assert.That(Error(method), Is.LessThan(standardError / 10), method.ToString());
    }

    [Test]
    public void SpaceTimeSamplesCoverDomainTimesInterval()
    {
        var spaceTime = new SpaceTime(new Disk((0, 0), 1), 0.5, 2);
        var interior = spaceTime.SampleInterior(2000, PointSampler.Create(SamplingMethod.Halton, 0));
        Assert.That(interior.Length, Is.EqualTo(2000 * 3));
        for (int k = 0; k < 2000; k++)
        {
            Assert.That(interior[3 * k] * interior[3 * k] + interior[3 * k + 1] * interior[3 * k + 1], Is.LessThan(1));
            Assert.That(interior[3 * k + 2], Is.InRange(0.5, 2));
        }
        Assert.That(Enumerable.Range(0, 2000).Count(k => interior[3 * k + 2] < 1.25) / 2000.0, Is.EqualTo(0.5).Within(0.02));
        var lateral = spaceTime.SampleBoundary(500, PointSampler.Create(SamplingMethod.Sobol, 0));
        Assert.That(lateral.Columns, Is.EqualTo(3));
        Assert.That(lateral.Normals.Length, Is.EqualTo(500 * 2));
        for (int k = 0; k < 500; k++)
        {
            double x = lateral.Points[3 * k], y = lateral.Points[3 * k + 1];
            Assert.That(x * x + y * y, Is.EqualTo(1).Within(1e-12));
            Assert.That(x * lateral.Normals[2 * k] + y * lateral.Normals[2 * k + 1], Is.EqualTo(1).Within(1e-12));
            Assert.That(lateral.Points[3 * k + 2], Is.InRange(0.5, 2));
        }
        var initial = spaceTime.SampleInitial(100, PointSampler.Create(SamplingMethod.Random, 0));
        Assert.That(Enumerable.Range(0, 100).All(k => initial[3 * k + 2] == 0.5));
        Assert.Throws<InvalidGeometryException>(() => _ = new SpaceTime(new Disk((0, 0), 1), 1, 1));
    }

    [Test]
    public void SequencesKeepTheirDimension()
    {
        var sobol = PointSampler.Create(SamplingMethod.Sobol, 0);
        sobol.Generate(4, 2);
        Assert.That(Assert.Throws<InvalidOperationException>(() => sobol.Generate(4, 3))!.Message, Does.Contain("2-dimensional"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SobolSequence(22));
    }
}
