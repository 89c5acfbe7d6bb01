using System.Runtime.CompilerServices;
namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// The tentative prolongator T of smoothed aggregation fitted to a near-null space B (n × k):
/// for each aggregate J, the rows B_J of its unknowns are factored B_J = Q_J R_J by modified
/// Gram–Schmidt (with one reorthogonalisation), and T holds Q_J in the columns of J, so that
/// T R = B: the coarse space reproduces B exactly and R (one row per coarse unknown) is the
/// near-null space of the coarse level (Vaněk, Brezina and Mandel 2001). Columns of B_J that
/// depend on earlier ones (an aggregate too small to tell all modes apart) are dropped, so J has
/// r_J = rank(B_J) ≤ k coarse unknowns, which form one coarse node. For k = 1 and B = 1 this is
/// the piecewise constant T_iJ = 1/√|J|.
/// </summary>
/// <param name="Q">Row i of T: its r_J values in entries i·k ..  i·k + r_J - 1 (shape (n, k) row-major; zero rows for unknowns in no aggregate).</param>
/// <param name="Count">k, the stride of <paramref name="Q"/>.</param>
/// <param name="ColumnStart">Coarse unknowns of aggregate J: ColumnStart[J] .. ColumnStart[J + 1] - 1 (length aggregates + 1).</param>
/// <param name="CoarseVectors">R, the coarse near-null space, shape (coarse unknowns, k) row-major.</param>
internal sealed record TentativeProlongation(double[] Q, int Count, int[] ColumnStart, double[] CoarseVectors)
{
    /// <summary>A column whose norm falls below this fraction of its norm before orthogonalisation counts as dependent.</summary>
    public const double DependenceTolerance = 1e-10;

    /// <summary>Number of coarse unknowns (columns of T).</summary>
    public int Columns => ColumnStart[^1];

    /// <summary>Fits T to <paramref name="vectors"/> on the aggregates.</summary>
    /// <param name="vectors">B, shape (n, <paramref name="count"/>) row-major.</param>
    /// <param name="count">k.</param>
    /// <param name="aggregateOf">Aggregate of each unknown, -1 for none.</param>
    /// <param name="aggregates">Number of aggregates.</param>
    /// <param name="threads">Threads (0: one per core); the result does not depend on it.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TentativeProlongation Fit(double[] vectors, int count, int[] aggregateOf, int aggregates, int threads)
    {
        int n = aggregateOf.Length, k = count;
        // The unknowns of each aggregate, in increasing order (a counting sort).
        var memberStart = new int[aggregates + 1];
        foreach (int j in aggregateOf)
        {
            if (j >= 0) memberStart[j + 1]++;
        }
        for (int j = 0; j < aggregates; j++) memberStart[j + 1] += memberStart[j];
        var members = new int[memberStart[aggregates]];
        var next = (int[])memberStart.Clone();
        for (int i = 0; i < n; i++)
        {
            if (aggregateOf[i] >= 0) members[next[aggregateOf[i]]++] = i;
        }

        var q = new double[n * k];
        var r = new double[aggregates * k * k];   // R_J, row-major k × k; rows beyond rank(B_J) unused
        var rank = new int[aggregates];
        ParallelChunks.For(aggregates, ParallelChunks.RowChunk, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, end) =>
        {
            for (int j = first; j < end; j++) rank[j] = Factor(vectors, q, r.AsSpan(j * k * k, k * k), members.AsSpan(memberStart[j], memberStart[j + 1] - memberStart[j]), k);
        });

        var columnStart = new int[aggregates + 1];
        for (int j = 0; j < aggregates; j++) columnStart[j + 1] = columnStart[j] + rank[j];
        var coarse = new double[columnStart[aggregates] * k];
        for (int j = 0; j < aggregates; j++)
        {
            r.AsSpan(j * k * k, rank[j] * k).CopyTo(coarse.AsSpan(columnStart[j] * k));
        }
        return new TentativeProlongation(q, k, columnStart, coarse);
    }

    /// <summary>
    /// B_J = Q_J R_J for the rows <paramref name="rows"/> of B: writes Q_J into those rows of
    /// <paramref name="q"/> (kept columns first) and R_J into <paramref name="r"/>; returns the rank.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Factor(double[] b, double[] q, Span<double> r, ReadOnlySpan<int> rows, int k)
    {
        foreach (int i in rows) Array.Copy(b, i * k, q, i * k, k);
        r.Clear();
        int rank = 0;
        for (int c = 0; c < k; c++)
        {
            double original = ColumnDot(q, rows, k, c, c);
            // Subtract the projections on the kept columns, twice (Gram–Schmidt with reorthogonalisation).
            for (int pass = 0; pass < 2; pass++)
            {
                for (int l = 0; l < rank; l++)
                {
                    double projection = ColumnDot(q, rows, k, l, c);
                    r[l * k + c] += projection;
                    foreach (int i in rows) q[i * k + c] -= projection * q[i * k + l];
                }
            }
            double norm = Math.Sqrt(ColumnDot(q, rows, k, c, c));
            if (!(norm > DependenceTolerance * Math.Sqrt(original))) continue;
            r[rank * k + c] = norm;
            foreach (int i in rows) q[i * k + rank] = q[i * k + c] / norm;
            rank++;
        }
        foreach (int i in rows) q.AsSpan(i * k + rank, k - rank).Clear();
        return rank;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ColumnDot(double[] q, ReadOnlySpan<int> rows, int k, int a, int b)
    {
        double sum = 0;
        foreach (int i in rows) sum += q[i * k + a] * q[i * k + b];
        return sum;
    }
}
