namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>A cheap estimate of the triangle count, to refuse huge meshes before building them.</summary>
internal static class SizeEstimate
{
    /// <summary>
    /// ∫ over the domain of 4 / (√3 h(x)²) (equilateral triangles of side h) by the midpoint rule
    /// on a 128 × 128 grid over the bounding box, plus the boundary's share.
    /// </summary>
    public static long Triangles(Domain domain, SizeField size)
    {
        const int n = 128;
        var box = domain.Bounds;
        double dx = box.Extent(0) / n, dy = box.Extent(1) / n;
        Span<double> point = stackalloc double[2];
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                point[0] = box.Min[0] + (i + 0.5) * dx;
                point[1] = box.Min[1] + (j + 0.5) * dy;
                if (!domain.Contains(point)) continue;
                double h = size.At(point[0], point[1]);
                total += dx * dy * 4 / (Math.Sqrt(3) * h * h);
            }
        }
        return (long)Math.Min(total, long.MaxValue / 2);
    }
}
