using PdeNet.Geometry.Meshes.Delaunay;

namespace PdeNet.Tests.Geometry;

public class PredicatesTests
{
    [Test]
    public void OrientationIsExactWhereDoubleArithmeticFails()
    {
        // Points a few ulps around the line y = x (Kettner et al., "Classroom examples of robustness
        // problems"): the plain determinant gives wrong and inconsistent signs here.
        double eps = Math.Pow(2, -53);
        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < 64; j++)
            {
                double x = 0.5 + i * eps, y = 0.5 + j * eps;
                int expected = Math.Sign(y - x); // left of the line from (12, 12) to (24, 24) when y > x
                Assert.That(Predicates.Orient(12, 12, 24, 24, x, y), Is.EqualTo(expected), $"i = {i}, j = {j}");
            }
        }
    }

    [Test]
    public void InCircleIsExactOnAndNextToACircle()
    {
        Assert.That(Predicates.InCircle(1, 0, 0, 1, -1, 0, 0, -1), Is.EqualTo(0));
        Assert.That(Predicates.InCircle(1, 0, 0, 1, -1, 0, 0, Math.BitDecrement(-1.0)), Is.EqualTo(-1));
        Assert.That(Predicates.InCircle(1, 0, 0, 1, -1, 0, 0, Math.BitIncrement(-1.0)), Is.EqualTo(1));
        // Large offsets make the filter undecided; the exact path still answers.
        double big = 1e15;
        Assert.That(Predicates.InCircle(big + 1, big, big, big + 1, big - 1, big, big, big - 1), Is.EqualTo(0));
        Assert.That(Predicates.InCircle(big + 1, big, big, big + 1, big - 1, big, big + 0.125, big - 1), Is.EqualTo(-1));
        Assert.That(Predicates.InCircle(big + 1, big, big, big + 1, big - 1, big, big, big - 0.875), Is.EqualTo(1));
    }

    [Test]
    public void ExactPathsAgreeWithTheFilteredOnes()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            var p = Enumerable.Range(0, 8).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            Assert.That(Predicates.OrientExact(p[0], p[1], p[2], p[3], p[4], p[5]), Is.EqualTo(Predicates.Orient(p[0], p[1], p[2], p[3], p[4], p[5])));
            if (Predicates.Orient(p[0], p[1], p[2], p[3], p[4], p[5]) <= 0) continue;
            Assert.That(Predicates.InCircleExact(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]), Is.EqualTo(Predicates.InCircle(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7])));
        }
    }
}
