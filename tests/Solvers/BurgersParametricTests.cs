using System.Diagnostics;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Tests.Solvers;

public class BurgersParametricTests
{
    [Test]
    public void SpectralReferenceMatchesColeHopf()
    {
        var burgers = new BurgersParametric1D();
        const int n = 64;
        var sample = burgers.Draw(seed: 1, index: 2, resolution: n);
        var u0 = burgers.InitialState(1, 2);
        Assert.That(sample.Inputs["u0"][5], Is.EqualTo(u0.Value(5.0 / n)).Within(1e-14));
        var watch = Stopwatch.StartNew();
        var u = burgers.Reference(sample, new SpectralSolver(new SpectralOptions(OutputIntervals: 1)));
        TestContext.Out.WriteLine($"Burgers sample: spectral reference {watch.Elapsed.TotalSeconds:F2} s; max |u0| = {sample.Inputs["u0"].Max(Math.Abs):G3}");
        var exact = new BurgersColeHopf(0.1, 0, u0.Value, u0.Antiderivative, u0.Derivative, u0.AntiderivativeRange);
        double worst = Enumerable.Range(0, n).Max(i => Math.Abs(u[i] - exact.Value((double)i / n, 1)));
        double scale = u.Max(Math.Abs);
        TestContext.Out.WriteLine($"max |spectral - Cole-Hopf| at t = 1: {worst:G3} (max |u| = {scale:G3})");
        Assert.That(worst, Is.LessThan(1e-6 * Math.Max(1, scale)));
        Assert.That(u.Average(), Is.EqualTo(0).Within(1e-10), "the mean is conserved");
    }

    [Test]
    public void PeriodicFieldCovarianceMatchesItsSeries()
    {
        var burgers = new BurgersParametric1D();
        var field = burgers.Field;
        const int samples = 8_000;
        double[] points = [0, 0.1, 0.3, 0.5];
        var sums = new double[points.Length];
        for (int s = 0; s < samples; s++)
        {
            var u = burgers.InitialState(3, s);
            double at0 = u.Value(0);
            for (int p = 0; p < points.Length; p++) sums[p] += at0 * u.Value(points[p]);
        }
        for (int p = 0; p < points.Length; p++)
        {
            double expected = field.Covariance(0, points[p]);
            TestContext.Out.WriteLine($"C(0, {points[p]}) = {expected:G4}, sample {sums[p] / samples:G4}");
            Assert.That(sums[p] / samples, Is.EqualTo(expected).Within(0.05 * field.Covariance(0, 0)));
        }
    }
}
