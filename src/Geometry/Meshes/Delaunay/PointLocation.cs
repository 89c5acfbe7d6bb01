namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Straight-line walk through the triangulation from a start triangle towards a point: at each
/// step the walk leaves the current triangle through an edge the point lies strictly beyond
/// (exact test), preferring the edge that the line from the start triangle's centroid to the point
/// crosses. The walk ends in the triangle that contains the point (on an edge counts), or at the
/// first boundary segment it would cross, which callers use to find encroached segments.
/// </summary>
internal static class PointLocation
{
    /// <summary>
    /// The triangle containing (x, y), or -1 when the walk meets a segment (when
    /// <paramref name="stopAtSegments"/>; the segment's edge handle is returned in
    /// <paramref name="blockingEdge"/>) or leaves the hull.
    /// </summary>
    public static int Locate(Triangulation mesh, int start, double x, double y, bool stopAtSegments, out int blockingEdge)
    {
        blockingEdge = -1;
        var xs = mesh.X;
        var ys = mesh.Y;
        var vertices = mesh.Vertices;
        int t = start;
        double qx = (xs[vertices[3 * t]] + xs[vertices[3 * t + 1]] + xs[vertices[3 * t + 2]]) / 3;
        double qy = (ys[vertices[3 * t]] + ys[vertices[3 * t + 1]] + ys[vertices[3 * t + 2]]) / 3;
        double rx = x - qx, ry = y - qy;
        for (long step = 0, limit = 4L * mesh.SlotCount + 16; step < limit; step++)
        {
            int exit = -1, fallback = -1;
            for (int k = 0; k < 3; k++)
            {
                int e = 3 * t + k;
                int a = vertices[3 * t + (k + 1) % 3], b = vertices[3 * t + (k + 2) % 3];
                if (mesh.Orient(a, b, x, y) >= 0) continue;
                fallback = e;
                double sideA = rx * (ys[a] - qy) - ry * (xs[a] - qx), sideB = rx * (ys[b] - qy) - ry * (xs[b] - qx);
                if (sideA <= 0 && sideB >= 0)
                {
                    exit = e;
                    break;
                }
            }
            if (fallback < 0) return t;
            if (exit < 0) exit = fallback;
            if (stopAtSegments && mesh.Segment[exit] >= 0)
            {
                blockingEdge = exit;
                return -1;
            }
            int twin = mesh.Neighbour[exit];
            if (twin < 0) return -1;
            t = twin / 3;
        }
        return -1;
    }
}
