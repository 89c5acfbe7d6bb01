using System.Numerics;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Tests.Solvers.Spectral;

public class FourierTransformTests
{
    private static Complex[] Dft(IReadOnlyList<Complex> x)
    {
        int n = x.Count;
        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++) result[k] += x[j] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)j * k % n) / n);
        }
        return result;
    }

    private static double MaxDifference(IEnumerable<Complex> a, IEnumerable<Complex> b) => a.Zip(b, (p, q) => (p - q).Magnitude).Max();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(8)]
    [TestCase(256)]
    public void ComplexTransformMatchesTheDirectSumAndInvertsIt(int n)
    {
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        var transform = new FourierTransform(n);
        var y = (Complex[])x.Clone();
        transform.Forward(y);
        Assert.That(MaxDifference(y, Dft(x)), Is.LessThan(1e-12 * n));
        transform.Inverse(y);
        Assert.That(MaxDifference(y, x), Is.LessThan(1e-14 * Math.Max(1, Math.Log2(n))));
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(64)]
    [TestCase(1024)]
    public void RealTransformGivesTheFirstHalfOfTheSpectrumAndInvertsIt(int n)
    {
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var transform = new RealFourierTransform(n);
        var spectrum = new Complex[n / 2 + 1];
        transform.Forward(x, spectrum);
        var direct = Dft(x.Select(v => new Complex(v, 0)).ToArray());
        Assert.That(MaxDifference(spectrum, direct.Take(n / 2 + 1)), Is.LessThan(1e-12 * n));
        var back = new double[n];
        transform.Inverse(spectrum, back);
        Assert.That(back.Zip(x, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-15 * n));
    }

    [Test]
    public void TwoDimensionalTransformMatchesRowAndColumnSums()
    {
        int n = 8, c = n / 2 + 1;
        var random = new Random(7);
        var x = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var transform = new RealFourierTransform2D(n);
        var spectrum = new Complex[n * c];
        transform.Forward(x, spectrum);
        double worst = 0;
        for (int ky = 0; ky < n; ky++)
        {
            for (int kx = 0; kx < c; kx++)
            {
                Complex sum = 0;
                for (int iy = 0; iy < n; iy++)
                {
                    for (int ix = 0; ix < n; ix++) sum += x[ix + n * iy] * Complex.FromPolarCoordinates(1, -2 * Math.PI * (kx * ix + ky * iy) / n);
                }
                worst = Math.Max(worst, (sum - spectrum[kx + c * ky]).Magnitude);
            }
        }
        Assert.That(worst, Is.LessThan(1e-12));
        var back = new double[n * n];
        transform.Inverse(spectrum, back);
        Assert.That(back.Zip(x, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-14));
    }

    [Test]
    public void LengthsThatAreNotPowersOfTwoAreRefused()
    {
        Assert.That(() => new FourierTransform(12), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("power of two"));
        Assert.That(() => new RealFourierTransform(1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
