namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Splits a boundary segment that is an edge of the triangulation: the new vertex goes where
/// <see cref="BoundaryGraph.SplitPoint"/> says, on the true curve (so possibly a little off the
/// chord), and is inserted by Bowyer–Watson with the segment's two sides in the cavity; the two
/// halves become segments of the same chain.
/// </summary>
internal sealed class SegmentSplitting(Triangulation mesh, BoundaryGraph graph, CavityInsertion insertion)
{
    /// <summary>Splits segment <paramref name="s"/>; false (nothing changed) when it is not an edge or the point cannot be inserted.</summary>
    public bool Split(int s)
    {
        var segments = graph.Segments;
        int a = segments.A[s], b = segments.B[s];
        int e = mesh.FindEdge(a, b);
        if (e < 0) return false;
        var (u, x, y) = graph.SplitPoint(s, mesh);
        if (!insertion.Build(x, y, e / 3, s, 0)) return false;
        int m = mesh.AddVertex(x, y, segments.Chain[s]);
        int second = segments.Split(s, m, u);
        insertion.Commit(m, a, s, b, second);
        return true;
    }
}
