namespace PdeNet.Core.RandomFields;

/// <summary>
/// A zero-mean Gaussian random field ψ on the unit square with covariance operator
/// τ^(2α-2) (-Δ + τ²)^(-α) under zero Neumann boundary conditions, sampled on the n × n vertex
/// grid x_i = i/(n-1) by spectral synthesis in the Neumann eigenfunctions (the cosine series):
/// <code>
///   ψ(x, y) = Σ_{(k1,k2) ≠ (0,0), k1,k2 &lt; n} τ^(α-1) (π²(k1² + k2²) + τ²)^(-α/2) ξ_k φ_k1(x) φ_k2(y),
/// </code>
/// φ_0 = 1, φ_k = √2 cos(kπx) (orthonormal on [0, 1]), ξ_k ~ N(0, 1). This is the field of the
/// FNO Darcy benchmark (α = 2, τ = 3; their generator scales and drops the constant mode the
/// same way and evaluates the cosine series by an inverse DCT). The covariance kernel, the
/// same series with squared coefficients, is <see cref="Covariance"/>.
/// </summary>
public sealed class GaussianRandomField2D
{
    private readonly double[] _basis;       // (n modes, n points), row-major: φ_k(x_i) at k * n + i
    private readonly double[] _amplitude;   // (n, n): the standard deviation of mode (k1, k2)

    /// <summary>Prepares the field.</summary>
    /// <param name="alpha">Smoothness exponent α &gt; 1 (samples are continuous for α &gt; 1).</param>
    /// <param name="tau">Inverse length scale τ &gt; 0.</param>
    /// <param name="resolution">n ≥ 2 grid points per side (also the number of modes per axis).</param>
    public GaussianRandomField2D(double alpha, double tau, int resolution)
    {
        if (!(alpha > 1) || double.IsInfinity(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be greater than 1 (the 2D field is not continuous otherwise)");
        if (!(tau > 0) || double.IsInfinity(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be positive");
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "the grid needs at least 2 points per side");
        Alpha = alpha;
        Tau = tau;
        Resolution = resolution;
        int n = resolution;
        _basis = new double[n * n];
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++) _basis[k * n + i] = Basis(k, (double)i / (n - 1));
        }
        _amplitude = new double[n * n];
        for (int k1 = 0; k1 < n; k1++)
        {
            for (int k2 = 0; k2 < n; k2++) _amplitude[k1 * n + k2] = Amplitude(k1, k2);
        }
    }

    /// <summary>Smoothness exponent α.</summary>
    public double Alpha { get; }

    /// <summary>Inverse length scale τ.</summary>
    public double Tau { get; }

    /// <summary>Grid points per side n.</summary>
    public int Resolution { get; }

    /// <summary>
    /// One sample on the n × n grid, shape (n, n) row-major with x along the first axis: the value
    /// at (x_i, y_j) is at index i n + j. Consumes n² standard normal numbers of
    /// <paramref name="random"/> (mode (k1, k2) takes number k1 n + k2; the constant mode's is discarded).
    /// </summary>
    public double[] Sample(RandomStream random)
    {
        int n = Resolution;
        var coefficients = new double[n * n];
        random.FillGaussian(coefficients);
        for (int k = 0; k < coefficients.Length; k++) coefficients[k] *= _amplitude[k];
        // ψ = Bᵀ C B with B (modes × points): first T = C B (k1, j), then ψ = Bᵀ T (i, j).
        var partial = new double[n * n];
        for (int k1 = 0; k1 < n; k1++)
        {
            var row = partial.AsSpan(k1 * n, n);
            for (int k2 = 0; k2 < n; k2++)
            {
                double c = coefficients[k1 * n + k2];
                if (c == 0) continue;
                var basis = _basis.AsSpan(k2 * n, n);
                for (int j = 0; j < n; j++) row[j] += c * basis[j];
            }
        }
        var values = new double[n * n];
        for (int k1 = 0; k1 < n; k1++)
        {
            var source = partial.AsSpan(k1 * n, n);
            for (int i = 0; i < n; i++)
            {
                double b = _basis[k1 * n + i];
                var target = values.AsSpan(i * n, n);
                for (int j = 0; j < n; j++) target[j] += b * source[j];
            }
        }
        return values;
    }

    /// <summary>
    /// The covariance E[ψ(x, y) ψ(x', y')] of the field as sampled (the truncated series with n
    /// modes per axis, the constant mode left out).
    /// </summary>
    public double Covariance(double x, double y, double xPrime, double yPrime)
    {
        int n = Resolution;
        double sum = 0;
        for (int k1 = 0; k1 < n; k1++)
        {
            double bx = Basis(k1, x) * Basis(k1, xPrime);
            for (int k2 = 0; k2 < n; k2++)
            {
                double a = _amplitude[k1 * n + k2];
                sum += a * a * bx * Basis(k2, y) * Basis(k2, yPrime);
            }
        }
        return sum;
    }

    private double Amplitude(int k1, int k2) =>
        k1 == 0 && k2 == 0 ? 0 : Math.Pow(Tau, Alpha - 1) * Math.Pow(Math.PI * Math.PI * (k1 * k1 + k2 * k2) + Tau * Tau, -Alpha / 2);

    private static double Basis(int k, double x) => k == 0 ? 1 : Math.Sqrt(2) * Math.Cos(k * Math.PI * x);
}
