using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The axis-aligned box [x0, x1] × [y0, y1] × [z0, z1] with faces "left" (x = x0),
/// "right" (x = x1), "front" (y = y0), "back" (y = y1), "bottom" (z = z0) and "top" (z = z1).</summary>
public sealed class Box : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the box; throws when it has no volume.</summary>
    public Box(double x0, double y0, double z0, double x1, double y1, double z1)
    {
        if (!(x1 > x0) || !(y1 > y0) || !(z1 > z0)) throw new InvalidGeometryException($"a box needs x0 < x1, y0 < y1, z0 < z1, got [{x0}, {x1}] x [{y0}, {y1}] x [{z0}, {z1}]");
        Bounds = new BoundingBox([x0, y0, z0], [x1, y1, z1]);
        double dx = x1 - x0, dy = y1 - y0, dz = z1 - z0;
        // Edge pairs ordered so that e1 × e2 points outwards.
        _candidates =
        [
            new(new PlanarRectangle([x0, y0, z0], [0, 0, dz], [0, dy, 0], "left")),
            new(new PlanarRectangle([x1, y0, z0], [0, dy, 0], [0, 0, dz], "right")),
            new(new PlanarRectangle([x0, y0, z0], [dx, 0, 0], [0, 0, dz], "front")),
            new(new PlanarRectangle([x0, y1, z0], [0, 0, dz], [dx, 0, 0], "back")),
            new(new PlanarRectangle([x0, y0, z0], [0, dy, 0], [dx, 0, 0], "bottom")),
            new(new PlanarRectangle([x0, y0, z1], [dx, 0, 0], [0, dy, 0], "top")),
        ];
    }

    /// <summary>The unit cube [0, 1]^3.</summary>
    public static Box UnitCube => new(0, 0, 0, 1, 1, 1);

    /// <summary>Volume.</summary>
    public double Volume => Bounds.Extent(0) * Bounds.Extent(1) * Bounds.Extent(2);

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double outside = 0, inside = double.NegativeInfinity;
        for (int i = 0; i < 3; i++)
        {
            double q = Math.Abs(point[i] - (Bounds.Min[i] + Bounds.Max[i]) / 2) - Bounds.Extent(i) / 2;
            outside += Math.Pow(Math.Max(q, 0), 2);
            inside = Math.Max(inside, q);
        }
        return Math.Sqrt(outside) + Math.Min(inside, 0);
    }
}
