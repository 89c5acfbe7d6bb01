using System.Runtime.CompilerServices;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// A planar triangulation in flat arrays, the working data of the mesher. Triangle t has the
/// counter-clockwise vertices <c>Vertices[3t..3t+2]</c>; its edge k is the edge opposite vertex k,
/// from vertex k+1 to vertex k+2 (mod 3). An edge is addressed by its handle 3t + k. For each edge
/// handle, <see cref="Neighbour"/> holds the handle of the same edge seen from the adjacent
/// triangle (-1 on the outer hull) and <see cref="Segment"/> the boundary segment it carries (-1
/// for an unconstrained edge). Freed triangle slots are reused; a slot's <see cref="Stamp"/>
/// changes whenever its triangle changes, so queued references to old triangles can be told apart.
/// </summary>
internal sealed class Triangulation
{
    /// <summary>Region tag of a freed slot.</summary>
    public const sbyte Dead = -1;

    /// <summary>Region tag of a triangle outside the domain.</summary>
    public const sbyte Outside = 0;

    /// <summary>Region tag of a triangle inside the domain.</summary>
    public const sbyte Inside = 1;

    private readonly long _maxTriangles;
    private int[] _free = new int[64];
    private int _freeCount;
    private int _markGeneration;

    public Triangulation(int vertexCapacity, int triangleCapacity, long maxTriangles)
    {
        _maxTriangles = maxTriangles;
        X = new double[Math.Max(vertexCapacity, 16)];
        Y = new double[X.Length];
        VertexTriangle = new int[X.Length];
        VertexTag = new int[X.Length];
        int t = Math.Max(triangleCapacity, 16);
        Vertices = new int[3 * t];
        Neighbour = new int[3 * t];
        Segment = new int[3 * t];
        Region = new sbyte[t];
        Stamp = new int[t];
        State = new byte[t];
        Mark = new int[t];
    }

    /// <summary>Vertex abscissae; entries past <see cref="VertexCount"/> are unused.</summary>
    public double[] X { get; private set; }

    /// <summary>Vertex ordinates.</summary>
    public double[] Y { get; private set; }

    /// <summary>One triangle incident to each vertex (any region).</summary>
    public int[] VertexTriangle { get; private set; }

    /// <summary>Per-vertex tag: -1 for a free (interior) vertex, otherwise the boundary chain
    /// the vertex lies on, or <see cref="CornerTag"/> for a vertex where chains meet.</summary>
    public int[] VertexTag { get; private set; }

    /// <summary>Tag of a vertex where boundary chains meet (and of the enclosing triangle's corners).</summary>
    public const int CornerTag = int.MaxValue;

    /// <summary>Triangle vertices, three per slot; -1 in freed slots.</summary>
    public int[] Vertices { get; private set; }

    /// <summary>Handle of the twin edge in the adjacent triangle, or -1.</summary>
    public int[] Neighbour { get; private set; }

    /// <summary>Boundary segment carried by each edge, or -1.</summary>
    public int[] Segment { get; private set; }

    /// <summary><see cref="Inside"/>, <see cref="Outside"/> or <see cref="Dead"/> per slot.</summary>
    public sbyte[] Region { get; private set; }

    /// <summary>Changes whenever a slot's triangle changes.</summary>
    public int[] Stamp { get; private set; }

    /// <summary>Scratch state per triangle for the algorithm that runs (for example accepted/active).</summary>
    public byte[] State { get; private set; }

    /// <summary>Visit marks per triangle, compared with a generation counter.</summary>
    public int[] Mark { get; private set; }

    /// <summary>A fresh value for <see cref="Mark"/>: no triangle carries it yet.</summary>
    public int NextMarkGeneration() => ++_markGeneration;

    /// <summary>Number of vertices.</summary>
    public int VertexCount { get; private set; }

    /// <summary>Number of slots in use or freed (an upper bound on triangle indices).</summary>
    public int SlotCount { get; private set; }

    /// <summary>Number of live triangles.</summary>
    public int TriangleCount => SlotCount - _freeCount;

    /// <summary>Appends a vertex and returns its index.</summary>
    public int AddVertex(double x, double y, int tag)
    {
        if (VertexCount == X.Length)
        {
            int size = 2 * X.Length;
            X = Grow(X, size);
            Y = Grow(Y, size);
            VertexTriangle = Grow(VertexTriangle, size);
            VertexTag = Grow(VertexTag, size);
        }
        X[VertexCount] = x;
        Y[VertexCount] = y;
        VertexTriangle[VertexCount] = -1;
        VertexTag[VertexCount] = tag;
        return VertexCount++;
    }

    /// <summary>Moves vertex <paramref name="v"/>.</summary>
    public void MoveVertex(int v, double x, double y)
    {
        X[v] = x;
        Y[v] = y;
    }

    /// <summary>A triangle slot for new data: a freed one if any, otherwise a fresh one.</summary>
    public int Allocate()
    {
        int t;
        if (_freeCount > 0)
        {
            t = _free[--_freeCount];
        }
        else
        {
            if (SlotCount == Region.Length) GrowTriangles();
            t = SlotCount++;
        }
        Stamp[t]++;
        State[t] = 0;
        return t;
    }

