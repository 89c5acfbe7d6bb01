namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>The discretised boundary: chains, the segments along them, and the interior angle
/// (radians) of the domain at each corner vertex.</summary>
internal sealed record BoundaryGraph(IReadOnlyList<BoundaryChain> Chains, BoundarySegments Segments, IReadOnlyDictionary<int, double> CornerAngles)
{
    /// <summary>Corners with interior angles below this (60°) may keep smaller angles in the mesh.</summary>
    public const double SmallAngle = Math.PI / 3;

    /// <summary>Whether vertex <paramref name="v"/> is a corner with a small interior angle.</summary>
    public bool IsSmallCorner(int v) => CornerAngles.TryGetValue(v, out double angle) && angle < SmallAngle;

    /// <summary>Whether vertex <paramref name="v"/> is a corner with an acute interior angle.</summary>
    public bool IsAcuteCorner(int v) => CornerAngles.TryGetValue(v, out double angle) && angle < Math.PI / 2;

    /// <summary>
    /// Where to split segment <paramref name="s"/>: the patch parameter and the point on the true
    /// boundary. Midpoints, except that a segment with exactly one end at an acute corner is split
    /// at a power-of-two distance from that corner (Ruppert's concentric shells), so the splits on
    /// the corner's two sides stay at equal distances and refinement ends.
    /// </summary>
    public (double U, double X, double Y) SplitPoint(int s, Triangulation mesh)
    {
        int a = Segments.A[s], b = Segments.B[s];
        double ua = Segments.UA[s], ub = Segments.UB[s];
        var patch = Chains[Segments.Chain[s]].Patch;
        var point = new double[2];
        var normal = new double[2];
        bool acuteA = IsAcuteCorner(a), acuteB = IsAcuteCorner(b);
        if (acuteA == acuteB)
        {
            double middle = (ua + ub) / 2;
            patch.Map(middle, 0.5, point, normal);
            return (middle, point[0], point[1]);
        }
        // Bisection on the parameter for the point at chord distance 2^k from the corner, with
        // 2^k the power of two nearest to half the segment's length.
        int corner = acuteA ? a : b;
        double from = acuteA ? ua : ub, to = acuteA ? ub : ua;
        double length = Math.Sqrt(Math.Pow(mesh.X[a] - mesh.X[b], 2) + Math.Pow(mesh.Y[a] - mesh.Y[b], 2));
        double shell = Math.Pow(2, Math.Round(Math.Log2(length / 2)));
        double near = from, far = to, u = (from + to) / 2;
        for (int i = 0; i < 100; i++)
        {
            u = (near + far) / 2;
            patch.Map(u, 0.5, point, normal);
            double distance = Math.Sqrt(Math.Pow(point[0] - mesh.X[corner], 2) + Math.Pow(point[1] - mesh.Y[corner], 2));
            if (distance < shell) near = u;
            else far = u;
            if (near == far || Math.Abs(distance - shell) <= 1e-14 * shell) break;
        }
        patch.Map(u, 0.5, point, normal);
        return (u, point[0], point[1]);
    }
}
