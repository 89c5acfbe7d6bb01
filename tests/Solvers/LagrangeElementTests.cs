using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Tests.Solvers;

public class LagrangeElementTests
{
    private static IEnumerable<TestCaseData> Elements()
    {
        foreach (var shape in new[] { CellType.Interval, CellType.Triangle, CellType.Tetrahedron })
        {
            foreach (var element in new[] { FiniteElement.P1, FiniteElement.P2 }) yield return new TestCaseData(shape, element);
        }
    }

    [TestCaseSource(nameof(Elements))]
    public void BasisIsNodalAndAPartitionOfUnity(CellType shape, FiniteElement kind)
    {
        var element = LagrangeElement.For(shape, kind);
        Assert.That(element.DofCount, Is.EqualTo(element.NodalCellType.NodeCount()));
        var values = new double[element.DofCount];
        for (int a = 0; a < element.DofCount; a++)
        {
            element.Evaluate(element.NodeBarycentric(a), values);
            for (int b = 0; b < element.DofCount; b++) Assert.That(values[b], Is.EqualTo(a == b ? 1 : 0).Within(1e-15), $"φ_{b} at node {a}");
        }
        var random = new Random(3);
        var gradients = new double[element.DofCount * element.Dimension];
        for (int trial = 0; trial < 5; trial++)
        {
            var lambda = RandomPoint(random, element.Dimension);
            element.Evaluate(lambda, values);
            Assert.That(values.Sum(), Is.EqualTo(1).Within(1e-14));
            element.ReferenceGradients(lambda, gradients);
            for (int j = 0; j < element.Dimension; j++)
                Assert.That(Enumerable.Range(0, element.DofCount).Sum(a => gradients[a * element.Dimension + j]), Is.EqualTo(0).Within(1e-13));
        }
    }

    [TestCaseSource(nameof(Elements))]
    public void ReferenceGradientsMatchFiniteDifferences(CellType shape, FiniteElement kind)
    {
        var element = LagrangeElement.For(shape, kind);
        int d = element.Dimension, n = element.DofCount;
        var lambda = RandomPoint(new Random(5), d);
        var gradients = new double[n * d];
        element.ReferenceGradients(lambda, gradients);
        var plus = new double[n];
        var minus = new double[n];
        const double step = 1e-6;
        for (int j = 0; j < d; j++)
        {
            // Moving ξ_j moves λ_j and λ_0 in opposite directions.
            var forward = (double[])lambda.Clone();
            var backward = (double[])lambda.Clone();
            forward[j + 1] += step; forward[0] -= step;
            backward[j + 1] -= step; backward[0] += step;
            element.Evaluate(forward, plus);
            element.Evaluate(backward, minus);
            for (int a = 0; a < n; a++) Assert.That(gradients[a * d + j], Is.EqualTo((plus[a] - minus[a]) / (2 * step)).Within(1e-8));
        }
    }

    [Test]
    public void QuadraticAndHexahedralCellsAreRefusedWithAReason()
    {
        Assert.That(() => LagrangeElement.For(CellType.Hexahedron, FiniteElement.P1), Throws.TypeOf<NotSupportedException>().With.Message.Contains("simplex"));
    }

    private static double[] RandomPoint(Random random, int d)
    {
        var xi = Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray();
        double scale = xi.Sum() + random.NextDouble();
        var lambda = new double[d + 1];
        for (int i = 0; i < d; i++) lambda[i + 1] = xi[i] / scale;
        lambda[0] = 1 - lambda.Skip(1).Sum();
        return lambda;
    }
}
