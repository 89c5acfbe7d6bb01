using System.Runtime.CompilerServices;

namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// LU factorisation with partial pivoting of a small matrix, for the coarsest multigrid level. A
/// pivot below 1e-13 times the largest entry marks a (numerically) singular direction, as for a
/// pure Neumann problem: that unknown is set to zero, which gives a solution of the consistent
/// part of the system.
/// </summary>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _lu;
    private readonly int[] _pivot;
    private readonly bool[] _singular;
    private readonly double[] _work;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DenseLu(CsrMatrix a)
    {
        int n = _n = a.Size;
        _lu = new double[n * n];
        _pivot = new int[n];
        _singular = new bool[n];
        _work = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = a.RowStart[i]; k < a.RowStart[i + 1]; k++)
            {
                _lu[i * n + a.Columns[k]] = a.Values[k];
                largest = Math.Max(largest, Math.Abs(a.Values[k]));
            }
        }
        double tiny = 1e-13 * largest;
        for (int c = 0; c < n; c++)
        {
            int best = c;
            for (int i = c + 1; i < n; i++)
            {
                if (Math.Abs(_lu[i * n + c]) > Math.Abs(_lu[best * n + c])) best = i;
            }
            _pivot[c] = best;
            if (best != c)
            {
                for (int j = 0; j < n; j++) (_lu[c * n + j], _lu[best * n + j]) = (_lu[best * n + j], _lu[c * n + j]);
            }
            double pivot = _lu[c * n + c];
            if (Math.Abs(pivot) <= tiny)
            {
                _singular[c] = true;
                continue;
            }
            for (int i = c + 1; i < n; i++)
            {
                double factor = _lu[i * n + c] /= pivot;
                if (factor == 0) continue;
                for (int j = c + 1; j < n; j++) _lu[i * n + j] -= factor * _lu[c * n + j];
            }
        }
    }

    /// <summary>x = A⁻¹ b (singular directions set to zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        int n = _n;
        var y = _work;
        b.CopyTo(y);
        for (int c = 0; c < n; c++)
        {
            int p = _pivot[c];
            if (p != c) (y[c], y[p]) = (y[p], y[c]);
        }
        for (int i = 0; i < n; i++)
        {
            double sum = y[i];
            for (int j = 0; j < i; j++)
            {
                if (!_singular[j]) sum -= _lu[i * n + j] * y[j];
            }
            y[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            if (_singular[i])
            {
                x[i] = 0;
                continue;
            }
            double sum = y[i];
            for (int j = i + 1; j < n; j++) sum -= _lu[i * n + j] * x[j];
            x[i] = sum / _lu[i * n + i];
        }
    }
}
