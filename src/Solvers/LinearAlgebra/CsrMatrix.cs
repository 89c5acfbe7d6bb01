using System.Runtime.CompilerServices;
using static PdeNet.Solvers.LinearAlgebra.ParallelChunks;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form with a fixed sparsity pattern: the column
/// indices of row i are <c>Columns[RowStart[i]..RowStart[i + 1]]</c>, sorted, and
/// <see cref="Values"/> holds the entries in the same order. Finite-element matrices are square;
/// multigrid transfer operators are rectangular. Single entries are added by (row, column) with a
/// binary search in the row; cell-by-cell assembly uses a <see cref="CellScatter"/>, which
/// precomputes where each cell's entries go.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Creates a zero square matrix with the given pattern.</summary>
    /// <param name="rowStart">Start of each row in <paramref name="columns"/>, length n + 1.</param>
    /// <param name="columns">Column indices, sorted within each row, each in [0, n).</param>
    public CsrMatrix(int[] rowStart, int[] columns) : this(rowStart, columns, new double[columns.Length], rowStart.Length - 1)
    {
    }

    /// <summary>Creates a matrix with the given pattern and values.</summary>
    /// <param name="rowStart">Start of each row in <paramref name="columns"/>, length rows + 1.</param>
    /// <param name="columns">Column indices, sorted within each row, each in [0, <paramref name="columnCount"/>).</param>
    /// <param name="values">Entry values, one per column index (the array is kept, not copied).</param>
    /// <param name="columnCount">Number of columns.</param>
    public CsrMatrix(int[] rowStart, int[] columns, double[] values, int columnCount) : this(rowStart, columns, values, columnCount, validate: true)
    {
    }

    /// <summary>Creates a matrix; <paramref name="validate"/> false skips the O(nonzeros) pattern check for patterns built correct by construction.</summary>
    internal CsrMatrix(int[] rowStart, int[] columns, double[] values, int columnCount, bool validate)
    {
        if (rowStart.Length < 1 || rowStart[0] != 0 || rowStart[^1] != columns.Length)
            throw new ArgumentException($"row starts must begin at 0 and end at the number of column indices ({columns.Length})", nameof(rowStart));
        if (values.Length != columns.Length) throw new ArgumentException($"{values.Length} values for {columns.Length} column indices", nameof(values));
        if (columnCount < 0) throw new ArgumentOutOfRangeException(nameof(columnCount), columnCount, "the column count cannot be negative");
        for (int i = 0; validate && i + 1 < rowStart.Length; i++)
        {
            if (rowStart[i + 1] < rowStart[i]) throw new ArgumentException($"row starts decrease at row {i}", nameof(rowStart));
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                if ((uint)columns[k] >= (uint)columnCount) throw new ArgumentException($"column index {columns[k]} in row {i} is outside [0, {columnCount})", nameof(columns));
                if (k > rowStart[i] && columns[k] <= columns[k - 1]) throw new ArgumentException($"the column indices of row {i} are not strictly increasing", nameof(columns));
            }
        }
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        ColumnCount = columnCount;
    }

    /// <summary>Number of rows (for a square matrix, its size n).</summary>
    public int Size => RowStart.Length - 1;

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Whether the matrix is square.</summary>
    public bool IsSquare => ColumnCount == Size;

    /// <summary>Start of each row, length rows + 1.</summary>
    public int[] RowStart { get; }

    /// <summary>Column index of each stored entry.</summary>
    public int[] Columns { get; }

    /// <summary>Value of each stored entry.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => Columns.Length;

    /// <summary>
    /// Builds the pattern of the matrix coupling every pair of nodes that share a cell (and each
    /// node with itself), in O(cells · nodesPerCell²) time with one marker array.
    /// </summary>
    /// <param name="size">Number of nodes n.</param>
    /// <param name="cells">Cell node lists, shape (cells, nodesPerCell), node indices in [0, n).</param>
    /// <param name="nodesPerCell">Nodes per cell.</param>
    /// <param name="threads">Threads (0: one per core); the pattern does not depend on it.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsrMatrix FromCells(int size, int[] cells, int nodesPerCell, int threads = 0)
    {
        var incidence = new CellIncidence(size, cells, nodesPerCell);
        var rowStart = new int[size + 1];
        ParallelChunks.For(size, RowChunk, threads, () => Marker(size), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, marker) =>
        {
            for (int i = first; i < end; i++) rowStart[i + 1] = Neighbours(i, incidence, cells, nodesPerCell, marker, null, 0);
        });
        for (int i = 0; i < size; i++) rowStart[i + 1] += rowStart[i];
        var columns = new int[rowStart[size]];
        ParallelChunks.For(size, RowChunk, threads, () => Marker(size), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, marker) =>
        {
            for (int i = first; i < end; i++)
            {
                int count = Neighbours(i, incidence, cells, nodesPerCell, marker, columns, rowStart[i]);
                SortRow(columns.AsSpan(rowStart[i], count));
            }
        });
        return new CsrMatrix(rowStart, columns, new double[columns.Length], size, validate: false);
    }

    /// <summary>
    /// Counts (and, when <paramref name="columns"/> is given, writes from <paramref name="offset"/>
    /// on) node i and the nodes sharing a cell with it; <paramref name="marker"/> must not hold i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Neighbours(int i, CellIncidence incidence, int[] cells, int nodesPerCell, int[] marker, int[]? columns, int offset)
    {
        int count = 0;
        marker[i] = i;
        if (columns is not null) columns[offset] = i;
        count++;
        for (int k = incidence.Start[i]; k < incidence.Start[i + 1]; k++)
        {
            int first = incidence.Entries[k] / nodesPerCell * nodesPerCell;
            for (int a = first; a < first + nodesPerCell; a++)
            {
                int j = cells[a];
                if (marker[j] == i) continue;
                marker[j] = i;
                if (columns is not null) columns[offset + count] = j;
                count++;
            }
        }
        return count;
    }

    private static int[] Marker(int length)
    {
        var marker = new int[length];
        Array.Fill(marker, -1);
        return marker;
    }

    /// <summary>Sorts a row's column indices: insertion sort for the short rows of finite-element matrices.</summary>
    private static void SortRow(Span<int> row)
    {
        if (row.Length > 32)
        {
            row.Sort();
            return;
        }
        for (int p = 1; p < row.Length; p++)
        {
            int value = row[p], q = p - 1;
            while (q >= 0 && row[q] > value)
            {
                row[q + 1] = row[q];
                q--;
            }
            row[q + 1] = value;
        }
    }

    /// <summary>Position of entry (row, column) in <see cref="Values"/>, or -1 when it is not in the pattern.</summary>
    public int Find(int row, int column)
    {
        int index = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
        return index >= 0 ? index : -1;
    }

    /// <summary>Position of entry (row, column) in <see cref="Values"/>; throws when it is not in the pattern.</summary>
    public int IndexOf(int row, int column)
    {
        int index = Find(row, column);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(column), $"entry ({row}, {column}) is outside the sparsity pattern");
    }

    /// <summary>Adds <paramref name="value"/> to entry (row, column).</summary>
    public void Add(int row, int column, double value) => Values[IndexOf(row, column)] += value;

    /// <summary>Entry (row, column), zero outside the pattern.</summary>
    public double this[int row, int column]
    {
        get
        {
            int index = Find(row, column);
            return index >= 0 ? Values[index] : 0;
        }
    }

    /// <summary>Sets every stored value to zero, keeping the pattern.</summary>
    public void Clear() => Array.Clear(Values);

    /// <summary>y = A x, on the calling thread.</summary>
    /// <param name="x">Vector of length <see cref="ColumnCount"/>.</param>
    /// <param name="y">Vector of length <see cref="Size"/>, overwritten.</param>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLengths(x.Length, y.Length);
        MultiplyRows(x, y, 0, Size);
    }

    /// <summary>y = A x, rows split over up to <paramref name="threads"/> threads (0: one per core).</summary>
    public void Multiply(double[] x, double[] y, int threads)
    {
        CheckLengths(x.Length, y.Length);
        if (ParallelChunks.Parallel(Count(Size, RowChunk), threads)) MultiplyParallel(x, y, threads);
        else MultiplyRows(x, y, 0, Size);
    }

    /// <summary>y += A x, rows split over up to <paramref name="threads"/> threads (0: one per core).</summary>
    public void MultiplyAdd(double[] x, double[] y, int threads)
    {
        CheckLengths(x.Length, y.Length);
        if (ParallelChunks.Parallel(Count(Size, RowChunk), threads)) MultiplyAddParallel(x, y, threads);
        else MultiplyAddRows(x, y, 0, Size);
    }

    /// <summary>r = b - A x, rows split over up to <paramref name="threads"/> threads (0: one per core).</summary>
    public void Residual(double[] b, double[] x, double[] r, int threads)
    {
        CheckLengths(x.Length, r.Length);
        if (b.Length != Size) throw new ArgumentException($"the right-hand side has length {b.Length}, the matrix {Size} rows", nameof(b));
        if (ParallelChunks.Parallel(Count(Size, RowChunk), threads)) ResidualParallel(b, x, r, threads);
        else ResidualRows(b, x, r, 0, Size);
    }

    /// <summary>The diagonal entries (zero where the pattern has none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Diagonal()
    {
        var diagonal = new double[Math.Min(Size, ColumnCount)];
        int[] rowStart = RowStart, columns = Columns;
        double[] values = Values;
        for (int i = 0; i < diagonal.Length; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                if (columns[k] < i) continue;
                if (columns[k] == i) diagonal[i] = values[k];
                break;
            }
        }
        return diagonal;
    }

    /// <summary>
    /// The same matrix without its explicitly stored zeros (a new pattern), or this matrix when it
    /// stores fewer than <paramref name="fraction"/> of zeros. Finite-element patterns hold zeros
    /// where two nodes share a cell but their basis gradients are orthogonal (the diagonal edges of
    /// a right-angled grid); dropping them makes products and sweeps cheaper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal CsrMatrix WithoutZeros(double fraction, int threads = 0)
    {
        int[] rowStart = RowStart, columns = Columns;
        double[] values = Values;
        var kept = new int[Size + 1];
        ParallelChunks.For(Size, RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                int count = 0;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    if (values[k] != 0 || columns[k] == i) count++;
                }
                kept[i + 1] = count;
            }
        });
        for (int i = 0; i < Size; i++) kept[i + 1] += kept[i];
        int zeros = NonZeros - kept[Size];
        if (zeros == 0 || zeros < fraction * NonZeros) return this;
        var keptColumns = new int[kept[Size]];
        var keptValues = new double[kept[Size]];
        ParallelChunks.For(Size, RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                int next = kept[i];
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    if (values[k] == 0 && columns[k] != i) continue;
                    keptColumns[next] = columns[k];
                    keptValues[next++] = values[k];
                }
            }
        });
        return new CsrMatrix(kept, keptColumns, keptValues, ColumnCount, validate: false);
    }

    /// <summary>The transpose, built by a counting sort over the columns in O(rows + columns + nonzeros).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsrMatrix Transpose()
    {
        var rowStart = new int[ColumnCount + 1];
        foreach (int j in Columns) rowStart[j + 1]++;
        for (int j = 0; j < ColumnCount; j++) rowStart[j + 1] += rowStart[j];
        var next = (int[])rowStart.Clone();
        var columns = new int[NonZeros];
        var values = new double[NonZeros];
        for (int i = 0; i < Size; i++)
        {
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                int position = next[Columns[k]]++;
                columns[position] = i;
                values[position] = Values[k];
            }
        }
        return new CsrMatrix(rowStart, columns, values, Size, validate: false);
    }

    /// <summary>
    /// Replaces row and column i by the unit vector for every i in <paramref name="fixedRows"/>,
    /// keeping the matrix symmetric (used for homogeneous Dirichlet conditions on a correction).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EliminateSymmetric(IReadOnlySet<int> fixedRows)
    {
        RequireSquare();
        var isFixed = new bool[Size];
        foreach (int i in fixedRows) isFixed[i] = true;
        for (int i = 0; i < Size; i++)
        {
            bool fixedRow = isFixed[i];
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                if (fixedRow || isFixed[Columns[k]]) Values[k] = Columns[k] == i ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// The largest |A_ij - A_ji| over stored entries (an entry outside the pattern counts as
    /// zero), a symmetry check; one binary search per entry, rows split over threads.
    /// </summary>
    /// <param name="threads">Threads (0: one per core).</param>
    public double Asymmetry(int threads = 0)
    {
        RequireSquare();
        int[] rowStart = RowStart, columns = Columns;
        double[] values = Values;
        return Math.Max(0, ParallelChunks.Max(Size, RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            double worst = 0;
            for (int i = first; i < end; i++)
            {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    int j = columns[k];
                    if (j == i) continue;
                    int mirror = Find(j, i);
                    worst = Math.Max(worst, Math.Abs(values[k] - (mirror >= 0 ? values[mirror] : 0)));
                }
            }
            return worst;
        }));
    }

    private void RequireSquare()
    {
        if (!IsSquare) throw new InvalidOperationException($"this operation needs a square matrix; this one is {Size} × {ColumnCount}");
    }

    private void CheckLengths(int x, int y)
    {
        if (x != ColumnCount) throw new ArgumentException($"the vector has length {x}, the matrix {ColumnCount} columns", "x");
        if (y != Size) throw new ArgumentException($"the result has length {y}, the matrix {Size} rows", "y");
    }

    private void MultiplyParallel(double[] x, double[] y, int threads) => For(Size, RowChunk, threads, (s, e) => MultiplyRows(x, y, s, e));

    private void MultiplyAddParallel(double[] x, double[] y, int threads) => For(Size, RowChunk, threads, (s, e) => MultiplyAddRows(x, y, s, e));

    private void ResidualParallel(double[] b, double[] x, double[] r, int threads) => For(Size, RowChunk, threads, (s, e) => ResidualRows(b, x, r, s, e));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyRows(ReadOnlySpan<double> x, Span<double> y, int start, int end)
    {
        var rowStart = RowStart;
        var columns = Columns;
        var values = Values;
        for (int i = start; i < end; i++)
        {
            double sum = 0;
            int last = rowStart[i + 1];
            for (int k = rowStart[i]; k < last; k++) sum += values[k] * x[columns[k]];
            y[i] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyAddRows(double[] x, double[] y, int start, int end)
    {
        var rowStart = RowStart;
        var columns = Columns;
        var values = Values;
        for (int i = start; i < end; i++)
        {
            double sum = 0;
            int last = rowStart[i + 1];
            for (int k = rowStart[i]; k < last; k++) sum += values[k] * x[columns[k]];
            y[i] += sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResidualRows(double[] b, double[] x, double[] r, int start, int end)
    {
        var rowStart = RowStart;
        var columns = Columns;
        var values = Values;
        for (int i = start; i < end; i++)
        {
            double sum = b[i];
            int last = rowStart[i + 1];
            for (int k = rowStart[i]; k < last; k++) sum -= values[k] * x[columns[k]];
            r[i] = sum;
        }
    }
}
