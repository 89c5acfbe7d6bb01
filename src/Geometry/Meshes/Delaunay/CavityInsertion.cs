namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Bowyer–Watson insertion of one point into a constrained Delaunay triangulation. The cavity is
/// grown from a seed triangle over the neighbours whose circumcircle contains the point, never
/// across a boundary segment (except the one being split, whose two sides are both taken). The
/// cavity is then checked to be star-shaped from the point (every boundary edge sees the point on
/// its left, exactly): where an unconstrained edge fails, the triangle behind it joins the cavity;
/// where a segment or the hull fails, the point is refused. This makes the same routine insert
/// interior points, points on a segment's curve slightly off its chord, and refuse points that lie
/// across the boundary. <see cref="Build"/> only reads the mesh; <see cref="Commit"/> rebuilds the
/// cavity as a fan around the new vertex. All scratch arrays are reused between calls.
/// </summary>
internal sealed class CavityInsertion(Triangulation mesh)
{
    private int[] _cavity = new int[64];
    private int _cavityCount;
    private int[] _boundary = new int[64];
    private int _boundaryCount;
    private int[] _created = new int[64];
    private int _createdCount;
    private int[] _startAt = new int[64];
    private int[] _startGeneration = new int[64];
    private int _generation;
    private int _vertexGeneration;
    private int _removedSegment = -1;

    // Per boundary edge data read before the cavity's slots are overwritten.
    private int[] _origin = new int[64], _destination = new int[64], _outer = new int[64], _segment = new int[64];
    private sbyte[] _region = new sbyte[64];

    /// <summary>The triangles created by the last <see cref="Commit"/>.</summary>
    public ReadOnlySpan<int> Created => _created.AsSpan(0, _createdCount);

    /// <summary>The boundary edges (handles) of the cavity found by the last successful <see cref="Build"/>.</summary>
    public ReadOnlySpan<int> BoundaryEdges => _boundary.AsSpan(0, _boundaryCount);

    /// <summary>
    /// Finds the cavity of the point (x, y) starting from <paramref name="seed"/>, which must
    /// contain the point or have it in its circumcircle. Returns false, leaving the mesh as it is,
    /// when the point cannot be inserted: it is not visible from the whole cavity (across a
    /// segment or outside the hull), would coincide with or come closer than
    /// sqrt(<paramref name="minimumDistanceSquared"/>) to a vertex of the cavity, or the cavity
    /// is not a disk whose vertices all lie on its boundary.
    /// </summary>
    /// <param name="x">Abscissa of the new point.</param>
    /// <param name="y">Ordinate of the new point.</param>
    /// <param name="seed">A triangle of the cavity.</param>
    /// <param name="removedSegment">A segment the point splits (its edge joins the cavity), or -1.</param>
    /// <param name="minimumDistanceSquared">Squared distance to the cavity's vertices the point must exceed.</param>
    public bool Build(double x, double y, int seed, int removedSegment, double minimumDistanceSquared)
    {
        _removedSegment = removedSegment;
        _generation = mesh.NextMarkGeneration();
        _cavityCount = 0;
        AddToCavity(seed);
        for (int i = 0; i < _cavityCount; i++) Grow(_cavity[i], x, y);
        for (int round = 0; ; round++)
        {
            CollectBoundary();
            bool repaired = false;
            for (int i = 0; i < _boundaryCount; i++)
            {
                int e = _boundary[i];
                if (mesh.Orient(mesh.Origin(e), mesh.Destination(e), x, y) > 0) continue;
                int twin = mesh.Neighbour[e];
                if (round > 32 || twin < 0 || IsBarrier(e)) return false;
                if (mesh.Mark[twin / 3] != _generation) AddToCavity(twin / 3);
                repaired = true;
            }
            if (!repaired) break;
        }
        // A fan over a disk-shaped cavity without inner vertices has two more triangles than the
        // cavity; anything else means the point coincides with a vertex or the cavity has a hole.
        if (_boundaryCount != _cavityCount + 2) return false;
        var xs = mesh.X;
        var ys = mesh.Y;
        _vertexGeneration++;
        for (int i = 0; i < _boundaryCount; i++)
        {
            int v = mesh.Origin(_boundary[i]);
            double dx = xs[v] - x, dy = ys[v] - y;
            if (dx * dx + dy * dy <= minimumDistanceSquared) return false;
            EnsureVertexScratch(v);
            if (_startGeneration[v] == _vertexGeneration) return false; // the cavity boundary passes twice through v
            _startGeneration[v] = _vertexGeneration;
            _startAt[v] = i;
        }
        return true;
    }

