using System.Numerics;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// Values between the points of a periodic grid: in 1D the trigonometric interpolant (what the
/// spectral method represents), in 2D the tensor-product Lagrange interpolant of degree 7 on the
/// 8 × 8 nearest grid points (eighth order; the trigonometric interpolant would cost n² operations
/// per point). Both reproduce grid values exactly.
/// </summary>
internal static class PeriodicInterpolation
{
    private const int Width = 8;

    /// <summary>The factor by which 1D grids are refined before local interpolation.</summary>
    public const int Refinement = 8;

    /// <summary>
    /// The trigonometric interpolant of 1D grid values at <paramref name="points"/>, to near round-off:
    /// the values are refined 8 times by zero-padding their spectrum (exact for the trigonometric
    /// interpolant), then interpolated locally (<see cref="Lagrange"/>) on the fine grid, where the
    /// highest mode has 16 points per wavelength.
    /// </summary>
    public static double[] Trigonometric(PeriodicGrid grid, ReadOnlySpan<Complex> spectrum, double[] points)
    {
        int n = grid.Points, m = Refinement * n;
        var padded = new Complex[m / 2 + 1];
        for (int k = 0; k < n / 2; k++) padded[k] = spectrum[k] * Refinement;
        // The Nyquist coefficient stands for cos(nθ/2): half of it at +n/2 and (implicitly) half at -n/2.
        padded[n / 2] = spectrum[n / 2].Real * Refinement / 2;
        var fine = new double[m];
        new RealFourierTransform(m).Inverse(padded, fine);
        return Lagrange(new PeriodicGrid(grid.Origin, grid.Lengths, m), fine, points);
    }

    /// <summary>
    /// The tensor-product Lagrange interpolant on the 8 (1D) or 8 × 8 (2D) nearest grid points of grid
    /// values (x fastest) at <paramref name="points"/> (shape (m, d)).
    /// </summary>
    public static double[] Lagrange(PeriodicGrid grid, ReadOnlySpan<double> values, double[] points)
    {
        int n = grid.Points, d = grid.Dimension;
        var result = new double[points.Length / d];
        Span<double> wx = stackalloc double[Width], wy = stackalloc double[Width];
        Span<int> ix = stackalloc int[Width], iy = stackalloc int[Width];
        for (int i = 0; i < result.Length; i++)
        {
            Weights(grid, 0, points[d * i], wx, ix);
            if (d == 1)
            {
                double line = 0;
                for (int a = 0; a < Width; a++) line += wx[a] * values[ix[a]];
                result[i] = line;
                continue;
            }
            Weights(grid, 1, points[d * i + 1], wy, iy);
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

    /// <summary>Lagrange weights and periodic grid indices of the 8 points around x along <paramref name="axis"/>.</summary>
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
