using System.Globalization;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// The constrained Delaunay triangulation of the boundary graph: the boundary vertices are
/// inserted into an enclosing triangle (incremental Delaunay, Bowyer–Watson with walking point
/// location), each missing segment is recovered by flipping the edges that cross it (Sloan 1993)
/// followed by Delaunay flips, and the triangles are sorted into inside and outside by a flood fill
/// from the left side of every segment that never crosses a segment. A segment that meets another
/// segment or passes through a vertex (nearly touching curves) is split at its curve's midpoint
/// until it can be recovered.
/// </summary>
internal sealed class ConstrainedDelaunay(Triangulation mesh, BoundaryGraph graph, CavityInsertion insertion, EdgeFlips flips)
{
    private readonly List<int> _star = [];
    private readonly Queue<(int, int)> _crossing = new();
    private readonly List<(int, int)> _created = [];

    /// <summary>Adds the enclosing triangle's vertices 0, 1, 2 around <paramref name="box"/>; call before any other vertex.</summary>
    public static void AddEnclosingTriangle(Triangulation mesh, BoundingBox box)
    {
        double cx = (box.Min[0] + box.Max[0]) / 2, cy = (box.Min[1] + box.Max[1]) / 2;
        double r = Math.Max(box.Extent(0), box.Extent(1)) * 20 + 1e-300;
        int a = mesh.AddVertex(cx - r, cy - r, Triangulation.CornerTag);
        int b = mesh.AddVertex(cx + r, cy - r, Triangulation.CornerTag);
        int c = mesh.AddVertex(cx, cy + r, Triangulation.CornerTag);
        int t = mesh.Allocate();
        mesh.Set(t, a, b, c, Triangulation.Outside);
        for (int k = 0; k < 3; k++)
        {
            mesh.Neighbour[3 * t + k] = -1;
            mesh.Segment[3 * t + k] = -1;
        }
    }

    /// <summary>Inserts vertices 3.. of the mesh, recovers the segments and marks the inside.</summary>
    public void Build()
    {
        int last = 0;
        int count = mesh.VertexCount;
        for (int v = 3; v < count; v++) last = Insert(v, last);
        var segments = graph.Segments;
        var pending = new Stack<int>();
        for (int s = segments.Count - 1; s >= 0; s--) pending.Push(s);
        while (pending.Count > 0)
        {
            int s = pending.Pop();
            if (Recover(s)) continue;
            int second = SplitUnrecovered(s);
            pending.Push(second);
            pending.Push(s);
        }
        MarkInside();
    }

    private int Insert(int v, int start)
    {
        double x = mesh.X[v], y = mesh.Y[v];
        int seed = PointLocation.Locate(mesh, start, x, y, false, out _);
        if (seed < 0 || !insertion.Build(x, y, seed, -1, 0))
        {
            throw new InvalidGeometryException(string.Create(CultureInfo.InvariantCulture,
                $"boundary vertex ({x:G6}, {y:G6}) coincides with another one; the boundary touches itself there"));
        }
        insertion.Commit(v);
        return insertion.Created[0];
    }

    private int SplitUnrecovered(int s)
    {
        var segments = graph.Segments;
        int a = segments.A[s], b = segments.B[s];
        double length = Math.Sqrt(Math.Pow(mesh.X[a] - mesh.X[b], 2) + Math.Pow(mesh.Y[a] - mesh.Y[b], 2));
        if (length < 1e-12 * Math.Abs(mesh.X[0] - mesh.X[1]))
        {
            throw new InvalidGeometryException(string.Create(CultureInfo.InvariantCulture,
                $"boundary segment near ({mesh.X[a]:G6}, {mesh.Y[a]:G6}) cannot be recovered: the boundary crosses itself there"));
        }
        var (u, x, y) = graph.SplitPoint(s, mesh);
        int m = mesh.AddVertex(x, y, segments.Chain[s]);
        Insert(m, mesh.VertexTriangle[a]);
        return segments.Split(s, m, u);
    }

