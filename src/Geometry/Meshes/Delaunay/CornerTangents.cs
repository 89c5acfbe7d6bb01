using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>The directions in which the boundary chains leave and reach each corner, and from
/// them the domain's interior angle there.</summary>
internal sealed class CornerTangents
{
    private readonly Dictionary<int, List<(bool Incoming, double X, double Y)>> _tangents = [];

    /// <summary>Records the direction of travel of a chain at <paramref name="corner"/>, measured
    /// on its patch from parameter <paramref name="at"/> a little towards <paramref name="towards"/>.</summary>
    public void Add(int corner, bool incoming, BoundaryPatch patch, double at, double towards)
    {
        Span<double> a = stackalloc double[2];
        Span<double> b = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        double u = at + 1e-6 * (towards - at) / Math.Abs(towards - at);
        patch.Map(at, 0.5, a, normal);
        patch.Map(u, 0.5, b, normal);
        // Direction of travel along the chain at the corner.
        double dx = incoming ? a[0] - b[0] : b[0] - a[0], dy = incoming ? a[1] - b[1] : b[1] - a[1];
        if (!_tangents.TryGetValue(corner, out var list)) _tangents[corner] = list = [];
        list.Add((incoming, dx, dy));
    }

    /// <summary>The domain's interior angle at each corner: π minus the turn from the incoming to
    /// the outgoing direction; 0 (treated as sharp) where more than two chains meet.</summary>
    public Dictionary<int, double> Angles()
    {
        var angles = new Dictionary<int, double>();
        foreach (var (corner, list) in _tangents)
        {
            if (list.Count != 2 || list[0].Incoming == list[1].Incoming)
            {
                angles[corner] = 0;
                continue;
            }
            var (incoming, outgoing) = list[0].Incoming ? (list[0], list[1]) : (list[1], list[0]);
            double turn = Math.Atan2(incoming.X * outgoing.Y - incoming.Y * outgoing.X, incoming.X * outgoing.X + incoming.Y * outgoing.Y);
            angles[corner] = Math.PI - turn;
        }
        return angles;
    }
}
