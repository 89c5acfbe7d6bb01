using PdeNet.Core.RandomFields;

namespace PdeNet.Tests.Core;

public class RandomFieldTests
{
    /// <summary>Sample covariance of <paramref name="samples"/> draws between all pairs of m values.</summary>
    private static double[,] SampleCovariance(Func<RandomStream, double[]> draw, int m, int samples, long seed)
    {
        var sum = new double[m, m];
        var mean = new double[m];
        for (int s = 0; s < samples; s++)
        {
            var v = draw(RandomStream.ForSample(seed, s));
            for (int i = 0; i < m; i++)
            {
                mean[i] += v[i];
                for (int j = 0; j <= i; j++) sum[i, j] += v[i] * v[j];
            }
        }
        var covariance = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                covariance[i, j] = covariance[j, i] = sum[i, j] / samples - mean[i] / samples * (mean[j] / samples);
            }
        }
        return covariance;
    }

    [TestCase(0.2, 0.0)]
    [TestCase(0.1, 1.5)]
    [TestCase(0.3, 0.5)]
    public void Grf1DSampleCovarianceMatchesTheKernel(double lengthScale, double maternSmoothness)
    {
        CovarianceKernel kernel = maternSmoothness == 0 ? new RbfKernel(lengthScale).Validate() : new MaternKernel(maternSmoothness, lengthScale).Validate();
        var points = Enumerable.Range(0, 21).Select(i => i / 20.0).ToArray();
        var field = new GaussianRandomField1D(kernel, points);
        const int samples = 20_000;
        var covariance = SampleCovariance(field.Sample, points.Length, samples, seed: 7);
        double worst = 0;
        for (int i = 0; i < points.Length; i++)
        {
            for (int j = 0; j < points.Length; j++)
                worst = Math.Max(worst, Math.Abs(covariance[i, j] - kernel.At(Math.Abs(points[i] - points[j]))));
        }
        TestContext.Out.WriteLine($"{kernel.Describe()}: max |sample covariance - kernel| = {worst:G3} over {samples} samples (jitter {field.Jitter:G2})");
        // The standard error of a covariance estimate is at most sqrt(2/N) = 0.01 for unit variance.
        Assert.That(worst, Is.LessThan(0.05));
        Assert.That(field.Jitter, Is.LessThan(1e-6));
    }

    [Test]
    public void Grf2DSampleCovarianceMatchesTheSpectralKernel()
    {
        const double alpha = 2, tau = 3;
        const int n = 10, samples = 20_000;
        var field = new GaussianRandomField2D(alpha, tau, n);
        // The kernel, written out independently: Σ_{k ≠ 0} τ^(2α-2) (π²|k|² + τ²)^(-α) φ_k(x) φ_k(x').
        double Phi(int k, double x) => k == 0 ? 1 : Math.Sqrt(2) * Math.Cos(k * Math.PI * x);
        double Kernel(double x, double y, double xp, double yp)
        {
            double sum = 0;
            for (int k1 = 0; k1 < n; k1++)
            {
                for (int k2 = 0; k2 < n; k2++)
                {
                    if (k1 == 0 && k2 == 0) continue;
                    sum += Math.Pow(tau, 2 * alpha - 2) * Math.Pow(Math.PI * Math.PI * (k1 * k1 + k2 * k2) + tau * tau, -alpha) * Phi(k1, x) * Phi(k1, xp) * Phi(k2, y) * Phi(k2, yp);
                }
            }
            return sum;
        }
        var covariance = SampleCovariance(field.Sample, n * n, samples, seed: 11);
        double worst = 0, largest = 0;
        for (int p = 0; p < n * n; p++)
        {
            for (int q = 0; q < n * n; q += 7)
            {
                var (x, y, xp, yp) = ((p / n) / (n - 1.0), (p % n) / (n - 1.0), (q / n) / (n - 1.0), (q % n) / (n - 1.0));
                double exact = Kernel(x, y, xp, yp);
                Assert.That(field.Covariance(x, y, xp, yp), Is.EqualTo(exact).Within(1e-12 + 1e-10 * Math.Abs(exact)));
                worst = Math.Max(worst, Math.Abs(covariance[p, q] - exact));
                largest = Math.Max(largest, exact);
            }
        }
        TestContext.Out.WriteLine($"2D GRF α = {alpha}, τ = {tau}, {n}x{n}: max |sample covariance - kernel| / max variance = {worst / largest:G3} over {samples} samples");
        Assert.That(worst / largest, Is.LessThan(0.05));
    }

    [Test]
    public void SamplesDependOnlyOnSeedAndIndex()
    {
        var field = new GaussianRandomField2D(2, 3, 16);
        var a = field.Sample(RandomStream.ForSample(5, 3));
        var again = field.Sample(RandomStream.ForSample(5, 3));
        var otherIndex = field.Sample(RandomStream.ForSample(5, 4));
        var otherSeed = field.Sample(RandomStream.ForSample(6, 3));
        Assert.That(again, Is.EqualTo(a));
        Assert.That(otherIndex, Is.Not.EqualTo(a));
        Assert.That(otherSeed, Is.Not.EqualTo(a));
        // Pinned numbers: the stream is our own algorithm, so this holds on every runtime.
        var stream = new RandomStream(42);
        Assert.That(stream.NextUInt64(), Is.EqualTo(new RandomStream(42).NextUInt64()));
        var gaussians = new double[100_000];
        new RandomStream(1).FillGaussian(gaussians);
        double mean = gaussians.Average(), variance = gaussians.Select(g => (g - mean) * (g - mean)).Average();
        Assert.That(mean, Is.EqualTo(0).Within(0.015));
        Assert.That(variance, Is.EqualTo(1).Within(0.02));
    }

    [Test]
    public void BadParametersAreRefusedByName()
    {
        Assert.That(() => new RbfKernel(-1).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("LengthScale"));
        Assert.That(() => new MaternKernel(1, 0.2).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Smoothness"));
        Assert.That(() => new GaussianRandomField2D(1, 3, 8), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("alpha"));
        Assert.That(() => new GaussianRandomField2D(2, 3, 1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("resolution"));
    }

    [Test]
    public void PeriodicGrf2DMatchesItsCovarianceAndItsStreamfunction()
    {
        var field = new PeriodicGaussianRandomField2D(alpha: 2.5, tau: 7, sigma: Math.Pow(7, 1.5), modes: 4);
        Assert.That(field.Wavenumbers, Has.Count.EqualTo(2 * 4 * 5));
        const int samples = 4000;
        (double X, double Y)[] points = [(0.1, 0.7), (0.35, 0.4)];
        var sum = new double[2];
        var products = new double[3];
        for (int s = 0; s < samples; s++)
        {
            var w = field.Sample(RandomStream.ForSample(11, s));
            double a = w.Value(points[0].X, points[0].Y), b = w.Value(points[1].X, points[1].Y);
            (sum[0], sum[1]) = (sum[0] + a, sum[1] + b);
            (products[0], products[1], products[2]) = (products[0] + a * a, products[1] + b * b, products[2] + a * b);
        }
        double variance = field.Covariance(points[0].X, points[0].Y, points[0].X, points[0].Y);
        Assert.That(field.Covariance(points[1].X, points[1].Y, points[1].X, points[1].Y), Is.EqualTo(variance).Within(1e-12 * variance), "stationary");
        double cross = field.Covariance(points[0].X, points[0].Y, points[1].X, points[1].Y);
        // Four standard errors: the mean's is √(σ²/N), a second moment's at most σ² √(2/N).
        double meanTolerance = 4 * Math.Sqrt(variance / samples), momentTolerance = 4 * variance * Math.Sqrt(2.0 / samples);
        Assert.That(sum[0] / samples, Is.EqualTo(0).Within(meanTolerance));
        Assert.That(sum[1] / samples, Is.EqualTo(0).Within(meanTolerance));
        Assert.That(products[0] / samples, Is.EqualTo(variance).Within(momentTolerance));
        Assert.That(products[1] / samples, Is.EqualTo(variance).Within(momentTolerance));
        Assert.That(products[2] / samples, Is.EqualTo(cross).Within(momentTolerance));

        var sample = field.Sample(RandomStream.ForSample(2, 3));
        Assert.That(field.Sample(RandomStream.ForSample(2, 3)), Is.EqualTo(sample).Using<PeriodicSample2D>((p, q) => p.Cosine.SequenceEqual(q.Cosine) && p.Sine.SequenceEqual(q.Sine)), "same seed, same sample");
        Assert.That(field.Sample(RandomStream.ForSample(2, 4)).Cosine, Is.Not.EqualTo(sample.Cosine));
        var layout = new PdeNet.Core.Symbolic.VariableLayout(2);
        var expression = PdeNet.Core.Symbolic.ExpressionCompiler.Compile(PdeNet.Core.Symbolic.Lowering.Lower(sample.Expression(), 2), layout, p => p.DefaultValue);
        var streamfunction = PdeNet.Core.Symbolic.ExpressionCompiler.Compile(PdeNet.Core.Symbolic.Lowering.Lower(sample.StreamfunctionExpression(), 2), layout, p => p.DefaultValue);
        var v = new double[layout.Count];
        const double h = 1e-3;
        foreach (var (x, y) in new[] { (0.0, 0.0), (0.13, 0.77), (0.5, 0.25), (0.91, 0.06) })
        {
            double w = sample.Value(x, y);
            (v[0], v[1]) = (x, y);
            Assert.That(expression(v), Is.EqualTo(w).Within(1e-12));
            Assert.That(streamfunction(v), Is.EqualTo(sample.Streamfunction(x, y)).Within(1e-13));
            // -Δψ by the fourth-order five-point stencil along each axis.
            double Second(Func<double, double> f) => (-f(2 * h) + 16 * f(h) - 30 * f(0) + 16 * f(-h) - f(-2 * h)) / (12 * h * h);
            double laplacian = Second(d => sample.Streamfunction(x + d, y)) + Second(d => sample.Streamfunction(x, y + d));
            Assert.That(-laplacian, Is.EqualTo(w).Within(1e-6 * (1 + Math.Abs(w))), "-laplacian(psi) = w");
        }
        Assert.That(() => new PeriodicGaussianRandomField2D(1, 7, 1, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("alpha"));
        Assert.That(() => new PeriodicGaussianRandomField2D(2.5, 7, 1, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("modes"));
    }
}
