using System.Runtime.CompilerServices;
using static PdeNet.Solvers.LinearAlgebra.ParallelChunks;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Sparse matrix products C = A B in CSR form by Gustavson's row-by-row algorithm: a symbolic pass
/// counts each row of C with a marker array, a numeric pass fills it with a position array, and
/// each row is then sorted by column. Rows are split over threads; every row is computed by one
/// thread in a fixed order, so the result does not depend on the thread count.
/// </summary>
internal static class SparseProduct
{
    /// <summary>C = A B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CsrMatrix Multiply(CsrMatrix a, CsrMatrix b, int threads)
    {
        if (a.ColumnCount != b.Size) throw new ArgumentException($"cannot multiply a {a.Size} × {a.ColumnCount} matrix by a {b.Size} × {b.ColumnCount} one", nameof(b));
        int rows = a.Size, columnCount = b.ColumnCount;
        var rowStart = new int[rows + 1];
        For(rows, RowChunk, threads, () => NewMarker(columnCount), (start, end, marker) => CountRows(a, b, rowStart, marker, start, end));
        for (int i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
        var columns = new int[rowStart[rows]];
        var values = new double[rowStart[rows]];
        For(rows, RowChunk, threads, () => NewMarker(columnCount), (start, end, position) => FillRows(a, b, rowStart, columns, values, position, start, end));
        return new CsrMatrix(rowStart, columns, values, columnCount);
    }

    /// <summary>The Galerkin product Pᵀ A P = R (A P) with R = Pᵀ given.</summary>
    public static CsrMatrix Galerkin(CsrMatrix restriction, CsrMatrix a, CsrMatrix prolongation, int threads) =>
        Multiply(restriction, Multiply(a, prolongation, threads), threads);

    private static int[] NewMarker(int length)
    {
        var marker = new int[length];
        Array.Fill(marker, -1);
        return marker;
    }

    /// <summary>Stores the number of entries of rows [start, end) of A B in rowStart[i + 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountRows(CsrMatrix a, CsrMatrix b, int[] rowStart, int[] marker, int start, int end)
    {
        int[] aStart = a.RowStart, aColumns = a.Columns, bStart = b.RowStart, bColumns = b.Columns;
        double[] aValues = a.Values;
        for (int i = start; i < end; i++)
        {
            int count = 0;
            for (int ka = aStart[i]; ka < aStart[i + 1]; ka++)
            {
                if (aValues[ka] == 0) continue;
                int k = aColumns[ka];
                for (int kb = bStart[k]; kb < bStart[k + 1]; kb++)
                {
                    int j = bColumns[kb];
                    if (marker[j] == i) continue;
                    marker[j] = i;
                    count++;
                }
            }
            rowStart[i + 1] = count;
        }
    }

    /// <summary>Fills rows [start, end) of A B; <paramref name="position"/> is all -1 on entry and exit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillRows(CsrMatrix a, CsrMatrix b, int[] rowStart, int[] columns, double[] values, int[] position, int start, int end)
    {
        int[] aStart = a.RowStart, aColumns = a.Columns, bStart = b.RowStart, bColumns = b.Columns;
        double[] aValues = a.Values, bValues = b.Values;
        for (int i = start; i < end; i++)
        {
            int first = rowStart[i], next = first;
            for (int ka = aStart[i]; ka < aStart[i + 1]; ka++)
            {
                double aik = aValues[ka];
                if (aik == 0) continue;
                int k = aColumns[ka];
                for (int kb = bStart[k]; kb < bStart[k + 1]; kb++)
                {
                    int j = bColumns[kb];
                    int p = position[j];
                    if (p < 0)
                    {
                        position[j] = next;
                        columns[next] = j;
                        values[next++] = aik * bValues[kb];
                    }
                    else
                    {
                        values[p] += aik * bValues[kb];
                    }
                }
            }
            for (int p = first; p < next; p++) position[columns[p]] = -1;
            SortRow(columns, values, first, next);
        }
    }

    /// <summary>Sorts entries [first, end) by column: insertion sort for the short rows of multigrid operators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SortRow(int[] columns, double[] values, int first, int end)
    {
        if (end - first > 48)
        {
            Array.Sort(columns, values, first, end - first);
            return;
        }
        for (int p = first + 1; p < end; p++)
        {
            int column = columns[p];
            double value = values[p];
            int q = p - 1;
            while (q >= first && columns[q] > column)
            {
                columns[q + 1] = columns[q];
                values[q + 1] = values[q];
                q--;
            }
            columns[q + 1] = column;
            values[q + 1] = value;
        }
    }
}
