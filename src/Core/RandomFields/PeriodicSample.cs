namespace PdeNet.Core.RandomFields;

/// <summary>
/// A trigonometric polynomial u(x) = Σ_{k=1}^{K} (a_k cos(2πkx/L) + b_k sin(2πkx/L)) with zero
/// mean: a sample of a <see cref="PeriodicGaussianRandomField1D"/>.
/// </summary>
/// <param name="Period">L.</param>
/// <param name="Cosine">a_1 … a_K.</param>
/// <param name="Sine">b_1 … b_K.</param>
public sealed record PeriodicSample(double Period, double[] Cosine, double[] Sine)
{
    /// <summary>u(x).</summary>
    public double Value(double x) => Sum(x, (a, b, c, s, _) => a * c + b * s);

    /// <summary>u'(x).</summary>
    public double Derivative(double x) => Sum(x, (a, b, c, s, w) => w * (b * c - a * s));

    /// <summary>The antiderivative P(x) = Σ (a_k sin - b_k cos)/ω_k, a bounded periodic function with P' = u.</summary>
    public double Antiderivative(double x) => Sum(x, (a, b, c, s, w) => (a * s - b * c) / w);

    /// <summary>An upper bound of max P - min P: 2 Σ √(a_k² + b_k²)/ω_k.</summary>
    public double AntiderivativeRange => 2 * Enumerable.Range(0, Cosine.Length).Sum(k => Math.Sqrt(Cosine[k] * Cosine[k] + Sine[k] * Sine[k]) / Omega(k + 1));

    private double Omega(int k) => 2 * Math.PI * k / Period;

    private double Sum(double x, Func<double, double, double, double, double, double> term)
    {
        double sum = 0;
        for (int k = 1; k <= Cosine.Length; k++)
        {
            double w = Omega(k);
            sum += term(Cosine[k - 1], Sine[k - 1], Math.Cos(w * x), Math.Sin(w * x), w);
        }
        return sum;
    }
}
