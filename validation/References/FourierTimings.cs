using System.Diagnostics;
using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Validation.References;

/// <summary>PdeNet's FFTs against MathNet.Numerics' managed transform, same data, same process.</summary>
internal static class FourierTimings
{
    public static void Run(ValidationReport report)
    {
        var add = report.Table("FFT: microseconds per transform (forward + inverse pairs, averaged)", "n", "MathNet complex", "PdeNet complex", "PdeNet real", "speed-up (complex)", "max difference");
        double slowest = double.PositiveInfinity;
        foreach (int n in new[] { 256, 1024, 4096 })
        {
            var random = new Random(n);
            var data = Enumerable.Range(0, n).Select(_ => new Complex(random.NextDouble(), random.NextDouble())).ToArray();
            int repetitions = 2_000_000 / n;
            double Time(Action pair)
            {
                for (int w = 0; w < 20; w++) pair();
                var clock = Stopwatch.StartNew();
                for (int r = 0; r < repetitions; r++) pair();
                return clock.Elapsed.TotalMilliseconds * 1000 / (2 * repetitions);
            }
            var a = (Complex[])data.Clone();
            double mathNet = Time(() => { Fourier.Forward(a, FourierOptions.NoScaling); Fourier.Inverse(a, FourierOptions.NoScaling); });
            var transform = new FourierTransform(n);
            var b = (Complex[])data.Clone();
            double own = Time(() => { transform.Forward(b); transform.Inverse(b); });
            var real = new RealFourierTransform(n);
            var values = data.Select(z => z.Real).ToArray();
            var spectrum = new Complex[n / 2 + 1];
            double ownReal = Time(() => { real.Forward(values, spectrum); real.Inverse(spectrum, values); });
            var x = (Complex[])data.Clone();
            var y = (Complex[])data.Clone();
            Fourier.Forward(x, FourierOptions.NoScaling);
            transform.Forward(y);
            double difference = x.Zip(y, (p, q) => (p - q).Magnitude).Max();
            slowest = Math.Min(slowest, mathNet / own);
            add([n, mathNet, own, ownReal, mathNet / own, difference]);
        }
        report.Figure("fft_speedup_min", slowest);
        report.Note("MathNet.Numerics 5 has no real-input transform with this layout; PdeNet's real transform packs the n real values into n/2 complex ones.");
    }
}
