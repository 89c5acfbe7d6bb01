using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The open disk of the given centre and radius; its boundary is the part "circle".</summary>
public sealed class Disk : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the disk; throws for a non-positive radius.</summary>
    public Disk((double X, double Y) centre, double radius)
    {
        if (!(radius > 0)) throw new InvalidGeometryException($"a disk needs a positive radius, got {radius}");
        Centre = centre;
        Radius = radius;
        Bounds = new BoundingBox([centre.X - radius, centre.Y - radius], [centre.X + radius, centre.Y + radius]);
        _candidates = [new(new CircularArc(centre, radius, 0, 2 * Math.PI, "circle"))];
    }

    /// <summary>Centre.</summary>
    public (double X, double Y) Centre { get; }

    /// <summary>Radius, positive.</summary>
    public double Radius { get; }

    /// <summary>Area π r².</summary>
    public double Area => Math.PI * Radius * Radius;

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point) =>
        Math.Sqrt(Math.Pow(point[0] - Centre.X, 2) + Math.Pow(point[1] - Centre.Y, 2)) - Radius;
}
