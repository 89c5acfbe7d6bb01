using System.Runtime.CompilerServices;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>Shape measures of a plane triangle given by its corner coordinates.</summary>
internal static class TriangleShape
{
    /// <summary>The circumcentre, or false for a degenerate (collinear) triangle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Circumcentre(double ax, double ay, double bx, double by, double cx, double cy, out double x, out double y)
    {
        double bxr = bx - ax, byr = by - ay, cxr = cx - ax, cyr = cy - ay;
        double d = 2 * (bxr * cyr - byr * cxr);
        double b2 = bxr * bxr + byr * byr, c2 = cxr * cxr + cyr * cyr;
        x = ax + (cyr * b2 - byr * c2) / d;
        y = ay + (bxr * c2 - cxr * b2) / d;
        return d != 0 && double.IsFinite(x) && double.IsFinite(y);
    }

    /// <summary>Squared circumradius, infinite for a degenerate triangle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CircumradiusSquared(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double bxr = bx - ax, byr = by - ay, cxr = cx - ax, cyr = cy - ay;
        double d = 2 * (bxr * cyr - byr * cxr);
        if (d == 0) return double.PositiveInfinity;
        double b2 = bxr * bxr + byr * byr, c2 = cxr * cxr + cyr * cyr;
        double ux = (cyr * b2 - byr * c2) / d, uy = (bxr * c2 - cxr * b2) / d;
        return ux * ux + uy * uy;
    }

    /// <summary>
    /// Cosine of the smallest angle (the angle opposite the shortest edge); larger means worse.
    /// Cheaper than the angle itself and ordered the same way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CosineOfSmallestAngle(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double a2 = (bx - cx) * (bx - cx) + (by - cy) * (by - cy);
        double b2 = (cx - ax) * (cx - ax) + (cy - ay) * (cy - ay);
        double c2 = (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
        // Put the shortest edge in a2.
        if (b2 < a2) (a2, b2) = (b2, a2);
        if (c2 < a2) (a2, c2) = (c2, a2);
        double denominator = 2 * Math.Sqrt(b2 * c2);
        return denominator > 0 ? (b2 + c2 - a2) / denominator : 1;
    }

    /// <summary>The three interior angles in radians, written to <paramref name="angles"/>.</summary>
    public static void Angles(double ax, double ay, double bx, double by, double cx, double cy, Span<double> angles)
    {
        angles[0] = Angle(bx - ax, by - ay, cx - ax, cy - ay);
        angles[1] = Angle(cx - bx, cy - by, ax - bx, ay - by);
        angles[2] = Math.Max(0, Math.PI - angles[0] - angles[1]);
    }

    /// <summary>The angle between two vectors, radians in [0, π].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Angle(double ux, double uy, double vx, double vy) =>
        Math.Atan2(Math.Abs(ux * vy - uy * vx), ux * vx + uy * vy);

    /// <summary>
    /// Aspect ratio R / (2 r) of circumradius R to twice the inradius r: 1 for the equilateral
    /// triangle, growing without bound as the triangle degenerates (infinite when flat).
    /// </summary>
    public static double AspectRatio(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double a = Math.Sqrt((bx - cx) * (bx - cx) + (by - cy) * (by - cy));
        double b = Math.Sqrt((cx - ax) * (cx - ax) + (cy - ay) * (cy - ay));
        double c = Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
        // R = abc / (4 A), r = A / s with s = (a + b + c) / 2, and 16 A^2 = (a+b+c)(-a+b+c)(a-b+c)(a+b-c),
        // so R / (2 r) = abc / ((-a+b+c)(a-b+c)(a+b-c)).
        double denominator = (-a + b + c) * (a - b + c) * (a + b - c);
        return denominator > 0 ? a * b * c / denominator : double.PositiveInfinity;
    }
}
