namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Frontal Delaunay point placement (Rebay 1993, the method behind gmsh's "Frontal-Delaunay"): a
/// triangle whose circumradius R is at most <see cref="AcceptedRatio"/> times the circumradius
/// ρ = h/√3 of the equilateral triangle of the local size h is accepted. Among the other triangles,
/// those next to an accepted triangle or the boundary form the front; the one with the largest
/// R/ρ is taken first, and a point is placed on the perpendicular bisector of its front edge so
/// that it forms a nearly equilateral triangle of the local size with that edge (never beyond the
/// triangle's circumcentre). The point is inserted by Bowyer–Watson unless it falls across the
/// boundary or next to an existing vertex; then the triangle is accepted as it is and left to the
/// quality refinement that follows. The result is a mesh of nearly equilateral triangles that
/// grows inwards from the boundary, graded as the size field asks.
/// </summary>
internal sealed class FrontalInsertion(Triangulation mesh, CavityInsertion insertion, SizeField size)
{
    private const byte Waiting = 0, Active = 1, Accepted = 2;

    /// <summary>R/ρ below which a triangle is accepted (gmsh uses √2/2 · h / (h/√3) ≈ 1.22).</summary>
    public const double AcceptedRatio = 1.2247;

    /// <summary>A new point closer than this fraction of the local size to a vertex is refused.</summary>
    private const double Closest = 0.5;

    private static readonly double InverseSqrt3 = 1 / Math.Sqrt(3);
    private readonly PriorityQueue<long, double> _front = new();

    /// <summary>Places points until every inside triangle is accepted.</summary>
    public void Run()
    {
        for (int t = 0; t < mesh.SlotCount; t++)
        {
            if (mesh.Region[t] == Triangulation.Inside) mesh.State[t] = Classify(t);
        }
        for (int t = 0; t < mesh.SlotCount; t++) Activate(t);
        while (_front.TryDequeue(out long key, out _))
        {
            int t = (int)(key & 0xFFFFFFFF), stamp = (int)(key >> 32);
            if (mesh.Stamp[t] != stamp || mesh.State[t] != Active) continue;
            if (!PlacePoint(t))
            {
                mesh.State[t] = Accepted;
                ActivateNeighbours(t);
            }
            mesh.CheckSize(mesh.TriangleCount);
        }
    }

    private bool PlacePoint(int t)
    {
        int e = FrontEdge(t);
        if (e < 0) return false;
        var xs = mesh.X;
        var ys = mesh.Y;
        int p = mesh.Origin(e), q = mesh.Destination(e), r = mesh.Apex(e);
        double px = xs[p], py = ys[p], qx = xs[q], qy = ys[q];
        double mx = (px + qx) / 2, my = (py + qy) / 2;
        double ex = qx - px, ey = qy - py, length = Math.Sqrt(ex * ex + ey * ey), half = length / 2;
        double nx = -ey / length, ny = ex / length; // into the triangle
        double limit = double.PositiveInfinity;
        if (TriangleShape.Circumcentre(px, py, qx, qy, xs[r], ys[r], out double cx, out double cy))
        {
            double towardsCentre = (cx - mx) * nx + (cy - my) * ny;
            if (towardsCentre > 0) limit = (half * half + towardsCentre * towardsCentre) / (2 * towardsCentre);
        }
        double h = size.At(mx, my);
        double d = Distance(h, half, limit);
        if (!size.IsUniform)
        {
            // Where the size falls off quickly, size the new triangle at its own centroid.
            double inner = size.At(mx + d * nx / 3, my + d * ny / 3);
            if (inner < h) d = Distance(inner, half, limit);
        }
        double x = mx + d * nx, y = my + d * ny;
        int seed = PointLocation.Locate(mesh, t, x, y, true, out _);
        if (seed < 0 || mesh.Region[seed] != Triangulation.Inside) return false;
        double closest = Closest * size.At(x, y);
        if (!insertion.Build(x, y, seed, -1, closest * closest)) return false;
        int v = mesh.AddVertex(x, y, -1);
        insertion.Commit(v);
        var created = insertion.Created;
        foreach (int n in created) mesh.State[n] = Classify(n);
        foreach (int n in created)
        {
            Activate(n);
            if (mesh.State[n] == Accepted) ActivateNeighbours(n);
        }
        return true;
    }

    /// <summary>
    /// Distance from the front edge's midpoint to the new point: the apex of the triangle of
    /// circumradius ρ = max(h/√3, half) on the edge, with ρ capped at <paramref name="limit"/> so
    /// the point stays within the active triangle's circumcircle.
    /// </summary>
    private static double Distance(double h, double half, double limit)
    {
        double rho = Math.Min(Math.Max(h * InverseSqrt3, half), Math.Max(limit, half));
        return rho + Math.Sqrt(Math.Max(rho * rho - half * half, 0));
    }

    /// <summary>An edge of t on the boundary or shared with an accepted triangle (the longest such edge), or -1.</summary>
    private int FrontEdge(int t)
    {
        int best = -1;
        double bestLength = -1;
        for (int k = 0; k < 3; k++)
        {
            int e = 3 * t + k;
            if (!IsFront(e)) continue;
            int a = mesh.Origin(e), b = mesh.Destination(e);
            double length = Math.Pow(mesh.X[a] - mesh.X[b], 2) + Math.Pow(mesh.Y[a] - mesh.Y[b], 2);
            if (length > bestLength)
            {
                bestLength = length;
                best = e;
            }
        }
        return best;
    }

    private bool IsFront(int e)
    {
        if (mesh.Segment[e] >= 0) return true;
        int twin = mesh.Neighbour[e];
        return twin >= 0 && mesh.State[twin / 3] == Accepted && mesh.Region[twin / 3] == Triangulation.Inside;
    }

    /// <summary>The squared circumradius of triangle t and the target size at its centroid.</summary>
    private (double R2, double H) CircumradiusSquaredAndSize(int t)
    {
        var v = mesh.Vertices;
        int a = v[3 * t], b = v[3 * t + 1], c = v[3 * t + 2];
        var xs = mesh.X;
        var ys = mesh.Y;
        double r2 = TriangleShape.CircumradiusSquared(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
        double h = size.IsUniform ? size.Maximum : size.At((xs[a] + xs[b] + xs[c]) / 3, (ys[a] + ys[b] + ys[c]) / 3);
        return (r2, h);
    }

    private byte Classify(int t)
    {
        var (r2, h) = CircumradiusSquaredAndSize(t);
        double limit = AcceptedRatio * h * InverseSqrt3;
        return r2 <= limit * limit ? Accepted : Waiting;
    }

    private void Activate(int t)
    {
        if (mesh.Region[t] != Triangulation.Inside || mesh.State[t] != Waiting) return;
        bool front = false;
        for (int k = 0; k < 3 && !front; k++) front = IsFront(3 * t + k);
        if (!front) return;
        mesh.State[t] = Active;
        var (r2, h) = CircumradiusSquaredAndSize(t);
        _front.Enqueue((long)mesh.Stamp[t] << 32 | (uint)t, -r2 / (h * h));
    }

    private void ActivateNeighbours(int t)
    {
        for (int k = 0; k < 3; k++)
        {
            int twin = mesh.Neighbour[3 * t + k];
            if (twin >= 0 && mesh.Segment[3 * t + k] < 0) Activate(twin / 3);
        }
    }
}