    /// <summary>Frees a slot.</summary>
    public void Free(int t)
    {
        Vertices[3 * t] = Vertices[3 * t + 1] = Vertices[3 * t + 2] = -1;
        Region[t] = Dead;
        Stamp[t]++;
        if (_freeCount == _free.Length) _free = Grow(_free, 2 * _free.Length);
        _free[_freeCount++] = t;
    }

    /// <summary>Writes the vertices of slot <paramref name="t"/> (counter-clockwise) and its region.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int t, int a, int b, int c, sbyte region)
    {
        Vertices[3 * t] = a;
        Vertices[3 * t + 1] = b;
        Vertices[3 * t + 2] = c;
        Region[t] = region;
        VertexTriangle[a] = VertexTriangle[b] = VertexTriangle[c] = t;
    }

    /// <summary>Makes edges <paramref name="e"/> and <paramref name="f"/> twins (f may be -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Link(int e, int f)
    {
        Neighbour[e] = f;
        if (f >= 0) Neighbour[f] = e;
    }

    /// <summary>Marks edge <paramref name="e"/> and its twin as carrying segment <paramref name="segment"/> (or -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Constrain(int e, int segment)
    {
        Segment[e] = segment;
        int f = Neighbour[e];
        if (f >= 0) Segment[f] = segment;
    }

    /// <summary>First vertex of edge handle <paramref name="e"/> (vertex k+1 of its triangle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Origin(int e) => Vertices[Next(e)];

    /// <summary>Second vertex of edge handle <paramref name="e"/> (vertex k+2 of its triangle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Destination(int e) => Vertices[Previous(e)];

    /// <summary>The vertex opposite edge handle <paramref name="e"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Apex(int e) => Vertices[e];

    /// <summary>Handle of the next edge counter-clockwise in the same triangle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Next(int e) => e % 3 == 2 ? e - 2 : e + 1;

    /// <summary>Handle of the previous edge in the same triangle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Previous(int e) => e % 3 == 0 ? e + 2 : e - 1;

    /// <summary>The edge handle from <paramref name="a"/> to <paramref name="b"/> in a triangle on its left, or -1.</summary>
    public int FindEdge(int a, int b)
    {
        int start = VertexTriangle[a];
        if (start < 0) return -1;
        // Turn around a through the edges leaving a: in triangle t with a at index k, the edge
        // leaving a counter-clockwise is the one opposite vertex k+2 (from a to vertex k+1).
        int t = start;
        int guard = 0;
        do
        {
            int k = IndexOf(t, a);
            int e = 3 * t + (k + 2) % 3;
            if (Destination(e) == b) return e;
            int twin = Neighbour[3 * t + (k + 1) % 3]; // across the edge entering a: the next triangle counter-clockwise
            if (twin < 0) break;
            t = twin / 3;
        }
        while (t != start && ++guard < 10_000);
        // The star is open (a is on the hull): turn the other way from the start.
        t = start;
        guard = 0;
        while (++guard < 10_000)
        {
            int k = IndexOf(t, a);
            int e = 3 * t + (k + 2) % 3;
            if (Destination(e) == b) return e;
            int twin = Neighbour[e];
            if (twin < 0) return -1;
            t = twin / 3;
            if (t == start) return -1;
        }
        return -1;
    }

    /// <summary>Index (0, 1, 2) of vertex <paramref name="v"/> in triangle <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(int t, int v) => Vertices[3 * t] == v ? 0 : Vertices[3 * t + 1] == v ? 1 : 2;

    /// <summary>Exact orientation of the vertices a, b, c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Orient(int a, int b, int c) => Predicates.Orient(X[a], Y[a], X[b], Y[b], X[c], Y[c]);

    /// <summary>Exact orientation of a, b and the point (x, y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Orient(int a, int b, double x, double y) => Predicates.Orient(X[a], Y[a], X[b], Y[b], x, y);

    /// <summary>Whether (x, y) lies strictly inside the circumcircle of triangle <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool InCircumcircle(int t, double x, double y)
    {
        int a = Vertices[3 * t], b = Vertices[3 * t + 1], c = Vertices[3 * t + 2];
        return Predicates.InCircle(X[a], Y[a], X[b], Y[b], X[c], Y[c], x, y) > 0;
    }

    /// <summary>Throws when the mesh would need more triangles than allowed.</summary>
    public void CheckSize(long triangles)
    {
        if (triangles > _maxTriangles)
        {
            throw new InvalidOperationException(
                $"the mesh would exceed the limit of {_maxTriangles} triangles; use a larger mesh size or raise TriangleMesherOptions.MaxTriangles");
        }
    }

    private void GrowTriangles()
    {
        CheckSize(SlotCount + 1L);
        int size = (int)Math.Min(2L * Region.Length, Math.Max(_maxTriangles + 16, Region.Length + 1L));
        Vertices = Grow(Vertices, 3 * size);
        Neighbour = Grow(Neighbour, 3 * size);
        Segment = Grow(Segment, 3 * size);
        Region = Grow(Region, size);
        Stamp = Grow(Stamp, size);
        State = Grow(State, size);
        Mark = Grow(Mark, size);
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
