using System.Runtime.CompilerServices;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Robust orientation and in-circle tests. Each test first evaluates the determinant in plain
/// double arithmetic and accepts its sign when the magnitude exceeds Shewchuk's a-priori bound on
/// the rounding error (his "stage A" filter); only the rare undecided cases are evaluated exactly
/// with floating-point expansions (<see cref="Expansion"/>). Why this design: a triangulation built
/// on inexact signs can loop or tangle on nearly cocircular input (points on a circle, lattices),
/// and the filter decides almost every call at the cost of a few extra flops, while the exact path
/// needs no heap allocation and is far cheaper than BigInteger or decimal arithmetic (decimal is
/// not even exact for products of doubles). Shewchuk's intermediate adaptive stages are left out:
/// they only speed up the rare fallback.
/// </summary>
internal static class Predicates
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53, half an ulp of 1
    private const double OrientBound = (3.0 + 16.0 * Epsilon) * Epsilon;
    private const double InCircleBound = (10.0 + 96.0 * Epsilon) * Epsilon;

    /// <summary>+1 when a, b, c turn counter-clockwise, -1 clockwise, 0 when collinear (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Orient(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double left = (ax - cx) * (by - cy), right = (ay - cy) * (bx - cx), det = left - right;
        double sum;
        if (left > 0)
        {
            if (right <= 0) return Math.Sign(det);
            sum = left + right;
        }
        else if (left < 0)
        {
            if (right >= 0) return Math.Sign(det);
            sum = -left - right;
        }
        else
        {
            return Math.Sign(det);
        }
        return Math.Abs(det) >= OrientBound * sum ? Math.Sign(det) : OrientExact(ax, ay, bx, by, cx, cy);
    }

    /// <summary>
    /// +1 when d lies strictly inside the circle through the counter-clockwise triangle a, b, c,
    /// -1 outside, 0 on it (exactly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InCircle(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        double adx = ax - dx, ady = ay - dy, bdx = bx - dx, bdy = by - dy, cdx = cx - dx, cdy = cy - dy;
        double bdxcdy = bdx * cdy, cdxbdy = cdx * bdy, alift = adx * adx + ady * ady;
        double cdxady = cdx * ady, adxcdy = adx * cdy, blift = bdx * bdx + bdy * bdy;
        double adxbdy = adx * bdy, bdxady = bdx * ady, clift = cdx * cdx + cdy * cdy;
        double det = alift * (bdxcdy - cdxbdy) + blift * (cdxady - adxcdy) + clift * (adxbdy - bdxady);
        double permanent = (Math.Abs(bdxcdy) + Math.Abs(cdxbdy)) * alift
                           + (Math.Abs(cdxady) + Math.Abs(adxcdy)) * blift
                           + (Math.Abs(adxbdy) + Math.Abs(bdxady)) * clift;
        return Math.Abs(det) > InCircleBound * permanent ? Math.Sign(det) : InCircleExact(ax, ay, bx, by, cx, cy, dx, dy);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrientExact(double ax, double ay, double bx, double by, double cx, double cy)
    {
        Span<double> acx = stackalloc double[2], bcy = stackalloc double[2], acy = stackalloc double[2], bcx = stackalloc double[2];
        Span<double> left = stackalloc double[8], right = stackalloc double[8], det = stackalloc double[16], scratch = stackalloc double[16];
        var ax_ = acx[..Expansion.Difference(ax, cx, acx)];
        var by_ = bcy[..Expansion.Difference(by, cy, bcy)];
        var ay_ = acy[..Expansion.Difference(ay, cy, acy)];
        var bx_ = bcx[..Expansion.Difference(bx, cx, bcx)];
        int l = Expansion.Product(ax_, by_, left, scratch);
        int r = Expansion.Product(ay_, bx_, right, scratch);
        Expansion.Negate(right[..r]);
        int n = Expansion.Sum(left[..l], right[..r], det);
        return Expansion.Sign(det[..n]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int InCircleExact(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        Span<double> differences = stackalloc double[12];
        Span<double> scratch = stackalloc double[1024];
        Span<double> lift = stackalloc double[16], cross = stackalloc double[16], t1 = stackalloc double[8], t2 = stackalloc double[8];
        Span<double> term = stackalloc double[512], total = stackalloc double[1536], next = stackalloc double[1536];
        int ax_ = Expansion.Difference(ax, dx, differences[0..]), ay_ = Expansion.Difference(ay, dy, differences[2..]);
        int bx_ = Expansion.Difference(bx, dx, differences[4..]), by_ = Expansion.Difference(by, dy, differences[6..]);
        int cx_ = Expansion.Difference(cx, dx, differences[8..]), cy_ = Expansion.Difference(cy, dy, differences[10..]);
        ReadOnlySpan<double> adx = differences.Slice(0, ax_), ady = differences.Slice(2, ay_);
        ReadOnlySpan<double> bdx = differences.Slice(4, bx_), bdy = differences.Slice(6, by_);
        ReadOnlySpan<double> cdx = differences.Slice(8, cx_), cdy = differences.Slice(10, cy_);

        // det = |a-d|² ((b-d) x (c-d)) + |b-d|² ((c-d) x (a-d)) + |c-d|² ((a-d) x (b-d))
        int totalLength = 0;
        for (int k = 0; k < 3; k++)
        {
            ReadOnlySpan<double> lx = k == 0 ? adx : k == 1 ? bdx : cdx, ly = k == 0 ? ady : k == 1 ? bdy : cdy;
            ReadOnlySpan<double> px = k == 0 ? bdx : k == 1 ? cdx : adx, py = k == 0 ? bdy : k == 1 ? cdy : ady;
            ReadOnlySpan<double> qx = k == 0 ? cdx : k == 1 ? adx : bdx, qy = k == 0 ? cdy : k == 1 ? ady : bdy;
            int n1 = Expansion.Product(lx, lx, t1, scratch), n2 = Expansion.Product(ly, ly, t2, scratch);
            int liftLength = Expansion.Sum(t1[..n1], t2[..n2], lift);
            n1 = Expansion.Product(px, qy, t1, scratch);
            n2 = Expansion.Product(py, qx, t2, scratch);
            Expansion.Negate(t2[..n2]);
            int crossLength = Expansion.Sum(t1[..n1], t2[..n2], cross);
            int termLength = Expansion.Product(lift[..liftLength], cross[..crossLength], term, scratch);
            if (totalLength == 0)
            {
                term[..termLength].CopyTo(total);
                totalLength = termLength;
            }
            else
            {
                total[..totalLength].CopyTo(next);
                totalLength = Expansion.Sum(next[..totalLength], term[..termLength], total);
            }
        }
        return Expansion.Sign(total[..totalLength]);
    }
}
