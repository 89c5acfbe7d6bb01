using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The axis-aligned rectangle [x0, x1] × [y0, y1] with boundary parts "left" (x = x0),
/// "right" (x = x1), "bottom" (y = y0) and "top" (y = y1).</summary>
public sealed class Rectangle : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the rectangle; throws when it has no area.</summary>
    public Rectangle(double x0, double y0, double x1, double y1)
    {
        if (!(x1 > x0) || !(y1 > y0)) throw new InvalidGeometryException($"a rectangle needs x0 < x1 and y0 < y1, got [{x0}, {x1}] x [{y0}, {y1}]");
        (X0, Y0, X1, Y1) = (x0, y0, x1, y1);
        Bounds = new BoundingBox([x0, y0], [x1, y1]);
        _candidates =
        [
            new(new LineSegment((x0, y0), (x1, y0), "bottom")),
            new(new LineSegment((x1, y0), (x1, y1), "right")),
            new(new LineSegment((x1, y1), (x0, y1), "top")),
            new(new LineSegment((x0, y1), (x0, y0), "left")),
        ];
    }

    /// <summary>The unit square [0, 1]^2.</summary>
    public static Rectangle UnitSquare => new(0, 0, 1, 1);

    /// <summary>Left edge abscissa.</summary>
    public double X0 { get; }

    /// <summary>Bottom edge ordinate.</summary>
    public double Y0 { get; }

    /// <summary>Right edge abscissa.</summary>
    public double X1 { get; }

    /// <summary>Top edge ordinate.</summary>
    public double Y1 { get; }

    /// <summary>Area (x1 - x0)(y1 - y0).</summary>
    public double Area => (X1 - X0) * (Y1 - Y0);

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double cx = (X0 + X1) / 2, cy = (Y0 + Y1) / 2;
        double qx = Math.Abs(point[0] - cx) - (X1 - X0) / 2, qy = Math.Abs(point[1] - cy) - (Y1 - Y0) / 2;
        double outside = Math.Sqrt(Math.Pow(Math.Max(qx, 0), 2) + Math.Pow(Math.Max(qy, 0), 2));
        return outside + Math.Min(Math.Max(qx, qy), 0);
    }
}
