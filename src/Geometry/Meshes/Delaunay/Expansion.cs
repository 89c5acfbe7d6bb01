using System.Runtime.CompilerServices;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Exact arithmetic on floating-point expansions (Shewchuk, "Adaptive precision floating-point
/// arithmetic and fast robust geometric predicates", 1997): a real number is held exactly as a sum
/// of doubles that do not overlap, stored in increasing order of magnitude; its sign is the sign of
/// the last (largest) component. The error-free transformations use fused multiply-add for the
/// rounding error of a product.
/// </summary>
internal static class Expansion
{
    /// <summary>a + b = hi + lo exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TwoSum(double a, double b, out double hi, out double lo)
    {
        hi = a + b;
        double bVirtual = hi - a, aVirtual = hi - bVirtual;
        lo = (a - aVirtual) + (b - bVirtual);
    }

    /// <summary>a - b = hi + lo exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TwoDiff(double a, double b, out double hi, out double lo)
    {
        hi = a - b;
        double bVirtual = a - hi, aVirtual = hi + bVirtual;
        lo = (a - aVirtual) + (bVirtual - b);
    }

    /// <summary>a * b = hi + lo exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TwoProduct(double a, double b, out double hi, out double lo)
    {
        hi = a * b;
        lo = Math.FusedMultiplyAdd(a, b, -hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FastTwoSum(double a, double b, out double hi, out double lo)
    {
        hi = a + b;
        lo = b - (hi - a);
    }

    /// <summary>The exact difference a - b as a two-component expansion written to <paramref name="h"/>.</summary>
    public static int Difference(double a, double b, Span<double> h)
    {
        TwoDiff(a, b, out double hi, out double lo);
        if (lo == 0)
        {
            h[0] = hi;
            return 1;
        }
        h[0] = lo;
        h[1] = hi;
        return 2;
    }

    /// <summary>h = e + f (Shewchuk's fast_expansion_sum_zeroelim); returns the length of h.</summary>
    public static int Sum(ReadOnlySpan<double> e, ReadOnlySpan<double> f, Span<double> h)
    {
        int ei = 0, fi = 0, hi = 0;
        double eNow = e[0], fNow = f[0], q, qNew, hh;
        if ((fNow > eNow) == (fNow > -eNow))
        {
            q = eNow;
            if (++ei < e.Length) eNow = e[ei];
        }
        else
        {
            q = fNow;
            if (++fi < f.Length) fNow = f[fi];
        }
        if (ei < e.Length && fi < f.Length)
        {
            if ((fNow > eNow) == (fNow > -eNow))
            {
                FastTwoSum(eNow, q, out qNew, out hh);
                if (++ei < e.Length) eNow = e[ei];
            }
            else
            {
                FastTwoSum(fNow, q, out qNew, out hh);
                if (++fi < f.Length) fNow = f[fi];
            }
            q = qNew;
            if (hh != 0) h[hi++] = hh;
            while (ei < e.Length && fi < f.Length)
            {
                if ((fNow > eNow) == (fNow > -eNow))
                {
                    TwoSum(q, eNow, out qNew, out hh);
                    if (++ei < e.Length) eNow = e[ei];
                }
                else
                {
                    TwoSum(q, fNow, out qNew, out hh);
                    if (++fi < f.Length) fNow = f[fi];
                }
                q = qNew;
                if (hh != 0) h[hi++] = hh;
            }
        }
        while (ei < e.Length)
        {
            TwoSum(q, eNow, out qNew, out hh);
            if (++ei < e.Length) eNow = e[ei];
            q = qNew;
            if (hh != 0) h[hi++] = hh;
        }
        while (fi < f.Length)
        {
            TwoSum(q, fNow, out qNew, out hh);
            if (++fi < f.Length) fNow = f[fi];
            q = qNew;
            if (hh != 0) h[hi++] = hh;
        }
        if (q != 0 || hi == 0) h[hi++] = q;
        return hi;
    }

    /// <summary>h = b e (Shewchuk's scale_expansion_zeroelim); returns the length of h (at most 2 |e|).</summary>
    public static int Scale(ReadOnlySpan<double> e, double b, Span<double> h)
    {
        int hi = 0;
        TwoProduct(e[0], b, out double q, out double hh);
        if (hh != 0) h[hi++] = hh;
        for (int i = 1; i < e.Length; i++)
        {
            TwoProduct(e[i], b, out double product1, out double product0);
            TwoSum(q, product0, out double sum, out hh);
            if (hh != 0) h[hi++] = hh;
            FastTwoSum(product1, sum, out q, out hh);
            if (hh != 0) h[hi++] = hh;
        }
        if (q != 0 || hi == 0) h[hi++] = q;
        return hi;
    }

    /// <summary>h = e f; <paramref name="scratch"/> needs 4 |e| |f| entries, h 2 |e| |f|. Returns the length of h.</summary>
    public static int Product(ReadOnlySpan<double> e, ReadOnlySpan<double> f, Span<double> h, Span<double> scratch)
    {
        Span<double> term = scratch[..(2 * e.Length)];
        Span<double> accumulated = scratch.Slice(2 * e.Length, 2 * e.Length * f.Length);
        int length = Scale(e, f[0], h);
        for (int i = 1; i < f.Length; i++)
        {
            int termLength = Scale(e, f[i], term);
            h[..length].CopyTo(accumulated);
            length = Sum(accumulated[..length], term[..termLength], h);
        }
        return length;
    }

    /// <summary>The sign of an expansion: the sign of its largest component.</summary>
    public static int Sign(ReadOnlySpan<double> e) => Math.Sign(e[^1]);

    /// <summary>Negates an expansion in place.</summary>
    public static void Negate(Span<double> e)
    {
        for (int i = 0; i < e.Length; i++) e[i] = -e[i];
    }
}
