using System.Numerics;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// Values between the points of a periodic grid: in 1D the trigonometric interpolant (exact for
/// band-limited data, what the spectral method represents), in 2D the tensor-product Lagrange
/// interpolant of degree 5 on the 6 × 6 nearest grid points (sixth order; the trigonometric
/// interpolant would cost n² operations per point). Both reproduce grid values exactly.
/// </summary>
internal static class PeriodicInterpolation
{
    private const int Width = 6;

    /// <summary>
    /// The trigonometric interpolant of the grid values whose real FFT is <paramref name="spectrum"/>
    /// (n/2 + 1 unscaled coefficients) at the abscissae <paramref name="points"/>.
    /// </summary>
    public static double[] Trigonometric(PeriodicGrid grid, ReadOnlySpan<Complex> spectrum, double[] points)
    {
        int n = grid.Points, half = n / 2;
        var values = new double[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            double theta = 2 * Math.PI * (points[i] - grid.Origin[0]) / grid.Lengths[0];
            double sum = spectrum[0].Real + spectrum[half].Real * Math.Cos(half * theta);
            var step = new Complex(Math.Cos(theta), Math.Sin(theta));
            var rotation = Complex.One;
            for (int k = 1; k < half; k++)
            {
                // Re-seed the rotation now and then so that round-off does not accumulate.
                rotation = (k & 31) == 0 ? new Complex(Math.Cos(k * theta), Math.Sin(k * theta)) : rotation * step;
                sum += 2 * (spectrum[k].Real * rotation.Real - spectrum[k].Imaginary * rotation.Imaginary);
            }
            values[i] = sum / n;
        }
        return values;
    }

    /// <summary>The 6 × 6-point Lagrange interpolant of 2D grid values (x fastest) at <paramref name="points"/> (shape (m, 2)).</summary>
    public static double[] Lagrange(PeriodicGrid grid, ReadOnlySpan<double> values, double[] points)
    {
        int n = grid.Points;
        var result = new double[points.Length / 2];
        Span<double> wx = stackalloc double[Width], wy = stackalloc double[Width];
        Span<int> ix = stackalloc int[Width], iy = stackalloc int[Width];
        for (int i = 0; i < result.Length; i++)
        {
            Weights(grid, 0, points[2 * i], wx, ix);
            Weights(grid, 1, points[2 * i + 1], wy, iy);
            double sum = 0;
            for (int b = 0; b < Width; b++)
            {
                if (wy[b] == 0) continue;
                double row = 0;
                int offset = n * iy[b];
                for (int a = 0; a < Width; a++) row += wx[a] * values[offset + ix[a]];
                sum += wy[b] * row;
            }
            result[i] = sum;
        }
        return result;
    }

    /// <summary>Lagrange weights and periodic grid indices of the 6 points around x along <paramref name="axis"/>.</summary>
    private static void Weights(PeriodicGrid grid, int axis, double x, Span<double> weights, Span<int> indices)
    {
        int n = grid.Points;
        double s = (x - grid.Origin[axis]) / grid.Spacing(axis);
        double floor = Math.Floor(s), sigma = s - floor;
        int base0 = (int)(((long)floor % n + n) % n);
        for (int a = 0; a < Width; a++)
        {
            int offset = a - Width / 2 + 1;
            indices[a] = ((base0 + offset) % n + n) % n;
            double w = 1;
            for (int b = 0; b < Width; b++)
            {
                int other = b - Width / 2 + 1;
                if (b != a) w *= (sigma - other) / (offset - other);
            }
            weights[a] = w;
        }
    }
}
