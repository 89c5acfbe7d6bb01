namespace PdeNet.Geometry.Boundary;

/// <summary>The sphere |x - c| = R; (u, v) ↦ (z = 1 - 2u, φ = 2πv) is uniform in area
/// (Archimedes); the normal points away from the centre.</summary>
public sealed class SphericalSurface(double[] centre, double radius, string part) : BoundaryPatch(part)
{
    /// <summary>The centre.</summary>
    public IReadOnlyList<double> Centre { get; } = centre;

    /// <summary>The radius.</summary>
    public double Radius { get; } = radius > 0 ? radius : throw new InvalidGeometryException($"sphere '{part}' needs a positive radius, got {radius}");

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override double Measure => 4 * Math.PI * Radius * Radius;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        double z = 1 - 2 * u, r = Math.Sqrt(Math.Max(0, 1 - z * z)), phi = 2 * Math.PI * v;
        (normal[0], normal[1], normal[2]) = (r * Math.Cos(phi), r * Math.Sin(phi), z);
        for (int i = 0; i < 3; i++) point[i] = Centre[i] + Radius * normal[i];
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double distance = 0;
        for (int i = 0; i < 3; i++) distance += (point[i] - Centre[i]) * (point[i] - Centre[i]);
        distance = Math.Sqrt(distance);
        for (int i = 0; i < 3; i++)
        {
            normal[i] = distance > 0 ? (point[i] - Centre[i]) / distance : i == 2 ? 1 : 0;
            closest[i] = Centre[i] + Radius * normal[i];
        }
        return Math.Abs(distance - Radius);
    }
}
