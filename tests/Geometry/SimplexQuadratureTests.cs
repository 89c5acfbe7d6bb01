using PdeNet.Geometry.Quadrature;

namespace PdeNet.Tests.Geometry;

public class SimplexQuadratureTests
{
    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    /// <summary>Mean of λ1^a λ2^b λ3^c over the d-simplex: d! a! b! c! / (a + b + c + d)!.</summary>
    private static double ExactMean(int d, int[] powers) => Factorial(d) * powers.Aggregate(1.0, (p, k) => p * Factorial(k)) / Factorial(powers.Sum() + d);

    [Test]
    public void GaussLegendreIntegratesPolynomialsOfDegreeTwoNMinusOneExactly()
    {
        for (int n = 1; n <= 12; n++)
        {
            var (points, weights) = GaussLegendre.Rule(n);
            for (int p = 0; p <= 2 * n - 1; p++)
            {
                double sum = points.Zip(weights, (x, w) => w * Math.Pow(x, p)).Sum();
                Assert.That(sum, Is.EqualTo(1.0 / (p + 1)).Within(1e-14), $"n = {n}, x^{p}");
            }
        }
    }

    [TestCase(1), TestCase(2), TestCase(3)]
    public void SimplexRulesAreExactUpToTheirDegreeWithPositiveWeights(int d)
    {
        for (int degree = 1; degree <= 10; degree++)
        {
            var rule = SimplexQuadrature.OfDegree(d, degree);
            Assert.That(rule.Degree, Is.GreaterThanOrEqualTo(degree));
            Assert.That(rule.Weights.All(w => w > 0), $"positive weights, d = {d}, degree {degree}");
            Assert.That(rule.Weights.Sum(), Is.EqualTo(1).Within(1e-13));
            foreach (var powers in Monomials(d, degree))
            {
                double sum = 0;
                for (int q = 0; q < rule.Count; q++)
                {
                    var lambda = rule.Point(q);
                    double term = rule.Weights[q];
                    for (int i = 0; i < d; i++) term *= Math.Pow(lambda[i + 1], powers[i]);
                    sum += term;
                }
                Assert.That(sum, Is.EqualTo(ExactMean(d, powers)).Within(1e-13), $"d = {d}, degree {degree}, powers {string.Join(",", powers)}");
            }
        }
    }

    private static IEnumerable<int[]> Monomials(int d, int degree)
    {
        for (int a = 0; a <= degree; a++)
        {
            if (d == 1) { yield return [a]; continue; }
            for (int b = 0; a + b <= degree; b++)
            {
                if (d == 2) { yield return [a, b]; continue; }
                for (int c = 0; a + b + c <= degree; c++) yield return [a, b, c];
            }
        }
    }
}
