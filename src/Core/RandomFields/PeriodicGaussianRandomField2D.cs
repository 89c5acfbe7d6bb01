namespace PdeNet.Core.RandomFields;

/// <summary>
/// A zero-mean periodic Gaussian random field on the unit torus [0, 1)² with covariance operator
/// σ² (-Δ + τ²)^(-α), truncated to the wavenumbers k = (k_x, k_y) with |k_x|, |k_y| ≤ K and the
/// constant mode left out:
/// <code>
///   w(x) = Σ_k (a_k cos 2π k·x + b_k sin 2π k·x),   a_k, b_k ~ N(0, s_k²),   s_k² = 2 σ² (4π²|k|² + τ²)^(-α),
/// </code>
/// the sum over one k of each pair ±k (<see cref="Wavenumbers"/>), so that E[w(x) w(x')] is the
/// truncated series Σ_{k ≠ 0} σ² (4π²|k|² + τ²)^(-α) e^{2πi k·(x - x')} (<see cref="Covariance"/>).
/// FNO's Navier–Stokes data use α = 2.5, τ = 7, σ = τ^(α - 1). A sample is a
/// <see cref="PeriodicSample2D"/>, an exact trigonometric polynomial.
/// </summary>
public sealed class PeriodicGaussianRandomField2D
{
    private readonly (int X, int Y)[] _wavenumbers;

    /// <summary>Prepares the field.</summary>
    /// <param name="alpha">Smoothness exponent α &gt; 1.</param>
    /// <param name="tau">Inverse length scale τ &gt; 0 (units 1/x).</param>
    /// <param name="sigma">Scale σ &gt; 0.</param>
    /// <param name="modes">K ≥ 1, the largest |k_x| and |k_y| kept.</param>
    public PeriodicGaussianRandomField2D(double alpha, double tau, double sigma, int modes)
    {
        if (!(alpha > 1) || double.IsInfinity(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must exceed 1 (the 2D field is not continuous otherwise)");
        if (!(tau > 0) || double.IsInfinity(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be positive");
        if (!(sigma > 0) || double.IsInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be positive");
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), modes, "at least one mode per axis is needed");
        (Alpha, Tau, Sigma, Modes) = (alpha, tau, sigma, modes);
        var wavenumbers = new List<(int, int)>();
        for (int kx = 0; kx <= modes; kx++)
        {
            for (int ky = kx == 0 ? 1 : -modes; ky <= modes; ky++) wavenumbers.Add((kx, ky));
        }
        _wavenumbers = wavenumbers.ToArray();
    }

    /// <summary>Smoothness exponent α.</summary>
    public double Alpha { get; }

    /// <summary>Inverse length scale τ.</summary>
    public double Tau { get; }

    /// <summary>Scale σ.</summary>
    public double Sigma { get; }

    /// <summary>K, the largest |k_x| and |k_y| kept.</summary>
    public int Modes { get; }

    /// <summary>The wavenumbers of the series, one of each pair ±k: k_x &gt; 0, or k_x = 0 and k_y &gt; 0; 2K(K + 1) of them.</summary>
    public IReadOnlyList<(int X, int Y)> Wavenumbers => _wavenumbers;

    /// <summary>The standard deviation s_k = √2 σ (4π²|k|² + τ²)^(-α/2) of the cosine and sine coefficients of wavenumber k.</summary>
    public double Amplitude(int kx, int ky) => Math.Sqrt(2) * Sigma * Math.Pow(4 * Math.PI * Math.PI * (kx * kx + ky * ky) + Tau * Tau, -Alpha / 2);

    /// <summary>The covariance E[w(x, y) w(x', y')] = Σ_k s_k² cos 2π k·(x - x') of the truncated field.</summary>
    public double Covariance(double x, double y, double xPrime, double yPrime)
    {
        double sum = 0;
        foreach (var (kx, ky) in _wavenumbers)
        {
            double s = Amplitude(kx, ky);
            sum += s * s * Math.Cos(2 * Math.PI * (kx * (x - xPrime) + ky * (y - yPrime)));
        }
        return sum;
    }

    /// <summary>One sample; consumes 2 standard normal numbers per wavenumber (cosine then sine, in the order of <see cref="Wavenumbers"/>).</summary>
    public PeriodicSample2D Sample(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var cosine = new double[_wavenumbers.Length];
        var sine = new double[_wavenumbers.Length];
        for (int i = 0; i < _wavenumbers.Length; i++)
        {
            double s = Amplitude(_wavenumbers[i].X, _wavenumbers[i].Y);
            cosine[i] = s * random.NextGaussian();
            sine[i] = s * random.NextGaussian();
        }
        return new PeriodicSample2D(_wavenumbers, cosine, sine);
    }
}
