using System.Globalization;

namespace PdeNet.Core.RandomFields;

/// <summary>
/// A zero-mean Gaussian random field on given points of a line, with covariance
/// <see cref="Kernel"/>: a sample is L ξ with ξ ~ N(0, I) and L the Cholesky factor of the
/// covariance matrix K_ij = k(|x_i - x_j|) + ε δ_ij. Smooth kernels (RBF) make K numerically
/// singular, so the smallest jitter ε = 10⁻¹² σ², 10⁻¹¹ σ², ... for which the factorisation
/// succeeds is used (<see cref="Jitter"/>); it perturbs the variance by that relative amount.
/// The factor is computed once (O(m³) for m points), each sample costs O(m²).
/// </summary>
public sealed class GaussianRandomField1D
{
    private readonly double[] _factor;

    /// <summary>Prepares the field on <paramref name="points"/>.</summary>
    /// <param name="kernel">The covariance kernel.</param>
    /// <param name="points">The m sample locations (any order, distinct), units of x.</param>
    /// <exception cref="ArgumentException">No points, or a point is not finite.</exception>
    public GaussianRandomField1D(CovarianceKernel kernel, IReadOnlyList<double> points)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (points.Count == 0) throw new ArgumentException("a random field needs at least one point", nameof(points));
        if (points.Any(p => !double.IsFinite(p))) throw new ArgumentException("the points must be finite", nameof(points));
        Kernel = kernel;
        Points = points.ToArray();
        int m = Points.Count;
        double scale = kernel.At(0);
        for (double jitter = 1e-12 * scale; ; jitter *= 10)
        {
            var factor = TryCholesky(m, jitter);
            if (factor is not null)
            {
                _factor = factor;
                Jitter = jitter;
                break;
            }
            if (jitter > 1e-4 * scale) throw new ArgumentException($"the covariance matrix of {kernel.Describe()} on these {m} points is not positive definite even with jitter {jitter.ToString("G3", CultureInfo.InvariantCulture)}", nameof(kernel));
        }
    }

    /// <summary>The covariance kernel.</summary>
    public CovarianceKernel Kernel { get; }

    /// <summary>The sample locations.</summary>
    public IReadOnlyList<double> Points { get; }

    /// <summary>The diagonal jitter ε added to the covariance matrix (field units squared).</summary>
    public double Jitter { get; }

    /// <summary>One sample: the field's values at <see cref="Points"/>, drawn from <paramref name="random"/>
    /// (m standard normal numbers are consumed).</summary>
    public double[] Sample(RandomStream random)
    {
        int m = Points.Count;
        var xi = new double[m];
        random.FillGaussian(xi);
        var values = new double[m];
        for (int i = 0; i < m; i++)
        {
            double sum = 0;
            int row = i * m;
            for (int j = 0; j <= i; j++) sum += _factor[row + j] * xi[j];
            values[i] = sum;
        }
        return values;
    }

    /// <summary>Row-major lower Cholesky factor of K + εI, or null when K + εI is not positive definite.</summary>
    private double[]? TryCholesky(int m, double jitter)
    {
        var a = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++) a[i * m + j] = Kernel.At(Math.Abs(Points[i] - Points[j])) + (i == j ? jitter : 0);
        }
        for (int j = 0; j < m; j++)
        {
            double diagonal = a[j * m + j];
            for (int k = 0; k < j; k++) diagonal -= a[j * m + k] * a[j * m + k];
            if (!(diagonal > 0)) return null;
            double pivot = Math.Sqrt(diagonal);
            a[j * m + j] = pivot;
            for (int i = j + 1; i < m; i++)
            {
                double sum = a[i * m + j];
                for (int k = 0; k < j; k++) sum -= a[i * m + k] * a[j * m + k];
                a[i * m + j] = sum / pivot;
            }
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++) a[i * m + j] = 0;
        }
        return a;
    }
}
