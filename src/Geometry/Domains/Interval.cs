using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The interval (a, b) with boundary parts "left" (x = a) and "right" (x = b).</summary>
public sealed class Interval : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the interval; throws unless a &lt; b.</summary>
    public Interval(double a, double b)
    {
        if (!(b > a) || !double.IsFinite(a) || !double.IsFinite(b)) throw new InvalidGeometryException($"an interval needs finite a < b, got ({a}, {b})");
        (A, B) = (a, b);
        Bounds = new BoundingBox([a], [b]);
        _candidates = [new(new BoundaryPoint(a, -1, "left")), new(new BoundaryPoint(b, 1, "right"))];
    }

    /// <summary>Left end.</summary>
    public double A { get; }

    /// <summary>Right end.</summary>
    public double B { get; }

    /// <summary>Length b - a.</summary>
    public double Length => B - A;

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point) => Math.Max(A - point[0], point[0] - B);
}
