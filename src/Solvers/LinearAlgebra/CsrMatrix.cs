namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// A square sparse matrix in compressed sparse row form with a fixed sparsity pattern. Entries
/// are added by (row, column) with a binary search in the row, so assembly needs no per-entry
/// dictionaries.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Creates a zero matrix with the given pattern.</summary>
    /// <param name="rowStart">Start of each row in <paramref name="columns"/>, length n + 1.</param>
    /// <param name="columns">Column indices, sorted within each row.</param>
    public CsrMatrix(int[] rowStart, int[] columns)
    {
        if (rowStart.Length < 1 || rowStart[^1] != columns.Length) throw new ArgumentException("row starts and column indices disagree", nameof(rowStart));
        RowStart = rowStart;
        Columns = columns;
        Values = new double[columns.Length];
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size => RowStart.Length - 1;

    /// <summary>Start of each row, length n + 1.</summary>
    public int[] RowStart { get; }

    /// <summary>Column index of each stored entry.</summary>
    public int[] Columns { get; }

    /// <summary>Value of each stored entry.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => Columns.Length;

    /// <summary>Builds the pattern of a matrix coupling every pair of nodes that share a cell.</summary>
    /// <param name="size">Number of nodes n.</param>
    /// <param name="cells">Cell node lists, shape (cells, nodesPerCell).</param>
    /// <param name="nodesPerCell">Nodes per cell.</param>
    public static CsrMatrix FromCells(int size, int[] cells, int nodesPerCell)
    {
        var neighbours = new List<int>[size];
        for (int i = 0; i < size; i++) neighbours[i] = [];
        for (int c = 0; c < cells.Length; c += nodesPerCell)
        {
            for (int a = 0; a < nodesPerCell; a++)
            {
                for (int b = 0; b < nodesPerCell; b++) neighbours[cells[c + a]].Add(cells[c + b]);
            }
        }
        var rowStart = new int[size + 1];
        var rows = new int[size][];
        for (int i = 0; i < size; i++)
        {
            neighbours[i].Add(i);
            rows[i] = neighbours[i].Distinct().Order().ToArray();
            rowStart[i + 1] = rowStart[i] + rows[i].Length;
        }
        var columns = new int[rowStart[size]];
        for (int i = 0; i < size; i++) rows[i].CopyTo(columns, rowStart[i]);
        return new CsrMatrix(rowStart, columns);
    }

    /// <summary>Position of entry (row, column) in <see cref="Values"/>; throws when it is not in the pattern.</summary>
    public int IndexOf(int row, int column)
    {
        int index = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(column), $"entry ({row}, {column}) is outside the sparsity pattern");
    }

    /// <summary>Adds <paramref name="value"/> to entry (row, column).</summary>
    public void Add(int row, int column, double value) => Values[IndexOf(row, column)] += value;

    /// <summary>Entry (row, column), zero outside the pattern.</summary>
    public double this[int row, int column]
    {
        get
        {
            int index = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
            return index >= 0 ? Values[index] : 0;
        }
    }

    /// <summary>Sets every stored value to zero, keeping the pattern.</summary>
    public void Clear() => Array.Clear(Values);

    /// <summary>y = A x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < Size; i++)
        {
            double sum = 0;
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++) sum += Values[k] * x[Columns[k]];
            y[i] = sum;
        }
    }

    /// <summary>The diagonal entries.</summary>
    public double[] Diagonal()
    {
        var diagonal = new double[Size];
        for (int i = 0; i < Size; i++) diagonal[i] = this[i, i];
        return diagonal;
    }

    /// <summary>
    /// Replaces row and column i by the unit vector for every i in <paramref name="fixedRows"/>,
    /// keeping the matrix symmetric (used for homogeneous Dirichlet conditions on a correction).
    /// </summary>
    public void EliminateSymmetric(IReadOnlySet<int> fixedRows)
    {
        for (int i = 0; i < Size; i++)
        {
            bool fixedRow = fixedRows.Contains(i);
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                if (fixedRow || fixedRows.Contains(Columns[k])) Values[k] = Columns[k] == i ? 1 : 0;
            }
        }
    }

    /// <summary>The largest |A_ij - A_ji| over stored entries, a symmetry check.</summary>
    public double Asymmetry()
    {
        double worst = 0;
        for (int i = 0; i < Size; i++)
        {
            for (int k = RowStart[i]; k < RowStart[i + 1]; k++) worst = Math.Max(worst, Math.Abs(Values[k] - this[Columns[k], i]));
        }
        return worst;
    }
}