    /// <summary>Makes segment s an edge of the triangulation; false when it must be split first
    /// (it crosses another segment or passes through a vertex).</summary>
    private bool Recover(int s)
    {
        var segments = graph.Segments;
        int a = segments.A[s], b = segments.B[s];
        if (ConstrainExisting(a, b, s)) return true;
        if (!CollectCrossings(a, b)) return false;
        _created.Clear();
        int guard = 0;
        while (_crossing.Count > 0)
        {
            if (++guard > 1_000_000) return false;
            var (u, w) = _crossing.Dequeue();
            int e = mesh.FindEdge(u, w);
            int p = mesh.Apex(e), q = mesh.Apex(mesh.Neighbour[e]);
            if (mesh.Orient(p, q, u) < 0 && mesh.Orient(p, q, w) > 0)
            {
                flips.Flip(e);
                bool crosses = p != a && p != b && q != a && q != b && mesh.Orient(a, b, p) * mesh.Orient(a, b, q) < 0;
                if (crosses) _crossing.Enqueue((p, q));
                else _created.Add((p, q));
            }
            else
            {
                _crossing.Enqueue((u, w));
            }
        }
        if (!ConstrainExisting(a, b, s)) return false;
        foreach (var (u, w) in _created)
        {
            int e = mesh.FindEdge(u, w);
            if (e >= 0) flips.Push(e);
        }
        flips.RestoreDelaunay();
        return true;
    }

    private bool ConstrainExisting(int a, int b, int s)
    {
        int e = mesh.FindEdge(a, b);
        if (e < 0) e = mesh.FindEdge(b, a);
        if (e < 0) return false;
        mesh.Constrain(e, s);
        return true;
    }

    /// <summary>Queues the edges that segment a–b crosses; false when one of them is a segment
    /// or a vertex lies on a–b.</summary>
    private bool CollectCrossings(int a, int b)
    {
        _crossing.Clear();
        Star(a);
        int e = -1;
        foreach (int t in _star)
        {
            int k = mesh.IndexOf(t, a);
            int u = mesh.Vertices[3 * t + (k + 1) % 3], w = mesh.Vertices[3 * t + (k + 2) % 3];
            int ou = mesh.Orient(a, u, b), ow = mesh.Orient(a, w, b);
            if (ou == 0 && OnSegment(a, b, u) || ow == 0 && OnSegment(a, b, w)) return false;
            if (ou > 0 && ow < 0)
            {
                e = 3 * t + k;
                break;
            }
        }
        if (e < 0) return false;
        while (true)
        {
            if (mesh.Segment[e] >= 0) return false;
            _crossing.Enqueue((mesh.Origin(e), mesh.Destination(e)));
            int twin = mesh.Neighbour[e];
            if (twin < 0) return false;
            int z = mesh.Apex(twin);
            if (z == b) return true;
            int oz = mesh.Orient(a, b, z);
            if (oz == 0) return false;
            // twin runs w → u; the next crossed edge joins z to whichever of u, w is on the other side.
            int u = mesh.Destination(twin);
            e = oz * mesh.Orient(a, b, u) < 0 ? Triangulation.Next(twin) : Triangulation.Previous(twin);
        }
    }

    private bool OnSegment(int a, int b, int v) =>
        (mesh.X[v] - mesh.X[a]) * (mesh.X[b] - mesh.X[a]) + (mesh.Y[v] - mesh.Y[a]) * (mesh.Y[b] - mesh.Y[a]) > 0
        && (mesh.X[v] - mesh.X[b]) * (mesh.X[a] - mesh.X[b]) + (mesh.Y[v] - mesh.Y[b]) * (mesh.Y[a] - mesh.Y[b]) > 0;

    /// <summary>The triangles around vertex v (v is inside the enclosing triangle, so its star is closed).</summary>
    private void Star(int v)
    {
        _star.Clear();
        int start = mesh.VertexTriangle[v], t = start;
        do
        {
            _star.Add(t);
            int k = mesh.IndexOf(t, v);
            t = mesh.Neighbour[3 * t + (k + 1) % 3] / 3;
        }
        while (t != start && _star.Count < 100_000);
    }

    private void MarkInside()
    {
        var stack = new Stack<int>();
        var segments = graph.Segments;
        for (int s = 0; s < segments.Count; s++)
        {
            int e = mesh.FindEdge(segments.A[s], segments.B[s]);
            if (e >= 0) stack.Push(e / 3);
        }
        while (stack.Count > 0)
        {
            int t = stack.Pop();
            if (mesh.Region[t] == Triangulation.Inside) continue;
            if (mesh.Vertices[3 * t] < 3 || mesh.Vertices[3 * t + 1] < 3 || mesh.Vertices[3 * t + 2] < 3)
                throw new InvalidGeometryException("the boundary of the domain does not enclose a region (it is open or wrongly oriented)");
            mesh.Region[t] = Triangulation.Inside;
            for (int k = 0; k < 3; k++)
            {
                int twin = mesh.Neighbour[3 * t + k];
                if (twin >= 0 && mesh.Segment[3 * t + k] < 0) stack.Push(twin / 3);
            }
        }
    }
}
