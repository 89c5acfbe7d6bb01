using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// The smoothed-aggregation prolongator P = (I - ω D_F⁻¹A_F) T: T is the tentative prolongator,
/// piecewise constant on the aggregates and scaled to unit columns (T_iJ = 1/√|J| for i in
/// aggregate J), and one damped Jacobi step with ω = damping / ρ(D_F⁻¹A_F) smooths its columns.
/// A_F is A with its weak couplings dropped and added to the diagonal (row sums kept, so
/// constants stay in its near-null space): for anisotropic problems this keeps P from spreading
/// along the weak direction, which would make the coarse operators dense (Vaněk, Mandel and
/// Brezina 1996, §4). Where every coupling is strong, A_F = A.
/// </summary>
internal static class SmoothedProlongation
{
    /// <summary>Builds P (rows = A's size, columns = <paramref name="aggregates"/>).</summary>
    /// <param name="a">A, square.</param>
    /// <param name="strongStart">Start of each row's strong neighbours.</param>
    /// <param name="strong">The strong neighbours, sorted within each row.</param>
    /// <param name="allStrong">Whether every nonzero coupling of A is strong (A_F = A).</param>
    /// <param name="aggregateOf">Aggregate of each node, -1 for none.</param>
    /// <param name="aggregates">Number of aggregates (columns of P).</param>
    /// <param name="damping">ω·ρ(D_F⁻¹A_F).</param>
    /// <param name="threads">Threads (0: one per core).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsrMatrix Build(CsrMatrix a, int[] strongStart, int[] strong, bool allStrong, int[] aggregateOf, int aggregates, double damping, int threads)
    {
        if (!allStrong) a = Filtered(a, strongStart, strong, threads);
        int n = a.Size;
        var size = new int[aggregates];
        foreach (int j in aggregateOf)
        {
            if (j >= 0) size[j]++;
        }
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = aggregateOf[i] >= 0 ? 1 / Math.Sqrt(size[aggregateOf[i]]) : 0;
        var diagonal = a.Diagonal();
        double omega = damping / Spectrum.LanczosEstimate(a, diagonal, Spectrum.LanczosSteps, threads);

        int[] aStart = a.RowStart, aColumns = a.Columns;
        double[] aValues = a.Values;
        var rowStart = new int[n + 1];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, () => Marker(aggregates), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, marker) =>
        {
            for (int i = first; i < end; i++)
            {
                int count = 0;
                if (aggregateOf[i] >= 0)
                {
                    marker[aggregateOf[i]] = i;
                    count++;
                }
                for (int k = aStart[i]; k < aStart[i + 1]; k++)
                {
                    int aggregate = aggregateOf[aColumns[k]];
                    if (aggregate < 0 || aValues[k] == 0 || marker[aggregate] == i) continue;
                    marker[aggregate] = i;
                    count++;
                }
                rowStart[i + 1] = count;
            }
        });
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var columns = new int[rowStart[n]];
        var values = new double[rowStart[n]];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, () => Marker(aggregates), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end, position) =>
        {
            for (int i = first; i < end; i++)
            {
                int begin = rowStart[i], next = begin;
                if (aggregateOf[i] >= 0)
                {
                    position[aggregateOf[i]] = next;
                    columns[next] = aggregateOf[i];
                    values[next++] = t[i];
                }
                double scale = diagonal[i] != 0 ? omega / diagonal[i] : 0;
                for (int k = aStart[i]; k < aStart[i + 1]; k++)
                {
                    int j = aColumns[k];
                    int aggregate = aggregateOf[j];
                    if (aggregate < 0 || aValues[k] == 0) continue;
                    double contribution = -scale * aValues[k] * t[j];
                    int p = position[aggregate];
                    if (p < 0)
                    {
                        position[aggregate] = next;
                        columns[next] = aggregate;
                        values[next++] = contribution;
                    }
                    else
                    {
                        values[p] += contribution;
                    }
                }
                for (int p = begin; p < next; p++) position[columns[p]] = -1;
                SparseProduct.SortRow(columns, values, begin, next);
            }
        });
        return new CsrMatrix(rowStart, columns, values, aggregates, validate: false);
    }

    /// <summary>A_F: the diagonal and the strong couplings of A, the weak couplings added to the diagonal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CsrMatrix Filtered(CsrMatrix a, int[] strongStart, int[] strong, int threads)
    {
        int n = a.Size;
        int[] aStart = a.RowStart, aColumns = a.Columns;
        double[] aValues = a.Values;
        // At most the strong neighbours and the diagonal per row; unused slots are marked -1 and dropped.
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + strongStart[i + 1] - strongStart[i] + 1;
        var columns = new int[rowStart[n]];
        var values = new double[rowStart[n]];
        ParallelChunks.For(n, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int i = first; i < end; i++)
            {
                int next = rowStart[i], diagonalAt = -1, s = strongStart[i], sEnd = strongStart[i + 1];
                double diagonal = 0, lumped = 0;
                for (int k = aStart[i]; k < aStart[i + 1]; k++)
                {
                    int j = aColumns[k];
                    while (s < sEnd && strong[s] < j) s++;
                    if (j == i)
                    {
                        if (diagonalAt < 0) diagonalAt = next;
                        diagonal = aValues[k];
                        columns[next++] = i;
                    }
                    else if (s < sEnd && strong[s] == j)
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
                    else
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

    private static int[] Marker(int length)
    {
        var marker = new int[length];
        Array.Fill(marker, -1);
        return marker;
    }
}
