namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Delaunay refinement (Ruppert 1995, Shewchuk 2002): boundary segments whose diametral circle
/// holds the opposite inside vertex (encroached) are split at their curve's midpoint (at a
/// power-of-two distance next to a small-angle corner); triangles with an angle below the bound,
/// or a circumradius above <see cref="OversizeRatio"/> times the equilateral one of the local size,
/// get their circumcentre inserted, unless it lies across or encroaches a segment, which is then
/// split instead. Exempt, as in Shewchuk's Triangle, are skinny triangles whose small angle is
/// forced by a corner of the domain below 60°: the angle at such a corner, and triangles whose
/// shortest edge joins the two sides of such a corner at equal distances from it. With bounds up to about 20.7° refinement
/// provably ends; with larger bounds it ends in practice, and a cap on inserted vertices stops it
/// otherwise.
/// </summary>
internal sealed class QualityRefinement(Triangulation mesh, BoundaryGraph graph, CavityInsertion insertion, SegmentSplitting splitting, SizeField size, double minimumAngle)
{
    /// <summary>Circumradius over h/√3 above which a triangle is refined for size.</summary>
    public const double OversizeRatio = 1.6;

    private static readonly double InverseSqrt3 = 1 / Math.Sqrt(3);
    private readonly double _badCosine = Math.Cos(minimumAngle * Math.PI / 180);
    private readonly PriorityQueue<long, double> _bad = new();
    private readonly Queue<int> _encroached = new();

    /// <summary>Number of vertices the refinement inserted.</summary>
    public int Inserted { get; private set; }

    /// <summary>Refines until no triangle is bad or the vertex cap is reached.</summary>
    public void Run()
    {
        var segments = graph.Segments;
        for (int s = 0; s < segments.Count; s++) QueueIfEncroached(mesh.FindEdge(segments.A[s], segments.B[s]));
        for (int t = 0; t < mesh.SlotCount; t++) QueueIfBad(t);
        long cap = 2L * mesh.VertexCount + 10_000, steps = 0;
        while (Inserted < cap && ++steps < 20 * cap)
        {
            if (_encroached.Count > 0)
            {
                // Entries ~s come from a refused circumcentre and split s unconditionally.
                int entry = _encroached.Dequeue(), s = entry < 0 ? ~entry : entry;
                int e = mesh.FindEdge(segments.A[s], segments.B[s]);
                if (e >= 0 && (entry < 0 || IsEncroached(e))) SplitSegment(s);
                continue;
            }
            if (!_bad.TryDequeue(out long key, out _)) break;
            int t = (int)(key & 0xFFFFFFFF);
            if (mesh.Stamp[t] != (int)(key >> 32) || mesh.Region[t] != Triangulation.Inside) continue;
            InsertCircumcentre(t);
            mesh.CheckSize(mesh.TriangleCount);
        }
    }

    private void InsertCircumcentre(int t)
    {
        var v = mesh.Vertices;
        int a = v[3 * t], b = v[3 * t + 1], c = v[3 * t + 2];
        if (!TriangleShape.Circumcentre(mesh.X[a], mesh.Y[a], mesh.X[b], mesh.Y[b], mesh.X[c], mesh.Y[c], out double x, out double y)) return;
        int seed = PointLocation.Locate(mesh, t, x, y, true, out int blocking);
        if (seed < 0)
        {
            if (blocking >= 0) Requeue(t, mesh.Segment[blocking]);
            return;
        }
        if (mesh.Region[seed] != Triangulation.Inside || !insertion.Build(x, y, seed, -1, 0)) return;
        bool encroaches = false;
        foreach (int e in insertion.BoundaryEdges)
        {
            int s = mesh.Segment[e];
            if (s < 0) continue;
            double ax = mesh.X[mesh.Origin(e)], ay = mesh.Y[mesh.Origin(e)], bx = mesh.X[mesh.Destination(e)], by = mesh.Y[mesh.Destination(e)];
            if ((ax - x) * (bx - x) + (ay - y) * (by - y) < 0)
            {
                _encroached.Enqueue(~s);
                encroaches = true;
            }
        }
        if (encroaches)
        {
            QueueIfBad(t);
            return;
        }
        int vertex = mesh.AddVertex(x, y, -1);
        insertion.Commit(vertex);
        Inserted++;
        AfterInsertion();
    }

