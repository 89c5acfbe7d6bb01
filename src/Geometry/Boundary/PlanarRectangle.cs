namespace PdeNet.Geometry.Boundary;

/// <summary>A flat rectangle in 3D, origin + u·e1 + v·e2 for u, v in [0, 1], with e1 ⟂ e2 and the
/// outward normal e1 × e2 / |e1 × e2| (a face of a box).</summary>
public sealed class PlanarRectangle : BoundaryPatch
{
    private readonly double[] _origin, _e1, _e2, _normal;
    private readonly double _length1, _length2;

    /// <summary>Creates the face; throws unless e1 and e2 are non-zero and orthogonal.</summary>
    public PlanarRectangle(double[] origin, double[] e1, double[] e2, string part) : base(part)
    {
        _origin = origin;
        _e1 = e1;
        _e2 = e2;
        _length1 = Math.Sqrt(e1.Sum(c => c * c));
        _length2 = Math.Sqrt(e2.Sum(c => c * c));
        if (!(_length1 > 0) || !(_length2 > 0)) throw new InvalidGeometryException($"face '{part}' has zero area");
        if (Math.Abs(e1.Zip(e2, (a, b) => a * b).Sum()) > 1e-12 * _length1 * _length2) throw new InvalidGeometryException($"face '{part}' needs orthogonal edges");
        var n = new[] { e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0] };
        double length = _length1 * _length2;
        _normal = n.Select(c => c / length).ToArray();
    }

    /// <summary>The outward unit normal.</summary>
    public IReadOnlyList<double> UnitNormal => _normal;

    /// <summary>The corner at (u, v) = (0, 0).</summary>
    public IReadOnlyList<double> Origin => _origin;

    /// <summary>The edge vectors e1 and e2.</summary>
    public (IReadOnlyList<double> E1, IReadOnlyList<double> E2) Edges => (_e1, _e2);

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override double Measure => _length1 * _length2;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        for (int i = 0; i < 3; i++)
        {
            point[i] = _origin[i] + u * _e1[i] + v * _e2[i];
            normal[i] = _normal[i];
        }
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double a = 0, b = 0;
        for (int i = 0; i < 3; i++)
        {
            a += (point[i] - _origin[i]) * _e1[i];
            b += (point[i] - _origin[i]) * _e2[i];
        }
        a = Math.Clamp(a / (_length1 * _length1), 0, 1);
        b = Math.Clamp(b / (_length2 * _length2), 0, 1);
        Map(a, b, closest, normal);
        double distance = 0;
        for (int i = 0; i < 3; i++) distance += (point[i] - closest[i]) * (point[i] - closest[i]);
        return Math.Sqrt(distance);
    }
}
