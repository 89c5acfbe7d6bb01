namespace PdeNet.Geometry.Boundary;

/// <summary>The side of a cylinder about the vertical line through (cx, cy): radius R, heights
/// z0 to z0 + H; (u, v) ↦ (θ = 2πu, z = z0 + vH); the normal points away from the axis.</summary>
public sealed class CylindricalSurface(double[] baseCentre, double radius, double height, string part) : BoundaryPatch(part)
{
    /// <summary>Centre of the bottom circle.</summary>
    public IReadOnlyList<double> BaseCentre { get; } = baseCentre;

    /// <summary>Radius R.</summary>
    public double Radius { get; } = radius;

    /// <summary>Height H.</summary>
    public double Height { get; } = height;

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override double Measure => 2 * Math.PI * Radius * Height;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        double theta = 2 * Math.PI * u;
        (normal[0], normal[1], normal[2]) = (Math.Cos(theta), Math.Sin(theta), 0);
        point[0] = BaseCentre[0] + Radius * normal[0];
        point[1] = BaseCentre[1] + Radius * normal[1];
        point[2] = BaseCentre[2] + v * Height;
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double dx = point[0] - BaseCentre[0], dy = point[1] - BaseCentre[1], r = Math.Sqrt(dx * dx + dy * dy);
        (normal[0], normal[1], normal[2]) = r > 0 ? (dx / r, dy / r, 0.0) : (1.0, 0.0, 0.0);
        closest[0] = BaseCentre[0] + Radius * normal[0];
        closest[1] = BaseCentre[1] + Radius * normal[1];
        closest[2] = Math.Clamp(point[2], BaseCentre[2], BaseCentre[2] + Height);
        double ez = point[2] - closest[2];
        return Math.Sqrt((r - Radius) * (r - Radius) + ez * ez);
    }
}
