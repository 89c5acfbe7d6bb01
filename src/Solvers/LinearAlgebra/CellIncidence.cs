using System.Runtime.CompilerServices;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// The cells around each node, in CSR form: for node i, <see cref="Entries"/>[Start[i]..Start[i + 1]]
/// are the flat indices c · nodesPerCell + a of the cell-node slots holding i.
/// </summary>
internal sealed class CellIncidence
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CellIncidence(int size, int[] cells, int nodesPerCell)
    {
        if (nodesPerCell < 1 || cells.Length % nodesPerCell != 0) throw new ArgumentException($"{cells.Length} cell node indices do not make cells of {nodesPerCell} nodes", nameof(cells));
        var start = new int[size + 1];
        foreach (int node in cells)
        {
            if ((uint)node >= (uint)size) throw new ArgumentException($"cell node index {node} is outside [0, {size})", nameof(cells));
            start[node + 1]++;
        }
        for (int i = 0; i < size; i++) start[i + 1] += start[i];
        var entries = new int[cells.Length];
        var next = (int[])start.Clone();
        for (int k = 0; k < cells.Length; k++) entries[next[cells[k]]++] = k;
        Start = start;
        Entries = entries;
    }

    /// <summary>Start of each node's slots in <see cref="Entries"/>, length size + 1.</summary>
    public int[] Start { get; }

    /// <summary>Flat cell-node slot indices (cell · nodesPerCell + local node), grouped by node.</summary>
    public int[] Entries { get; }
}
