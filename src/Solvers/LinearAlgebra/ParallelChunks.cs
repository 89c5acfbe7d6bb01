namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Loops over an index range cut into chunks of a fixed size, run in parallel when more than one
/// thread is allowed and there is more than one chunk. The chunks do not depend on the thread
/// count, so a reduction that sums per-chunk partial results in chunk order gives bit-for-bit the
/// same value with any number of threads.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Elements per chunk of a vector operation.</summary>
    public const int VectorChunk = 8192;

    /// <summary>Rows per chunk of a sparse matrix operation.</summary>
    public const int RowChunk = 2048;

    private static readonly ParallelOptions?[] Options = new ParallelOptions?[1024];

    /// <summary>The thread count meant by <paramref name="threads"/>: itself when positive, one per core when 0 or less.</summary>
    public static int Resolve(int threads) => threads > 0 ? threads : Environment.ProcessorCount;

    /// <summary>Number of chunks of <paramref name="chunk"/> elements covering <paramref name="length"/>.</summary>
    public static int Count(int length, int chunk) => (length + chunk - 1) / chunk;

    /// <summary>Whether a loop of <paramref name="chunks"/> chunks runs in parallel with <paramref name="threads"/> threads.</summary>
    public static bool Parallel(int chunks, int threads) => chunks > 1 && Resolve(threads) > 1;

    /// <summary>Cached <see cref="ParallelOptions"/> limiting the degree of parallelism.</summary>
    public static ParallelOptions OptionsFor(int threads)
    {
        int t = Math.Min(Resolve(threads), Options.Length - 1);
        return Options[t] ??= new ParallelOptions { MaxDegreeOfParallelism = t };
    }

    /// <summary>Runs <paramref name="body"/>(start, end) on every chunk of [0, length).</summary>
    public static void For(int length, int chunk, int threads, Action<int, int> body)
    {
        int chunks = Count(length, chunk);
        if (!Parallel(chunks, threads))
        {
            for (int c = 0; c < chunks; c++) body(c * chunk, Math.Min(length, (c + 1) * chunk));
            return;
        }
        System.Threading.Tasks.Parallel.For(0, chunks, OptionsFor(threads), c => body(c * chunk, Math.Min(length, (c + 1) * chunk)));
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, end, scratch) on every chunk of [0, length), each task
    /// with its own scratch object made by <paramref name="scratch"/>.
    /// </summary>
    public static void For<TScratch>(int length, int chunk, int threads, Func<TScratch> scratch, Action<int, int, TScratch> body)
    {
        int chunks = Count(length, chunk);
        if (!Parallel(chunks, threads))
        {
            var local = scratch();
            for (int c = 0; c < chunks; c++) body(c * chunk, Math.Min(length, (c + 1) * chunk), local);
            return;
        }
        System.Threading.Tasks.Parallel.For(0, chunks, OptionsFor(threads), scratch,
            (c, _, local) =>
            {
                body(c * chunk, Math.Min(length, (c + 1) * chunk), local);
                return local;
            },
            _ => { });
    }

    /// <summary>
    /// Σ over chunks of <paramref name="body"/>(start, end), the partial sums added in chunk order
    /// (so the result does not depend on the thread count).
    /// </summary>
    public static double Sum(int length, int chunk, int threads, Func<int, int, double> body)
    {
        int chunks = Count(length, chunk);
        if (!Parallel(chunks, threads))
        {
            double total = 0;
            for (int c = 0; c < chunks; c++) total += body(c * chunk, Math.Min(length, (c + 1) * chunk));
            return total;
        }
        var partial = new double[chunks];
        System.Threading.Tasks.Parallel.For(0, chunks, OptionsFor(threads), c => partial[c] = body(c * chunk, Math.Min(length, (c + 1) * chunk)));
        double sum = 0;
        for (int c = 0; c < chunks; c++) sum += partial[c];
        return sum;
    }

    /// <summary>The largest of <paramref name="body"/>(start, end) over the chunks (negative infinity for none).</summary>
    public static double Max(int length, int chunk, int threads, Func<int, int, double> body)
    {
        int chunks = Count(length, chunk);
        var partial = new double[chunks];
        if (!Parallel(chunks, threads))
        {
            for (int c = 0; c < chunks; c++) partial[c] = body(c * chunk, Math.Min(length, (c + 1) * chunk));
        }
        else
        {
            System.Threading.Tasks.Parallel.For(0, chunks, OptionsFor(threads), c => partial[c] = body(c * chunk, Math.Min(length, (c + 1) * chunk)));
        }
        double max = double.NegativeInfinity;
        foreach (double value in partial) max = Math.Max(max, value);
        return max;
    }
}
