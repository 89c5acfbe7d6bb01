using System.Globalization;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>
/// A simple polygon (no self-intersections) given by its vertices in order. Vertices may come
/// clockwise or counter-clockwise; they are stored counter-clockwise. Edge k joins vertex k to
/// vertex k+1 and is the boundary part "edge{k}" unless names are given.
/// </summary>
public sealed class Polygon : Domain
{
    private readonly LineSegment[] _edges;
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the polygon; throws <see cref="InvalidGeometryException"/> for fewer than
    /// three vertices, repeated vertices, zero area or crossing edges.</summary>
    /// <param name="vertices">Corner points in order (either orientation).</param>
    /// <param name="partNames">Optional part name per edge (edge k joins vertex k and k+1).</param>
    public Polygon(IReadOnlyList<(double X, double Y)> vertices, IReadOnlyList<string>? partNames = null)
    {
        if (vertices.Count < 3) throw new InvalidGeometryException($"a polygon needs at least 3 vertices, got {vertices.Count}");
        if (partNames is not null && partNames.Count != vertices.Count)
            throw new InvalidGeometryException($"a polygon with {vertices.Count} edges needs {vertices.Count} part names, got {partNames.Count}");
        CheckSimple(vertices);
        double area = SignedArea(vertices);
        if (!(Math.Abs(area) > 0)) throw new InvalidGeometryException("the polygon has zero area");
        int n = vertices.Count;
        var names = Enumerable.Range(0, n).Select(k => partNames?[k] ?? $"edge{k}").ToArray();
        // Store counter-clockwise; keep each edge's name with the edge.
        var ordered = vertices.ToArray();
        if (area < 0)
        {
            Array.Reverse(ordered);
            var reversed = new string[n];
            for (int k = 0; k < n; k++) reversed[k] = names[(2 * n - 2 - k) % n];
            names = reversed;
        }
        Vertices = ordered;
        Area = Math.Abs(area);
        _edges = Enumerable.Range(0, n).Select(k => new LineSegment(ordered[k], ordered[(k + 1) % n], names[k])).ToArray();
        _candidates = _edges.Select(e => new BoundaryCandidate(e)).ToArray();
        Bounds = new BoundingBox([ordered.Min(v => v.X), ordered.Min(v => v.Y)], [ordered.Max(v => v.X), ordered.Max(v => v.Y)]);
    }

    /// <summary>Creates a polygon from its vertices in order.</summary>
    public static Polygon Of(params (double X, double Y)[] vertices) => new(vertices);

    /// <summary>Vertices in counter-clockwise order.</summary>
    public IReadOnlyList<(double X, double Y)> Vertices { get; }

    /// <summary>The edges, counter-clockwise, as boundary segments.</summary>
    public IReadOnlyList<LineSegment> Edges => _edges;

    /// <summary>Enclosed area.</summary>
    public double Area { get; }

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double distance = double.PositiveInfinity;
        bool inside = false;
        double px = point[0], py = point[1];
        foreach (var edge in _edges)
        {
            distance = Math.Min(distance, edge.Distance(point));
            var (a, b) = (edge.A, edge.B);
            if ((a.Y > py) != (b.Y > py) && px < a.X + (py - a.Y) * (b.X - a.X) / (b.Y - a.Y)) inside = !inside;
        }
        return inside ? -distance : distance;
    }

    private static double SignedArea(IReadOnlyList<(double X, double Y)> v)
    {
        double sum = 0;
        for (int k = 0; k < v.Count; k++)
        {
            var (a, b) = (v[k], v[(k + 1) % v.Count]);
            sum += a.X * b.Y - b.X * a.Y;
        }
        return sum / 2;
    }

    private static void CheckSimple(IReadOnlyList<(double X, double Y)> v)
    {
        int n = v.Count;
        string Point((double X, double Y) p) => string.Create(CultureInfo.InvariantCulture, $"({p.X:G6}, {p.Y:G6})");
        string Edge(int k) => $"edge {k} {Point(v[k])}-{Point(v[(k + 1) % n])}";
        for (int k = 0; k < n; k++)
        {
            if (v[k] == v[(k + 1) % n]) throw new InvalidGeometryException($"the polygon repeats vertex {Point(v[k])} (vertices {k} and {(k + 1) % n})");
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (SegmentsMeet(v[i], v[(i + 1) % n], v[j], v[(j + 1) % n], adjacent))
                    throw new InvalidGeometryException($"the polygon is self-intersecting: {Edge(i)} crosses {Edge(j)}");
            }
        }
    }

    /// <summary>Whether two closed segments share a point; adjacent edges may share only their common vertex.</summary>
    private static bool SegmentsMeet((double X, double Y) p1, (double X, double Y) p2, (double X, double Y) q1, (double X, double Y) q2, bool adjacent)
    {
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        static bool Within((double X, double Y) a, (double X, double Y) b, (double X, double Y) p) =>
            Math.Min(a.X, b.X) <= p.X && p.X <= Math.Max(a.X, b.X) && Math.Min(a.Y, b.Y) <= p.Y && p.Y <= Math.Max(a.Y, b.Y);
        double d1 = Cross(q1, q2, p1), d2 = Cross(q1, q2, p2), d3 = Cross(p1, p2, q1), d4 = Cross(p1, p2, q2);
        if (adjacent)
        {
            // Adjacent edges share one vertex; they are bad only when they overlap along a line.
            return d1 == 0 && d2 == 0 && (Within(q1, q2, p1) && p1 != q1 && p1 != q2 || Within(q1, q2, p2) && p2 != q1 && p2 != q2
                                           || Within(p1, p2, q1) && q1 != p1 && q1 != p2 || Within(p1, p2, q2) && q2 != p1 && q2 != p2);
        }
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && Within(q1, q2, p1)) || (d2 == 0 && Within(q1, q2, p2))
            || (d3 == 0 && Within(p1, p2, q1)) || (d4 == 0 && Within(p1, p2, q2));
    }
}
