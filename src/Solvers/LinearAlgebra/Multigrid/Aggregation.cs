using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// Strength of connection and greedy aggregation of smoothed aggregation (Vaněk, Mandel and
/// Brezina 1996, as in PyAMG's standard aggregation).
/// </summary>
internal static class Aggregation
{
    /// <summary>
    /// The strength graph: j ≠ i is a strong neighbour of i when a_ij ≠ 0 and
    /// |a_ij| ≥ θ √(|a_ii a_jj|). The graph is made symmetric (S ∪ Sᵀ) when it is not.
    /// </summary>
    /// <returns>
    /// The neighbour lists in CSR form (start, neighbours), sorted within each row, and whether
    /// every nonzero off-diagonal entry of A is strong (then the filtered matrix is A itself).
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] Start, int[] Neighbours, bool AllStrong) Strength(CsrMatrix a, double theta, int threads)
    {
        int n = a.Size;
        int[] rowStart = a.RowStart, columns = a.Columns;
        double[] values = a.Values;
        var diagonal = a.Diagonal();
        for (int i = 0; i < n; i++) diagonal[i] = Math.Abs(diagonal[i]);
        double theta2 = theta * theta;
        var start = new int[n + 1];
        long weak = 0;
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            long weakHere = 0;
            for (int i = first; i < end; i++)
            {
                int count = 0;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    int j = columns[k];
                    double v = values[k];
                    if (j == i || v == 0) continue;
                    if (v * v >= theta2 * diagonal[i] * diagonal[j]) count++;
                    else weakHere++;
                }
                start[i + 1] = count;
            }
            Interlocked.Add(ref weak, weakHere);
        });
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var neighbours = new int[start[n]];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                int next = start[i];
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    int j = columns[k];
                    double v = values[k];
                    if (j != i && v != 0 && v * v >= theta2 * diagonal[i] * diagonal[j]) neighbours[next++] = j;
                }
            }
        });
        if (IsSymmetric(n, start, neighbours, threads)) return (start, neighbours, weak == 0);
        var (unionStart, union) = Union(n, start, neighbours);
        return (unionStart, union, false);
    }

    /// <summary>Whether every edge (i, j) of the graph has its mirror (j, i): one binary search per edge.</summary>
    private static bool IsSymmetric(int n, int[] start, int[] neighbours, int threads)
    {
        int missing = 0;
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end && Volatile.Read(ref missing) == 0; i++)
            {
                for (int k = start[i]; k < start[i + 1]; k++)
                {
                    int j = neighbours[k];
                    if (Array.BinarySearch(neighbours, start[j], start[j + 1] - start[j], i) < 0)
                    {
                        Volatile.Write(ref missing, 1);
                        break;
                    }
                }
            }
        });
        return missing == 0;
    }

    /// <summary>S ∪ Sᵀ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[], int[]) Union(int n, int[] start, int[] neighbours)
    {
        var transpose = new CsrMatrix(start, neighbours, new double[neighbours.Length], n, validate: false).Transpose();
        var unionStart = new int[n + 1];
        var union = new List<int>(2 * neighbours.Length);
        for (int i = 0; i < n; i++)
        {
            int p = start[i], pEnd = start[i + 1], q = transpose.RowStart[i], qEnd = transpose.RowStart[i + 1];
            while (p < pEnd || q < qEnd)
            {
                int next = q == qEnd || p < pEnd && neighbours[p] <= transpose.Columns[q] ? neighbours[p] : transpose.Columns[q];
                union.Add(next);
                if (p < pEnd && neighbours[p] == next) p++;
                if (q < qEnd && transpose.Columns[q] == next) q++;
            }
            unionStart[i + 1] = union.Count;
        }
        return (unionStart, union.ToArray());
    }

    /// <summary>
    /// The node matrix of a matrix whose unknowns come in nodes (contiguous ranges): entry (I, J)
    /// is the Frobenius norm of the block of A coupling node I to node J (the amalgamation of
    /// PyAMG's block strength of connection). Aggregating its graph keeps each node's unknowns together.
    /// </summary>
    /// <param name="a">A, square.</param>
    /// <param name="nodeStart">Unknowns of node I: nodeStart[I] .. nodeStart[I + 1] - 1 (length nodes + 1, ending at A's size).</param>
    /// <param name="nodeOf">The node of each unknown.</param>
    /// <param name="threads">Threads (0: one per core).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsrMatrix NodeMatrix(CsrMatrix a, int[] nodeStart, int[] nodeOf, int threads)
    {
        int nodes = nodeStart.Length - 1;
        int[] aStart = a.RowStart, aColumns = a.Columns;
        double[] aValues = a.Values;
        var rowStart = new int[nodes + 1];
        ParallelChunks.For(nodes, ParallelChunks.RowChunk, threads, () => Unmarked(nodes), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, marker) =>
        {
            for (int node = first; node < end; node++)
            {
                int count = 0;
                for (int k = aStart[nodeStart[node]]; k < aStart[nodeStart[node + 1]]; k++)
                {
                    int other = nodeOf[aColumns[k]];
                    if (marker[other] == node) continue;
                    marker[other] = node;
                    count++;
                }
                rowStart[node + 1] = count;
            }
        });
        for (int node = 0; node < nodes; node++) rowStart[node + 1] += rowStart[node];
        var columns = new int[rowStart[nodes]];
        var values = new double[rowStart[nodes]];
        ParallelChunks.For(nodes, ParallelChunks.RowChunk, threads, () => Unmarked(nodes), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, position) =>
        {
            for (int node = first; node < end; node++)
            {
                int begin = rowStart[node], next = begin;
                for (int k = aStart[nodeStart[node]]; k < aStart[nodeStart[node + 1]]; k++)
                {
                    int other = nodeOf[aColumns[k]];
                    int p = position[other];
                    if (p < 0)
                    {
                        position[other] = p = next++;
                        columns[p] = other;
                    }
                    values[p] += aValues[k] * aValues[k];
                }
                for (int p = begin; p < next; p++)
                {
                    position[columns[p]] = -1;
                    values[p] = Math.Sqrt(values[p]);
                }
                SparseProduct.SortRow(columns, values, begin, next);
            }
        });
        return new CsrMatrix(rowStart, columns, values, nodes, validate: false);
    }

    /// <summary>The node of each unknown for the node ranges <paramref name="nodeStart"/>.</summary>
    public static int[] NodeOf(int[] nodeStart)
    {
        var nodeOf = new int[nodeStart[^1]];
        for (int node = 0; node + 1 < nodeStart.Length; node++) nodeOf.AsSpan(nodeStart[node], nodeStart[node + 1] - nodeStart[node]).Fill(node);
        return nodeOf;
    }

    /// <summary>
    /// The aggregate of each unknown from the aggregate of its node, except that an unknown whose
    /// row has no nonzero coupling to another unknown (a constrained one: a Dirichlet row) stays
    /// out of every aggregate, as a node without strong neighbours does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] UnknownAggregates(CsrMatrix a, int[] nodeOf, int[] nodeAggregate)
    {
        var aggregateOf = new int[a.Size];
        for (int i = 0; i < aggregateOf.Length; i++)
        {
            bool coupled = false;
            for (int k = a.RowStart[i]; k < a.RowStart[i + 1] && !coupled; k++) coupled = a.Columns[k] != i && a.Values[k] != 0;
            aggregateOf[i] = coupled ? nodeAggregate[nodeOf[i]] : -1;
        }
        return aggregateOf;
    }

    /// <summary>An array of <paramref name="length"/> entries -1 (a marker or position table).</summary>
    public static int[] Unmarked(int length)
    {
        var marker = new int[length];
        Array.Fill(marker, -1);
        return marker;
    }

    /// <summary>
    /// Greedy aggregation. Pass 1: a node whose strong neighbours are all free forms an aggregate
    /// with them. Pass 2: every other node with strong neighbours joins the pass-1 aggregate of its
    /// first aggregated neighbour. Nodes without strong neighbours (Dirichlet rows, for one) stay
    /// out of every aggregate (-1): the smoother handles them.
    /// </summary>
    /// <returns>The aggregate of each node (-1 for none) and the number of aggregates.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] AggregateOf, int Count) Aggregate(int n, int[] start, int[] neighbours)
    {
        var aggregate = new int[n];
        Array.Fill(aggregate, -1);
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (aggregate[i] >= 0 || start[i] == start[i + 1]) continue;
            bool free = true;
            for (int k = start[i]; k < start[i + 1] && free; k++) free = aggregate[neighbours[k]] < 0;
            if (!free) continue;
            aggregate[i] = count;
            for (int k = start[i]; k < start[i + 1]; k++) aggregate[neighbours[k]] = count;
            count++;
        }
        var firstPass = (int[])aggregate.Clone();
        for (int i = 0; i < n; i++)
        {
            if (aggregate[i] >= 0 || start[i] == start[i + 1]) continue;
            for (int k = start[i]; k < start[i + 1]; k++)
            {
                if (firstPass[neighbours[k]] >= 0)
                {
                    aggregate[i] = firstPass[neighbours[k]];
                    break;
                }
            }
            if (aggregate[i] >= 0) continue;
            // Not reached for a symmetric strength graph (a node skipped in pass 1 has an aggregated neighbour); kept as a safe fallback.
            aggregate[i] = count;
            for (int k = start[i]; k < start[i + 1]; k++)
            {
                if (aggregate[neighbours[k]] < 0) aggregate[neighbours[k]] = count;
            }
            count++;
        }
        return (aggregate, count);
    }
}
