using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The grid image of a jet variable u_t^k x^α of a field sampled on a <see cref="SpaceTimeGrid"/>: a
/// linear map applied to a tensor (batch, nt, n_1, …, n_d, N) along its time and space dimensions.
/// Time: <see cref="TimeDifference"/>, zero at n = 0 (rows at n = 0 are initial rows). Space, per axis:
/// on an ordinary axis second-order central differences, one-sided second-order at the two ends; on a
/// periodic axis the same differences wrapped around, or Fourier differentiation. Order k is D2^⌊k/2⌋
/// followed by D1 when k is odd (second-order away from the ends of an ordinary axis).
/// </summary>
internal sealed class GridDerivatives(SpaceTimeGrid grid, bool[] periodic, GridRowsOptions options)
{
    /// <summary>The image of <paramref name="atom"/>; same shape as <paramref name="field"/>.</summary>
    /// <param name="field">(batch, nt, n_1, …, n_d, N).</param>
    /// <param name="atom">The jet variable; at most first order in time.</param>
    public Tensor Apply(Tensor field, Unknown atom)
    {
        if (atom.TimeOrder > 1) throw new NotSupportedException($"grid constraint rows difference at most once in time; {atom.Label} needs {atom.TimeOrder}");
        var result = atom.TimeOrder == 1 ? Time(field) : field;
        for (int axis = 0; axis < 3; axis++)
        {
            int order = atom.SpatialOrders[axis];
            if (order == 0) continue;
            if (axis >= grid.Dimension) throw new ArgumentException($"{atom.Label} differentiates along axis {axis} of a {grid.Dimension}D grid");
            result = Space(result, axis, order);
        }
        return result;
    }

    private Tensor Time(Tensor v)
    {
        int nt = grid.Shape[0];
        double dt = grid.TimeStep;
        var difference = v.narrow(1, 1, nt - 1).Minus(v.narrow(1, 0, nt - 1)).DividedBy(dt);
        if (options.Time == TimeDifference.Bdf2 && nt > 2)
        {
            var bdf2 = v.narrow(1, 2, nt - 2).Times(3).Minus(v.narrow(1, 1, nt - 2).Times(4)).Plus(v.narrow(1, 0, nt - 2)).DividedBy(2 * dt);
            difference = cat([difference.narrow(1, 0, 1), bdf2], 1);
        }
        return cat([zeros_like(v.narrow(1, 0, 1)), difference], 1);
    }

    private Tensor Space(Tensor v, int axis, int order)
    {
        long dim = 2 + axis;
        double h = grid.Spacing[axis];
        int n = grid.Shape[1 + axis];
        if (periodic[axis] && options.Periodic == PeriodicDerivative.Spectral) return Fourier(v, dim, n, n * h, order);
        var result = v;
        for (int k = order; k >= 2; k -= 2) result = periodic[axis] ? WrappedSecond(result, dim, h) : Second(result, dim, n, h);
        if (order % 2 == 1) result = periodic[axis] ? WrappedFirst(result, dim, h) : First(result, dim, n, h);
        return result;
    }

    private static Tensor WrappedFirst(Tensor v, long dim, double h) => v.roll(-1, dim).Minus(v.roll(1, dim)).DividedBy(2 * h);

    private static Tensor WrappedSecond(Tensor v, long dim, double h) => v.roll(-1, dim).Minus(v.Times(2)).Plus(v.roll(1, dim)).DividedBy(h * h);

    private static Tensor First(Tensor v, long dim, int n, double h)
    {
        Tensor At(int i) => v.narrow(dim, i, 1);
        var interior = v.narrow(dim, 2, n - 2).Minus(v.narrow(dim, 0, n - 2));
        var left = At(1).Times(4).Minus(At(0).Times(3)).Minus(At(2));
        var right = At(n - 1).Times(3).Minus(At(n - 2).Times(4)).Plus(At(n - 3));
        return cat([left, interior, right], dim).DividedBy(2 * h);
    }

    private static Tensor Second(Tensor v, long dim, int n, double h)
    {
        Tensor At(int i) => v.narrow(dim, i, 1);
        var interior = v.narrow(dim, 2, n - 2).Minus(v.narrow(dim, 1, n - 2).Times(2)).Plus(v.narrow(dim, 0, n - 2));
        // One-sided second order needs four points; with three, both ends take the middle value.
        var left = n >= 4 ? At(0).Times(2).Minus(At(1).Times(5)).Plus(At(2).Times(4)).Minus(At(3)) : interior;
        var right = n >= 4 ? At(n - 1).Times(2).Minus(At(n - 2).Times(5)).Plus(At(n - 3).Times(4)).Minus(At(n - 4)) : interior;
        return cat([left, interior, right], dim).DividedBy(h * h);
    }

    /// <summary>(iκ)^k in Fourier space along <paramref name="dim"/>, κ = 2πm/L; the Nyquist mode of an odd derivative is zero.</summary>
    private static Tensor Fourier(Tensor v, long dim, int n, double period, int order)
    {
        int modes = n / 2 + 1;
        var real = new double[modes];
        var imaginary = new double[modes];
        for (int m = 0; m < modes; m++)
        {
            if (order % 2 == 1 && n % 2 == 0 && m == n / 2) continue;
            double scale = Math.Pow(2 * Math.PI * m / period, order);
            // i^k cycles through 1, i, -1, -i.
            (real[m], imaginary[m]) = (order % 4) switch { 0 => (scale, 0.0), 1 => (0.0, scale), 2 => (-scale, 0.0), _ => (0.0, -scale) };
        }
        var shape = Enumerable.Repeat(1L, (int)v.dim()).ToArray();
        shape[dim] = modes;
        var factor = complex(tensor(real, ScalarType.Float64), tensor(imaginary, ScalarType.Float64)).view(shape);
        return fft.irfft(fft.rfft(v, dim: dim) * factor, n, dim);
    }
}
