using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The triangle with the given corners (either orientation); its edges are the parts
/// "edge0" (a→b), "edge1" (b→c) and "edge2" (c→a) as for a <see cref="Polygon"/>.</summary>
public sealed class Triangle : Domain
{
    private readonly Polygon _polygon;

    /// <summary>Creates the triangle; throws when the corners are collinear or repeated.</summary>
    public Triangle((double X, double Y) a, (double X, double Y) b, (double X, double Y) c) => _polygon = new Polygon([a, b, c]);

    /// <summary>Area.</summary>
    public double Area => _polygon.Area;

    /// <summary>The corners, counter-clockwise.</summary>
    public IReadOnlyList<(double X, double Y)> Vertices => _polygon.Vertices;

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override BoundingBox Bounds => _polygon.Bounds;

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _polygon.BoundaryCandidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point) => _polygon.SignedDistance(point);
}
