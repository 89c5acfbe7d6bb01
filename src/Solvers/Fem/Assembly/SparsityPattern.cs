using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Solvers.Fem.Assembly;

/// <summary>
/// The CSR pattern of a matrix coupling every pair of unknowns that share a cell, built in
/// O(nonzeros) with a marker array, and for every cell the positions of its local matrix entries
/// in the CSR value array, so assembly adds local matrices without searching.
/// </summary>
internal sealed class SparsityPattern
{
    public SparsityPattern(int size, int[] cellDofs, int perCell)
    {
        Size = size;
        PerCell = perCell;
        int cells = cellDofs.Length / perCell;

        // Cells around each unknown, as CSR.
        var cellStart = new int[size + 1];
        foreach (int dof in cellDofs) cellStart[dof + 1]++;
        for (int i = 0; i < size; i++) cellStart[i + 1] += cellStart[i];
        var cellList = new int[cellDofs.Length];
        var fill = (int[])cellStart.Clone();
        for (int c = 0; c < cells; c++)
        {
            for (int a = 0; a < perCell; a++) cellList[fill[cellDofs[c * perCell + a]]++] = c;
        }

        // Row i: its columns are the unknowns of the cells around it, collected with a marker array and sorted; then
        // every local entry (a, b) of those cells with row unknown i finds its position through the column's slot.
        var marker = new int[size];
        Array.Fill(marker, -1);
        var slot = new int[size];
        RowStart = new int[size + 1];
        var columns = new int[Math.Max(16, 2 * cellDofs.Length + size)];   // about 1.2 and 2.5 times the nonzeros of P1 triangles and tetrahedra; grown below if short
        Positions = new int[cells * perCell * perCell];
        int count = 0;
        for (int i = 0; i < size; i++)
        {
            int begin = count;
            if (count + 1 + (cellStart[i + 1] - cellStart[i]) * perCell > columns.Length)
                Array.Resize(ref columns, Math.Max(columns.Length * 2, count + 1 + (cellStart[i + 1] - cellStart[i]) * perCell));
            marker[i] = i;
            columns[count++] = i;
            for (int k = cellStart[i]; k < cellStart[i + 1]; k++)
            {
                int c = cellList[k];
                for (int b = 0; b < perCell; b++)
                {
                    int j = cellDofs[c * perCell + b];
                    if (marker[j] == i) continue;
                    marker[j] = i;
                    columns[count++] = j;
                }
            }
            Array.Sort(columns, begin, count - begin);
            RowStart[i + 1] = count;
            for (int p = begin; p < count; p++) slot[columns[p]] = p;
            for (int k = cellStart[i]; k < cellStart[i + 1]; k++)
            {
                int c = cellList[k];
                for (int a = 0; a < perCell; a++)
                {
                    if (cellDofs[c * perCell + a] != i) continue;
                    for (int b = 0; b < perCell; b++) Positions[(c * perCell + a) * perCell + b] = slot[cellDofs[c * perCell + b]];
                }
            }
        }
        Columns = columns[..count];
    }

    /// <summary>Rows (and columns).</summary>
    public int Size { get; }

    /// <summary>Unknowns per cell.</summary>
    public int PerCell { get; }

    /// <summary>Row starts, length n + 1.</summary>
    public int[] RowStart { get; }

    /// <summary>Column indices, sorted within each row.</summary>
    public int[] Columns { get; }

    /// <summary>Position in the value array of local entry (a, b) of cell c, at index (c·k + a)·k + b.</summary>
    public int[] Positions { get; }

    /// <summary>A zero matrix with this pattern (the index arrays are shared, the values are its own).</summary>
    public CsrMatrix CreateMatrix() => new(RowStart, Columns);

    /// <summary>The position of entry (row, column); throws outside the pattern.</summary>
    public int Find(int row, int column)
    {
        int index = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(column), $"entry ({row}, {column}) is outside the sparsity pattern");
    }
}
