using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The open ball |x - c| &lt; R; its boundary is the part "sphere".</summary>
public sealed class Sphere : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the ball; throws for a non-positive radius.</summary>
    public Sphere((double X, double Y, double Z) centre, double radius)
    {
        if (!(radius > 0)) throw new InvalidGeometryException($"a sphere needs a positive radius, got {radius}");
        Centre = centre;
        Radius = radius;
        Bounds = new BoundingBox([centre.X - radius, centre.Y - radius, centre.Z - radius], [centre.X + radius, centre.Y + radius, centre.Z + radius]);
        _candidates = [new(new SphericalSurface([centre.X, centre.Y, centre.Z], radius, "sphere"))];
    }

    /// <summary>Centre.</summary>
    public (double X, double Y, double Z) Centre { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <summary>Volume 4πR³/3.</summary>
    public double Volume => 4.0 / 3 * Math.PI * Math.Pow(Radius, 3);

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point) =>
        Math.Sqrt(Math.Pow(point[0] - Centre.X, 2) + Math.Pow(point[1] - Centre.Y, 2) + Math.Pow(point[2] - Centre.Z, 2)) - Radius;
}
