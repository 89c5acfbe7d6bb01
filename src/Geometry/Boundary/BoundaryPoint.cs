namespace PdeNet.Geometry.Boundary;

/// <summary>An end point of a 1D domain, with outward normal -1 (left end) or +1 (right end).
/// Each end point has measure 1 (counting measure), so sampling puts equal numbers on both ends.</summary>
public sealed class BoundaryPoint(double x, double normal, string part) : BoundaryPatch(part)
{
    /// <summary>The coordinate.</summary>
    public double X { get; } = x;

    /// <summary>The outward normal, ±1.</summary>
    public double Normal { get; } = Math.Sign(normal);

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override double Measure => 1;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        point[0] = X;
        normal[0] = Normal;
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        closest[0] = X;
        normal[0] = Normal;
        return Math.Abs(point[0] - X);
    }
}
