namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Makes the discretised boundary a valid planar straight-line graph where curves come closer
/// than a chord's sagitta: a curved segment is split (on its curve) while its chord crosses another
/// segment, duplicates another segment, or another boundary vertex lies between the chord and the
/// arc. A sweep over the segments' boxes finds the candidate pairs. Straight segments that cross
/// mean the boundary itself crosses, which is reported.
/// </summary>
internal static class BoundaryConflicts
{
    private const int Rounds = 64;

    /// <summary>Splits conflicting curved segments of <paramref name="graph"/>, adding their vertices to <paramref name="mesh"/>.</summary>
    public static void Resolve(BoundaryGraph graph, Triangulation mesh, double diameter)
    {
        var segments = graph.Segments;
        var marked = new HashSet<int>();
        for (int round = 0; round < Rounds; round++)
        {
            marked.Clear();
            FindConflicts(graph, mesh, diameter, marked);
            if (marked.Count == 0) return;
            foreach (int s in marked.Order())
            {
                var (u, x, y) = graph.SplitPoint(s, mesh);
                int m = mesh.AddVertex(x, y, segments.Chain[s]);
                segments.Split(s, m, u);
            }
        }
    }

    private static void FindConflicts(BoundaryGraph graph, Triangulation mesh, double diameter, HashSet<int> marked)
    {
        var segments = graph.Segments;
        int n = segments.Count;
        var bulge = new double[n];
        var box = new (double X0, double Y0, double X1, double Y1)[n];
        var point = new double[2];
        var normal = new double[2];
        var xs = mesh.X;
        var ys = mesh.Y;
        for (int s = 0; s < n; s++)
        {
            int a = segments.A[s], b = segments.B[s];
            graph.Chains[segments.Chain[s]].Patch.Map((segments.UA[s] + segments.UB[s]) / 2, 0.5, point, normal);
            double length = Math.Sqrt(Math.Pow(xs[b] - xs[a], 2) + Math.Pow(ys[b] - ys[a], 2));
            // Signed distance of the curve's middle from the chord (positive on the chord's left).
            bulge[s] = ((xs[b] - xs[a]) * (point[1] - ys[a]) - (ys[b] - ys[a]) * (point[0] - xs[a])) / length;
            if (Math.Abs(bulge[s]) <= 1e-12 * length || length < 1e-9 * diameter) bulge[s] = 0;
            double pad = Math.Abs(bulge[s]) + 1e-12 * diameter;
            box[s] = (Math.Min(xs[a], xs[b]) - pad, Math.Min(ys[a], ys[b]) - pad, Math.Max(xs[a], xs[b]) + pad, Math.Max(ys[a], ys[b]) + pad);
        }
        var order = Enumerable.Range(0, n).OrderBy(s => box[s].X0).ToArray();
        for (int i = 0; i < n; i++)
        {
            int s = order[i];
            for (int j = i + 1; j < n && box[order[j]].X0 <= box[s].X1; j++)
            {
                int t = order[j];
                if (box[t].Y0 > box[s].Y1 || box[t].Y1 < box[s].Y0) continue;
                if (!Conflict(segments, mesh, bulge, s, t)) continue;
                if (bulge[s] == 0 && bulge[t] == 0)
                {
                    throw new InvalidGeometryException(FormattableString.Invariant(
                        $"the boundary crosses or touches itself near ({xs[segments.A[s]]:G6}, {ys[segments.A[s]]:G6})"));
                }
                if (bulge[s] != 0) marked.Add(s);
                if (bulge[t] != 0) marked.Add(t);
            }
        }
    }

    private static bool Conflict(BoundarySegments segments, Triangulation mesh, double[] bulge, int s, int t)
    {
        int a = segments.A[s], b = segments.B[s], c = segments.A[t], d = segments.B[t];
        bool sharesA = a == c || a == d, sharesB = b == c || b == d;
        if (sharesA && sharesB) return true; // two chords between the same two vertices
        if (!sharesA && !sharesB)
        {
            int o1 = mesh.Orient(a, b, c), o2 = mesh.Orient(a, b, d), o3 = mesh.Orient(c, d, a), o4 = mesh.Orient(c, d, b);
            if (o1 * o2 <= 0 && o3 * o4 <= 0 && (o1 != 0 || o2 != 0)) return true;
        }
        foreach (int v in new[] { c, d })
        {
            if (v != a && v != b && InLens(mesh, a, b, bulge[s], v)) return true;
        }
        foreach (int v in new[] { a, b })
        {
            if (v != c && v != d && InLens(mesh, c, d, bulge[t], v)) return true;
        }
        return false;
    }

    /// <summary>Whether vertex v lies between chord a–b and its curve (within the box over the
    /// chord as high as the bulge, a slight overestimate of the circular segment).</summary>
    private static bool InLens(Triangulation mesh, int a, int b, double bulge, int v)
    {
        if (bulge == 0) return false;
        double ex = mesh.X[b] - mesh.X[a], ey = mesh.Y[b] - mesh.Y[a], length = Math.Sqrt(ex * ex + ey * ey);
        double px = mesh.X[v] - mesh.X[a], py = mesh.Y[v] - mesh.Y[a];
        double along = (px * ex + py * ey) / length, side = (ex * py - ey * px) / length;
        return along > 0 && along < length && side * Math.Sign(bulge) >= 0 && Math.Abs(side) <= Math.Abs(bulge) * (1 + 1e-9);
    }
}
