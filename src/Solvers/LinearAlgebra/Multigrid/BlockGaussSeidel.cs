using System.Runtime.CompilerServices;

namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// ℓ1 Gauss–Seidel in fixed row blocks (Baker, Falgout, Kolev and Yang, SIAM J. Sci. Comput. 33,
/// 2011): inside a block a Gauss–Seidel sweep, couplings to other blocks take the values from the
/// start of the sweep, and the diagonal is a_ii + Σ_{j outside the block} |a_ij|. The blocks
/// depend on the matrix size only, so the result does not depend on the thread count; they run in
/// parallel. Presmoothing sweeps forward, postsmoothing backward: for symmetric A the two are
/// adjoint and the V-cycle is a symmetric preconditioner.
/// </summary>
internal sealed class BlockGaussSeidel : ISmoother
{
    /// <summary>The most blocks a level is cut into.</summary>
    public const int MaxBlocks = 16;

    /// <summary>The fewest rows a block holds (smaller levels are one block: plain Gauss–Seidel).</summary>
    public const int MinBlockRows = 8192;

    private readonly CsrMatrix _a;
    private readonly double[] _inverseDiagonal;
    private readonly int[] _blockStart;
    private readonly double[] _old;
    private readonly bool[] _crossing;
    private readonly int _sweeps, _threads;
    private readonly Action<int>? _forward, _backward;
    private double[] _b = [], _x = [];
    private bool _zero;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BlockGaussSeidel(CsrMatrix a, int sweeps, int threads)
    {
        int n = a.Size;
        _a = a;
        _sweeps = sweeps;
        _threads = threads;
        int blocks = Math.Clamp(n / MinBlockRows, 1, MaxBlocks);
        _blockStart = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) _blockStart[b] = (int)((long)n * b / blocks);
        _old = blocks > 1 ? new double[n] : [];
        _inverseDiagonal = new double[n];
        _crossing = new bool[n];
        for (int b = 0; b < blocks; b++)
        {
            int start = _blockStart[b], end = _blockStart[b + 1];
            for (int i = start; i < end; i++)
            {
                double diagonal = 0, outside = 0;
                for (int k = a.RowStart[i]; k < a.RowStart[i + 1]; k++)
                {
                    int j = a.Columns[k];
                    if (j == i) diagonal = a.Values[k];
                    else if (j < start || j >= end)
                    {
                        outside += Math.Abs(a.Values[k]);
                        _crossing[i] = true;
                    }
                }
                if (diagonal == 0 || !double.IsFinite(diagonal)) throw new ArgumentException($"row {i} has diagonal entry {diagonal}; Gauss–Seidel needs nonzero diagonal entries", nameof(a));
                _inverseDiagonal[i] = 1 / (diagonal + Math.CopySign(outside, diagonal));
            }
        }
        if (blocks > 1 && ParallelChunks.Resolve(threads) > 1)
        {
            _forward = b => Forward(_b, _x, _zero ? null : _old, _blockStart[b], _blockStart[b + 1]);
            _backward = b => Backward(_b, _x, _old, _blockStart[b], _blockStart[b + 1]);
        }
    }

    private int Blocks => _blockStart.Length - 1;

    public void Presmooth(double[] b, double[] x, bool zeroGuess)
    {
        for (int sweep = 0; sweep < _sweeps; sweep++)
        {
            bool zero = zeroGuess && sweep == 0;
            if (!zero && Blocks > 1) Array.Copy(x, _old, x.Length);
            if (_forward is null)
            {
                for (int block = 0; block < Blocks; block++) Forward(b, x, zero ? null : _old, _blockStart[block], _blockStart[block + 1]);
            }
            else
            {
                (_b, _x, _zero) = (b, x, zero);
                Parallel.For(0, Blocks, ParallelChunks.OptionsFor(_threads), _forward);
            }
        }
    }

    public void Postsmooth(double[] b, double[] x)
    {
        for (int sweep = 0; sweep < _sweeps; sweep++)
        {
            if (Blocks > 1) Array.Copy(x, _old, x.Length);
            if (_backward is null)
            {
                for (int block = Blocks - 1; block >= 0; block--) Backward(b, x, _old, _blockStart[block], _blockStart[block + 1]);
            }
            else
            {
                (_b, _x) = (b, x);
                Parallel.For(0, Blocks, ParallelChunks.OptionsFor(_threads), _backward);
            }
        }
    }

    /// <summary>
    /// A forward sweep over rows [start, end); columns outside read <paramref name="old"/>, or are
    /// zero when it is null: then x is zero on entry (a zero initial guess), so only the columns
    /// below the diagonal contribute and the rest of each row is skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(double[] b, double[] x, double[]? old, int start, int end)
    {
        int[] rowStart = _a.RowStart, columns = _a.Columns;
        double[] values = _a.Values, inverse = _inverseDiagonal;
        bool[] crossing = _crossing;
        uint width = (uint)(end - start);
        if (old is null)
        {
            for (int i = start; i < end; i++)
            {
                double sum = b[i];
                int last = rowStart[i + 1];
                for (int k = rowStart[i]; k < last; k++)
                {
                    int j = columns[k];
                    if (j >= i) break;
                    if (j >= start) sum -= values[k] * x[j];
                }
                x[i] = sum * inverse[i];
            }
            return;
        }
        for (int i = start; i < end; i++)
        {
            double sum = b[i];
            int last = rowStart[i + 1];
            if (!crossing[i])
            {
                for (int k = rowStart[i]; k < last; k++) sum -= values[k] * x[columns[k]];
            }
            else
            {
                for (int k = rowStart[i]; k < last; k++)
                {
                    int j = columns[k];
                    sum -= values[k] * ((uint)(j - start) < width ? x[j] : old[j]);
                }
            }
            x[i] += sum * inverse[i];
        }
    }

    /// <summary>A backward sweep over rows [start, end); columns outside read <paramref name="old"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(double[] b, double[] x, double[] old, int start, int end)
    {
        int[] rowStart = _a.RowStart, columns = _a.Columns;
        double[] values = _a.Values, inverse = _inverseDiagonal;
        bool[] crossing = _crossing;
        uint width = (uint)(end - start);
        for (int i = end - 1; i >= start; i--)
        {
            double sum = b[i];
            int last = rowStart[i + 1];
            if (!crossing[i])
            {
                for (int k = rowStart[i]; k < last; k++) sum -= values[k] * x[columns[k]];
            }
            else
            {
                for (int k = rowStart[i]; k < last; k++)
                {
                    int j = columns[k];
                    sum -= values[k] * ((uint)(j - start) < width ? x[j] : old[j]);
                }
            }
            x[i] += sum * inverse[i];
        }
    }
}
