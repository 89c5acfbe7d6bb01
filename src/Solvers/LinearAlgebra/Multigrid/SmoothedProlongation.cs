using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// The smoothed-aggregation prolongator P = (I - ω D_F⁻¹A_F) T: T is the tentative prolongator
/// fitted to the near-null space on the aggregates (<see cref="TentativeProlongation"/>; for the
/// constants, piecewise constant with unit columns, T_iJ = 1/√|J|), and one damped Jacobi step
/// with ω = damping / ρ(D_F⁻¹A_F) smooths its columns. A_F is A with its weak couplings dropped
/// (the couplings between nodes that are not strong neighbours); for scalar unknowns they are
/// added to the diagonal (row sums kept, so constants stay in its near-null space): for
/// anisotropic problems this keeps P from spreading along the weak direction, which would make
/// the coarse operators dense (Vaněk, Mandel and Brezina 1996, §4). Where every coupling is
/// strong, A_F = A.
/// </summary>
internal static class SmoothedProlongation
{
    /// <summary>Builds P (rows = A's size, columns = the coarse unknowns of <paramref name="tentative"/>).</summary>
    /// <param name="a">A, square.</param>
    /// <param name="nodeOf">The node of each unknown, or null when every unknown is its own node (scalar unknowns).</param>
    /// <param name="strongStart">Start of each node's strong neighbours.</param>
    /// <param name="strong">The strong neighbours (nodes), sorted within each row.</param>
    /// <param name="allStrong">Whether every nonzero coupling of the node matrix is strong (A_F = A).</param>
    /// <param name="aggregateOf">Aggregate of each unknown, -1 for none.</param>
    /// <param name="tentative">T.</param>
    /// <param name="damping">ω·ρ(D_F⁻¹A_F).</param>
    /// <param name="threads">Threads (0: one per core).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsrMatrix Build(CsrMatrix a, int[]? nodeOf, int[] strongStart, int[] strong, bool allStrong, int[] aggregateOf, TentativeProlongation tentative,
        double damping, int threads)
    {
        if (!allStrong) a = Filtered(a, nodeOf, strongStart, strong, threads);
        int n = a.Size, k = tentative.Count, aggregates = tentative.ColumnStart.Length - 1;
        int[] columnStart = tentative.ColumnStart;
        double[] t = tentative.Q;
        var diagonal = a.Diagonal();
        double omega = damping / Spectrum.LanczosEstimate(a, diagonal, Spectrum.LanczosSteps, threads);

        int[] aStart = a.RowStart, aColumns = a.Columns;
        double[] aValues = a.Values;
        var rowStart = new int[n + 1];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, () => Aggregation.Unmarked(aggregates), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, marker) =>
        {
            for (int i = first; i < end; i++)
            {
                int count = 0;
                if (aggregateOf[i] >= 0)
                {
                    marker[aggregateOf[i]] = i;
                    count += columnStart[aggregateOf[i] + 1] - columnStart[aggregateOf[i]];
                }
                for (int p = aStart[i]; p < aStart[i + 1]; p++)
                {
                    int aggregate = aggregateOf[aColumns[p]];
                    if (aggregate < 0 || aValues[p] == 0 || marker[aggregate] == i) continue;
                    marker[aggregate] = i;
                    count += columnStart[aggregate + 1] - columnStart[aggregate];
                }
                rowStart[i + 1] = count;
            }
        });
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var columns = new int[rowStart[n]];
        var values = new double[rowStart[n]];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, () => Aggregation.Unmarked(aggregates), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, position) =>
        {
            for (int i = first; i < end; i++)
            {
                int begin = rowStart[i], next = begin;
                if (aggregateOf[i] >= 0) next = Open(aggregateOf[i], next, position, columns, values, columnStart, t, i * k, 1);
                double scale = diagonal[i] != 0 ? omega / diagonal[i] : 0;
                for (int p = aStart[i]; p < aStart[i + 1]; p++)
                {
                    int j = aColumns[p];
                    int aggregate = aggregateOf[j];
                    if (aggregate < 0 || aValues[p] == 0) continue;
                    double factor = -scale * aValues[p];
                    int at = position[aggregate];
                    if (at < 0)
                    {
                        next = Open(aggregate, next, position, columns, values, columnStart, t, j * k, factor);
                        continue;
                    }
                    int width = columnStart[aggregate + 1] - columnStart[aggregate];
                    for (int m = 0; m < width; m++) values[at + m] += factor * t[j * k + m];
                }
                // The slots hold aggregate numbers, each aggregate's contiguous: number its coarse unknowns and reset the positions.
                for (int p = begin; p < next;)
                {
                    int aggregate = columns[p];
                    position[aggregate] = -1;
                    for (int column = columnStart[aggregate]; column < columnStart[aggregate + 1]; column++) columns[p++] = column;
                }
                SparseProduct.SortRow(columns, values, begin, next);
            }
        });
        return new CsrMatrix(rowStart, columns, values, tentative.Columns, validate: false);
    }

    /// <summary>
    /// Opens the slots of <paramref name="aggregate"/>'s coarse unknowns in a row of P at
    /// <paramref name="next"/> (marked with the aggregate's number), filled with
    /// <paramref name="factor"/> times the row of T that starts at <paramref name="tRow"/>; returns
    /// the next free slot. An aggregate without coarse unknowns opens nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Open(int aggregate, int next, int[] position, int[] columns, double[] values, int[] columnStart, double[] t, int tRow, double factor)
    {
        int width = columnStart[aggregate + 1] - columnStart[aggregate];
        if (width == 0) return next;
        position[aggregate] = next;
        for (int m = 0; m < width; m++)
        {
            columns[next] = aggregate;
            values[next++] = factor * t[tRow + m];
        }
        return next;
    }

    /// <summary>
    /// A_F: the diagonal, the couplings within a node and the couplings to strongly coupled nodes
    /// of A; the weak couplings are dropped, and for scalar unknowns (<paramref name="nodeOf"/> null)
    /// added to the diagonal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CsrMatrix Filtered(CsrMatrix a, int[]? nodeOf, int[] strongStart, int[] strong, int threads)
    {
        int n = a.Size;
        int[] aStart = a.RowStart, aColumns = a.Columns;
        double[] aValues = a.Values;
        // At most A's entries and the diagonal per row; unused slots are marked -1 and dropped.
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + aStart[i + 1] - aStart[i] + 1;
        var columns = new int[rowStart[n]];
        var values = new double[rowStart[n]];
        bool lump = nodeOf is null;
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                int node = nodeOf is null ? i : nodeOf[i];
                int next = rowStart[i], diagonalAt = -1, s = strongStart[node], sEnd = strongStart[node + 1];
                double diagonal = 0, lumped = 0;
                for (int k = aStart[i]; k < aStart[i + 1]; k++)
                {
                    int j = aColumns[k];
                    int other = nodeOf is null ? j : nodeOf[j];
                    while (s < sEnd && strong[s] < other) s++;
                    if (j == i)
                    {
                        if (diagonalAt < 0) diagonalAt = next;
                        diagonal = aValues[k];
                        columns[next++] = i;
                    }
                    else if (other == node || s < sEnd && strong[s] == other)
                    {
                        if (aValues[k] == 0) continue;
                        if (diagonalAt < 0 && j > i)
                        {
                            diagonalAt = next;
                            columns[next++] = i;
                        }
                        columns[next] = j;
                        values[next++] = aValues[k];
                    }
                    else if (lump)
                    {
                        lumped += aValues[k];
                    }
                }
                if (diagonalAt < 0)
                {
                    diagonalAt = next;
                    columns[next++] = i;
                }
                double filtered = diagonal + lumped;
                values[diagonalAt] = filtered != 0 && Math.Sign(filtered) == Math.Sign(diagonal) ? filtered : diagonal;
                for (; next < rowStart[i + 1]; next++) columns[next] = -1;
            }
        });
        return Compacted(n, a.ColumnCount, rowStart, columns, values);
    }

    /// <summary>Drops the slots marked -1 (strong pairs whose entry in A is zero) from a pattern filled row by row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CsrMatrix Compacted(int n, int columnCount, int[] rowStart, int[] columns, double[] values)
    {
        var start = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                if (columns[k] < 0) continue;
                columns[count] = columns[k];
                values[count++] = values[k];
            }
            start[i + 1] = count;
        }
        Array.Resize(ref columns, count);
        Array.Resize(ref values, count);
        return new CsrMatrix(start, columns, values, columnCount, validate: false);
    }
}
