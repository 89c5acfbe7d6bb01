using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static PdeNet.Solvers.LinearAlgebra.ParallelChunks;

namespace PdeNet.Solvers.LinearAlgebra;

/// <summary>
/// Dense vector operations shared by the Krylov solvers, multigrid and Newton's method. Sums are
/// taken chunk by chunk (<see cref="ParallelChunks.VectorChunk"/>) and the chunk sums added in
/// order, so a result is the same bit for bit with one thread or several. The array overloads
/// with a thread count run in parallel; the span overloads run on the calling thread.
/// </summary>
internal static class VectorOperations
{
    /// <summary>aᵀb.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"vectors of lengths {a.Length} and {b.Length} have no dot product", nameof(b));
        double total = 0;
        for (int start = 0; start < a.Length; start += VectorChunk)
        {
            int length = Math.Min(VectorChunk, a.Length - start);
            total += DotRange(a.Slice(start, length), b.Slice(start, length));
        }
        return total;
    }

    /// <summary>aᵀb, in parallel with up to <paramref name="threads"/> threads (0: one per core).</summary>
    public static double Dot(double[] a, double[] b, int threads) =>
        ParallelChunks.Parallel(Count(a.Length, VectorChunk), threads) ? DotParallel(a, b, threads) : Dot(a, (ReadOnlySpan<double>)b);

    /// <summary>‖a‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>‖a‖₂, in parallel.</summary>
    public static double Norm(double[] a, int threads) => Math.Sqrt(Dot(a, a, threads));

    /// <summary>r = b - A x, returning ‖b‖ (1 when b = 0, so relative residuals stay defined).</summary>
    public static double Residual(CsrMatrix matrix, ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> r)
    {
        matrix.Multiply(x, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
        double normB = Norm(b);
        return normB == 0 ? 1 : normB;
    }

    /// <summary>r = b - A x in parallel, returning ‖b‖ (1 when b = 0).</summary>
    public static double Residual(CsrMatrix matrix, double[] b, double[] x, double[] r, int threads)
    {
        matrix.Residual(b, x, r, threads);
        double normB = Norm(b, threads);
        return normB == 0 ? 1 : normB;
    }

    /// <summary>y += α x.</summary>
    public static void Axpy(double alpha, double[] x, double[] y, int threads)
    {
        if (ParallelChunks.Parallel(Count(y.Length, VectorChunk), threads)) AxpyParallel(alpha, x, y, threads);
        else AxpyRange(alpha, x, y, 0, y.Length);
    }

    /// <summary>y = x + β y.</summary>
    public static void Xpby(double[] x, double beta, double[] y, int threads)
    {
        if (ParallelChunks.Parallel(Count(y.Length, VectorChunk), threads)) XpbyParallel(x, beta, y, threads);
        else XpbyRange(x, beta, y, 0, y.Length);
    }

    /// <summary>y = α x.</summary>
    public static void Scale(double alpha, double[] x, double[] y, int threads)
    {
        if (ParallelChunks.Parallel(Count(y.Length, VectorChunk), threads)) ScaleParallel(alpha, x, y, threads);
        else ScaleRange(alpha, x, y, 0, y.Length);
    }

    /// <summary>The conjugate-gradient update x += α p, r -= α q, returning ‖r‖² afterwards.</summary>
    public static double UpdateSolutionAndResidual(double alpha, double[] p, double[] q, double[] x, double[] r, int threads)
    {
        if (ParallelChunks.Parallel(Count(r.Length, VectorChunk), threads)) return UpdateParallel(alpha, p, q, x, r, threads);
        double total = 0;
        for (int start = 0; start < r.Length; start += VectorChunk) total += UpdateRange(alpha, p, q, x, r, start, Math.Min(r.Length, start + VectorChunk));
        return total;
    }

    private static double DotParallel(double[] a, double[] b, int threads) =>
        Sum(a.Length, VectorChunk, threads, (s, e) => DotRange(a.AsSpan(s, e - s), b.AsSpan(s, e - s)));

    private static void ScaleParallel(double alpha, double[] x, double[] y, int threads) => For(y.Length, VectorChunk, threads, (s, e) => ScaleRange(alpha, x, y, s, e));

    private static void AxpyParallel(double alpha, double[] x, double[] y, int threads) => For(y.Length, VectorChunk, threads, (s, e) => AxpyRange(alpha, x, y, s, e));

    private static void XpbyParallel(double[] x, double beta, double[] y, int threads) => For(y.Length, VectorChunk, threads, (s, e) => XpbyRange(x, beta, y, s, e));

    private static double UpdateParallel(double alpha, double[] p, double[] q, double[] x, double[] r, int threads) =>
        Sum(r.Length, VectorChunk, threads, (s, e) => UpdateRange(alpha, p, q, x, r, s, e));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double DotRange(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = a.Length;
        for (; i + 3 < n; i += 4)
        {
            s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
            s1 += Unsafe.Add(ref pa, i + 1) * Unsafe.Add(ref pb, i + 1);
            s2 += Unsafe.Add(ref pa, i + 2) * Unsafe.Add(ref pb, i + 2);
            s3 += Unsafe.Add(ref pa, i + 3) * Unsafe.Add(ref pb, i + 3);
        }
        for (; i < n; i++) s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
        return (s0 + s1) + (s2 + s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AxpyRange(double alpha, double[] x, double[] y, int start, int end)
    {
        var xs = x.AsSpan(start, end - start);
        var ys = y.AsSpan(start, end - start);
        for (int i = 0; i < ys.Length; i++) ys[i] += alpha * xs[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void XpbyRange(double[] x, double beta, double[] y, int start, int end)
    {
        var xs = x.AsSpan(start, end - start);
        var ys = y.AsSpan(start, end - start);
        for (int i = 0; i < ys.Length; i++) ys[i] = xs[i] + beta * ys[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaleRange(double alpha, double[] x, double[] y, int start, int end)
    {
        var xs = x.AsSpan(start, end - start);
        var ys = y.AsSpan(start, end - start);
        for (int i = 0; i < ys.Length; i++) ys[i] = alpha * xs[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double UpdateRange(double alpha, double[] p, double[] q, double[] x, double[] r, int start, int end)
    {
        int n = end - start;
        var ps = p.AsSpan(start, n);
        var qs = q.AsSpan(start, n);
        var xs = x.AsSpan(start, n);
        var rs = r.AsSpan(start, n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            xs[i] += alpha * ps[i];
            double ri = rs[i] - alpha * qs[i];
            rs[i] = ri;
            sum += ri * ri;
        }
        return sum;
    }
}