    private void Requeue(int t, int segment)
    {
        _encroached.Enqueue(~segment);
        QueueIfBad(t);
    }

    private void SplitSegment(int s)
    {
        if (!splitting.Split(s)) return;
        Inserted++;
        AfterInsertion();
    }

    private void AfterInsertion()
    {
        foreach (int t in insertion.Created)
        {
            QueueIfBad(t);
            for (int k = 0; k < 3; k++)
            {
                if (mesh.Segment[3 * t + k] >= 0) QueueIfEncroached(3 * t + k);
            }
        }
    }

    private void QueueIfEncroached(int e)
    {
        if (e >= 0 && mesh.Region[e / 3] == Triangulation.Inside && IsEncroached(e)) _encroached.Enqueue(mesh.Segment[e]);
    }

    /// <summary>Whether the apex opposite segment edge e sees it under more than 90°.</summary>
    private bool IsEncroached(int e)
    {
        int a = mesh.Origin(e), b = mesh.Destination(e), p = mesh.Apex(e);
        return (mesh.X[a] - mesh.X[p]) * (mesh.X[b] - mesh.X[p]) + (mesh.Y[a] - mesh.Y[p]) * (mesh.Y[b] - mesh.Y[p]) < 0;
    }

    private void QueueIfBad(int t)
    {
        if (mesh.Region[t] != Triangulation.Inside) return;
        var v = mesh.Vertices;
        int a = v[3 * t], b = v[3 * t + 1], c = v[3 * t + 2];
        var xs = mesh.X;
        var ys = mesh.Y;
        double cosine = TriangleShape.CosineOfSmallestAngle(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
        bool skinny = cosine > _badCosine && !IsExempt(a, b, c);
        double h = size.IsUniform ? size.Maximum : size.At((xs[a] + xs[b] + xs[c]) / 3, (ys[a] + ys[b] + ys[c]) / 3);
        double limit = OversizeRatio * h * InverseSqrt3;
        bool oversized = TriangleShape.CircumradiusSquared(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]) > limit * limit;
        if (skinny || oversized) _bad.Enqueue((long)mesh.Stamp[t] << 32 | (uint)t, -cosine);
    }

    /// <summary>Whether the triangle's small angle is forced by a small corner of the domain.</summary>
    private bool IsExempt(int a, int b, int c)
    {
        var xs = mesh.X;
        var ys = mesh.Y;
        double ab = Distance2(a, b), bc = Distance2(b, c), ca = Distance2(c, a);
        // The smallest angle is opposite the shortest edge.
        var (apex, u, w) = ab <= bc && ab <= ca ? (c, a, b) : bc <= ca ? (a, b, c) : (b, c, a);
        if (graph.IsSmallCorner(apex)) return true;
        int cu = mesh.VertexTag[u], cw = mesh.VertexTag[w];
        if (cu < 0 || cw < 0 || cu == Triangulation.CornerTag || cw == Triangulation.CornerTag || cu == cw) return false;
        var first = graph.Chains[cu];
        var second = graph.Chains[cw];
        return SharedSmallCorner(first.Start, second) || SharedSmallCorner(first.End, second);

        double Distance2(int p, int q) => (xs[p] - xs[q]) * (xs[p] - xs[q]) + (ys[p] - ys[q]) * (ys[p] - ys[q]);

        // The shortest edge joins two sides of a small corner at (nearly) equal distances from it,
        // as the concentric-shell splits leave them.
        bool SharedSmallCorner(int corner, BoundaryChain chain)
        {
            if ((corner != chain.Start && corner != chain.End) || !graph.IsSmallCorner(corner)) return false;
            double du = Math.Sqrt(Distance2(u, corner)), dw = Math.Sqrt(Distance2(w, corner));
            return Math.Abs(du - dw) <= 1e-3 * Math.Max(du, dw);
        }
    }
}
