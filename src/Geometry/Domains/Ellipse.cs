using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The open ellipse with centre c, semi-axes a and b, rotated by α; its boundary is the
/// part "ellipse". The signed distance is exact (closest point by Eberly's method).</summary>
public sealed class Ellipse : Domain
{
    private readonly EllipseCurve _curve;
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the ellipse; throws unless both semi-axes are positive.</summary>
    /// <param name="centre">Centre c.</param>
    /// <param name="a">Semi-axis along the rotated x axis.</param>
    /// <param name="b">Semi-axis along the rotated y axis.</param>
    /// <param name="angle">Rotation α, radians counter-clockwise.</param>
    public Ellipse((double X, double Y) centre, double a, double b, double angle = 0)
    {
        _curve = new EllipseCurve(centre, a, b, angle, "ellipse");
        _candidates = [new(_curve)];
        double hx = Math.Sqrt(a * a * Math.Cos(angle) * Math.Cos(angle) + b * b * Math.Sin(angle) * Math.Sin(angle));
        double hy = Math.Sqrt(a * a * Math.Sin(angle) * Math.Sin(angle) + b * b * Math.Cos(angle) * Math.Cos(angle));
        Bounds = new BoundingBox([centre.X - hx, centre.Y - hy], [centre.X + hx, centre.Y + hy]);
    }

    /// <summary>Area πab.</summary>
    public double Area => Math.PI * _curve.A * _curve.B;

    /// <summary>Perimeter (numerically, relative error below 1e-8).</summary>
    public double Perimeter => _curve.Measure;

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double distance = _curve.Distance(point);
        return _curve.ImplicitValue(point) < 0 ? -distance : distance;
    }
}
