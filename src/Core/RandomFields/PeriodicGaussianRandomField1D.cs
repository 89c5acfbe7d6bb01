namespace PdeNet.Core.RandomFields;

/// <summary>
/// A zero-mean periodic Gaussian random field on [0, L) with covariance operator
/// σ² (-Δ + τ²)^(-γ) (constant mode left out), as a truncated Fourier series:
/// <code>
///   u(x) = Σ_{k=1}^{K} s_k (ξ_k √2 cos(2πkx/L) + η_k √2 sin(2πkx/L)),   s_k = σ ((2πk/L)² + τ²)^(-γ/2),
/// </code>
/// ξ_k, η_k ~ N(0, 1). FNO's Burgers data use γ = 2.5, τ = 7, σ = 7² on [0, 1). A sample is a
/// <see cref="PeriodicSample"/>: the coefficients, which evaluate the field, its antiderivative and
/// its derivative exactly anywhere.
/// </summary>
public sealed class PeriodicGaussianRandomField1D
{
    /// <summary>Prepares the field.</summary>
    /// <param name="gamma">Smoothness exponent γ &gt; 1/2.</param>
    /// <param name="tau">Inverse length scale τ &gt; 0 (units 1/x).</param>
    /// <param name="sigma">Scale σ &gt; 0.</param>
    /// <param name="modes">Number K of Fourier modes kept.</param>
    /// <param name="period">The period L &gt; 0.</param>
    public PeriodicGaussianRandomField1D(double gamma, double tau, double sigma, int modes, double period = 1)
    {
        if (!(gamma > 0.5) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must exceed 1/2");
        if (!(tau > 0) || double.IsInfinity(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be positive");
        if (!(sigma > 0) || double.IsInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be positive");
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), modes, "at least one mode is needed");
        if (!(period > 0) || double.IsInfinity(period)) throw new ArgumentOutOfRangeException(nameof(period), period, "the period must be positive");
        (Gamma, Tau, Sigma, Modes, Period) = (gamma, tau, sigma, modes, period);
    }

    /// <summary>Smoothness exponent γ.</summary>
    public double Gamma { get; }

    /// <summary>Inverse length scale τ.</summary>
    public double Tau { get; }

    /// <summary>Scale σ.</summary>
    public double Sigma { get; }

    /// <summary>Fourier modes K.</summary>
    public int Modes { get; }

    /// <summary>Period L.</summary>
    public double Period { get; }

    /// <summary>Standard deviation s_k of the cosine and sine coefficients of mode k ≥ 1.</summary>
    public double Amplitude(int k) => Sigma * Math.Pow(Math.Pow(2 * Math.PI * k / Period, 2) + Tau * Tau, -Gamma / 2);

    /// <summary>The covariance E[u(x) u(x')] = Σ_k 2 s_k² cos(2πk(x - x')/L).</summary>
    public double Covariance(double x, double xPrime)
    {
        double sum = 0;
        for (int k = 1; k <= Modes; k++) sum += 2 * Math.Pow(Amplitude(k), 2) * Math.Cos(2 * Math.PI * k * (x - xPrime) / Period);
        return sum;
    }

    /// <summary>One sample; consumes 2K standard normal numbers (ξ_k then η_k for k = 1..K).</summary>
    public PeriodicSample Sample(RandomStream random)
    {
        var cosine = new double[Modes];
        var sine = new double[Modes];
        for (int k = 1; k <= Modes; k++)
        {
            double s = Math.Sqrt(2) * Amplitude(k);
            cosine[k - 1] = s * random.NextGaussian();
            sine[k - 1] = s * random.NextGaussian();
        }
        return new PeriodicSample(Period, cosine, sine);
    }
}
