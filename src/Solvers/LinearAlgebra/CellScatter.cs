using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Where each cell's local matrix goes in a <see cref="CsrMatrix"/>: for cell c and local nodes
/// (a, b), the position of entry (cells[c, a], cells[c, b]) in <see cref="CsrMatrix.Values"/>.
/// Computed once per mesh, row by row with a marker array (no searches), it turns assembly into a scatter
/// without searches: <c>values[positions[c, a, b]] += local[a, b]</c>.
/// </summary>
/// <example>
/// <code>
/// var matrix = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
/// var scatter = new CellScatter(matrix, mesh.Cells, mesh.NodesPerCell);
/// for (int c = 0; c &lt; mesh.CellCount; c++) { /* local (npc × npc, row-major) */ scatter.Add(matrix, c, local); }
/// </code>
/// </example>
public sealed class CellScatter
{
    private readonly int[] _positions;
    private readonly int[] _pattern;

    /// <summary>Computes the positions of every cell's entries in <paramref name="matrix"/>'s pattern.</summary>
    /// <param name="matrix">A matrix whose pattern holds every pair of nodes sharing a cell (as <see cref="CsrMatrix.FromCells"/> builds).</param>
    /// <param name="cells">Cell node lists, shape (cells, nodesPerCell).</param>
    /// <param name="nodesPerCell">Nodes per cell.</param>
    /// <param name="threads">Threads for the computation (0: one per core); the result does not depend on it.</param>
    /// <exception cref="ArgumentException">A pair of nodes of a cell is missing from the pattern.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CellScatter(CsrMatrix matrix, int[] cells, int nodesPerCell, int threads = 0)
    {
        if (nodesPerCell < 1 || cells.Length % nodesPerCell != 0) throw new ArgumentException($"{cells.Length} cell node indices do not make cells of {nodesPerCell} nodes", nameof(cells));
        NodesPerCell = nodesPerCell;
        CellCount = cells.Length / nodesPerCell;
        _pattern = matrix.Columns;
        _positions = new int[checked(CellCount * nodesPerCell * nodesPerCell)];
        if (!matrix.IsSquare) throw new ArgumentException($"a cell scatter needs a square matrix; this one is {matrix.Size} × {matrix.ColumnCount}", nameof(matrix));
        var incidence = new CellIncidence(matrix.Size, cells, nodesPerCell);
        int missing = -1;
        int[] rowStart = matrix.RowStart, columns = matrix.Columns, positions = _positions;
        // Row by row: mark where each column of row i sits, then look up every cell entry in row i.
        ParallelChunks.For(matrix.Size, ParallelChunks.RowChunk, threads, () => Marker(matrix.Size), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, position) =>
        {
            for (int i = first; i < end; i++)
            {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) position[columns[k]] = k;
                for (int e = incidence.Start[i]; e < incidence.Start[i + 1]; e++)
                {
                    int slot = incidence.Entries[e], cell = slot / nodesPerCell, a = slot - cell * nodesPerCell;
                    int target = (cell * nodesPerCell + a) * nodesPerCell, nodes = cell * nodesPerCell;
                    for (int b = 0; b < nodesPerCell; b++)
                    {
                        int p = position[cells[nodes + b]];
                        if (p < 0) Interlocked.CompareExchange(ref missing, cell, -1);
                        positions[target + b] = p;
                    }
                }
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) position[columns[k]] = -1;
            }
        });
        if (missing >= 0) throw new ArgumentException($"cell {missing} couples nodes that the matrix pattern does not hold (build it with CsrMatrix.FromCells from the same cells)", nameof(matrix));
    }

    private static int[] Marker(int length)
    {
        var marker = new int[length];
        Array.Fill(marker, -1);
        return marker;
    }

    /// <summary>Nodes per cell.</summary>
    public int NodesPerCell { get; }

    /// <summary>Number of cells.</summary>
    public int CellCount { get; }

    /// <summary>Whether <paramref name="matrix"/> has the pattern (the very column array) this scatter was computed for.</summary>
    public bool Matches(CsrMatrix matrix) => ReferenceEquals(matrix.Columns, _pattern);

    /// <summary>Positions in <see cref="CsrMatrix.Values"/> of cell <paramref name="cell"/>'s entries, row-major (a, b), length nodesPerCell².</summary>
    public ReadOnlySpan<int> Positions(int cell) => _positions.AsSpan(cell * NodesPerCell * NodesPerCell, NodesPerCell * NodesPerCell);

    /// <summary>Adds the local matrix of <paramref name="cell"/> (row-major, nodesPerCell × nodesPerCell) into <paramref name="matrix"/>.</summary>
    /// <exception cref="ArgumentException">The matrix does not have the pattern this scatter was computed for.</exception>
    public void Add(CsrMatrix matrix, int cell, ReadOnlySpan<double> local)
    {
        if (!Matches(matrix)) throw new ArgumentException("the matrix does not have the pattern this scatter was computed for", nameof(matrix));
        var positions = Positions(cell);
        if (local.Length != positions.Length) throw new ArgumentException($"a local matrix of {local.Length} entries for cells of {NodesPerCell} nodes (expected {positions.Length})", nameof(local));
        var values = matrix.Values;
        for (int k = 0; k < positions.Length; k++) values[positions[k]] += local[k];
    }
}
