namespace PdeNet.Geometry.Boundary;

/// <summary>A flat disk of radius R in the horizontal plane z = centre_z (a cylinder's cap) with
/// normal (0, 0, ±1); (u, v) ↦ (r = R√u, θ = 2πv) is uniform in area.</summary>
public sealed class DiskFace(double[] centre, double radius, double normalZ, string part) : BoundaryPatch(part)
{
    /// <summary>The centre.</summary>
    public IReadOnlyList<double> Centre { get; } = centre;

    /// <summary>The radius.</summary>
    public double Radius { get; } = radius;

    /// <summary>The z component of the outward normal, ±1.</summary>
    public double NormalZ { get; } = Math.Sign(normalZ);

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override double Measure => Math.PI * Radius * Radius;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        double r = Radius * Math.Sqrt(u), theta = 2 * Math.PI * v;
        point[0] = Centre[0] + r * Math.Cos(theta);
        point[1] = Centre[1] + r * Math.Sin(theta);
        point[2] = Centre[2];
        (normal[0], normal[1], normal[2]) = (0, 0, NormalZ);
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double dx = point[0] - Centre[0], dy = point[1] - Centre[1], r = Math.Sqrt(dx * dx + dy * dy);
        double scale = r > Radius ? Radius / r : 1;
        closest[0] = Centre[0] + dx * scale;
        closest[1] = Centre[1] + dy * scale;
        closest[2] = Centre[2];
        (normal[0], normal[1], normal[2]) = (0, 0, NormalZ);
        return Math.Sqrt(Math.Pow(point[0] - closest[0], 2) + Math.Pow(point[1] - closest[1], 2) + Math.Pow(point[2] - closest[2], 2));
    }
}