    /// <summary>
    /// Replaces the cavity of the last successful <see cref="Build"/> by the fan of triangles
    /// around vertex <paramref name="vertex"/>. When a segment was split, its halves get the ids
    /// <paramref name="firstHalf"/> (the half ending at the segment's vertex <paramref name="first"/>)
    /// and <paramref name="secondHalf"/> (ending at <paramref name="second"/>).
    /// </summary>
    public void Commit(int vertex, int first = -1, int firstHalf = -1, int second = -1, int secondHalf = -1)
    {
        int m = _boundaryCount;
        EnsureBoundaryScratch(m);
        for (int i = 0; i < m; i++)
        {
            int e = _boundary[i];
            _origin[i] = mesh.Origin(e);
            _destination[i] = mesh.Destination(e);
            _outer[i] = mesh.Neighbour[e];
            _segment[i] = mesh.Segment[e];
            _region[i] = mesh.Region[e / 3];
        }
        if (_created.Length < m) Array.Resize(ref _created, 2 * m);
        _createdCount = m;
        for (int i = 0; i < m; i++)
        {
            int t;
            if (i < _cavityCount)
            {
                t = _cavity[i];
                mesh.Stamp[t]++;
                mesh.State[t] = 0;
            }
            else
            {
                t = mesh.Allocate();
            }
            _created[i] = t;
        }
        for (int i = m; i < _cavityCount; i++) mesh.Free(_cavity[i]);
        for (int i = 0; i < m; i++)
        {
            int t = _created[i];
            mesh.Set(t, vertex, _origin[i], _destination[i], _region[i]);
            mesh.Link(3 * t, _outer[i]);
            mesh.Segment[3 * t] = _segment[i];
        }
        for (int i = 0; i < m; i++)
        {
            int t = _created[i], next = _created[_startAt[_destination[i]]];
            mesh.Link(3 * t + 1, 3 * next + 2);
            int segment = _destination[i] == first ? firstHalf : _destination[i] == second ? secondHalf : -1;
            mesh.Segment[3 * t + 1] = mesh.Segment[3 * next + 2] = segment;
        }
        mesh.VertexTriangle[vertex] = _created[0];
    }

    private bool IsBarrier(int e) => mesh.Segment[e] >= 0 && mesh.Segment[e] != _removedSegment;

    private void Grow(int t, double x, double y)
    {
        for (int k = 0; k < 3; k++)
        {
            int e = 3 * t + k, twin = mesh.Neighbour[e];
            if (twin < 0) continue;
            int n = twin / 3;
            if (mesh.Mark[n] == _generation) continue;
            int segment = mesh.Segment[e];
            if (segment >= 0)
            {
                if (segment == _removedSegment) AddToCavity(n);
                continue;
            }
            if (mesh.InCircumcircle(n, x, y)) AddToCavity(n);
        }
    }

    private void AddToCavity(int t)
    {
        if (_cavityCount == _cavity.Length) Array.Resize(ref _cavity, 2 * _cavity.Length);
        _cavity[_cavityCount++] = t;
        mesh.Mark[t] = _generation;
    }

    private void CollectBoundary()
    {
        _boundaryCount = 0;
        for (int i = 0; i < _cavityCount; i++)
        {
            int t = _cavity[i];
            for (int k = 0; k < 3; k++)
            {
                int e = 3 * t + k, twin = mesh.Neighbour[e];
                if (twin >= 0 && mesh.Mark[twin / 3] == _generation && !IsBarrier(e)) continue;
                if (_boundaryCount == _boundary.Length) Array.Resize(ref _boundary, 2 * _boundary.Length);
                _boundary[_boundaryCount++] = e;
            }
        }
    }

    private void EnsureVertexScratch(int v)
    {
        if (v < _startAt.Length) return;
        int size = Math.Max(2 * _startAt.Length, v + 1);
        Array.Resize(ref _startAt, size);
        Array.Resize(ref _startGeneration, size);
    }

    private void EnsureBoundaryScratch(int m)
    {
        if (_origin.Length >= m) return;
        int size = 2 * m;
        Array.Resize(ref _origin, size);
        Array.Resize(ref _destination, size);
        Array.Resize(ref _outer, size);
        Array.Resize(ref _segment, size);
        Array.Resize(ref _region, size);
    }
}
