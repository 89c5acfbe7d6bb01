using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>The solid vertical cylinder of radius R from the base centre c up to c + (0, 0, H);
/// boundary parts "side", "bottom" and "top". Rotate it for other axes.</summary>
public sealed class Cylinder : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Creates the cylinder; throws unless R and H are positive.</summary>
    public Cylinder((double X, double Y, double Z) baseCentre, double radius, double height)
    {
        if (!(radius > 0) || !(height > 0)) throw new InvalidGeometryException($"a cylinder needs a positive radius and height, got {radius} and {height}");
        BaseCentre = baseCentre;
        Radius = radius;
        Height = height;
        double[] bottom = [baseCentre.X, baseCentre.Y, baseCentre.Z], top = [baseCentre.X, baseCentre.Y, baseCentre.Z + height];
        Bounds = new BoundingBox([baseCentre.X - radius, baseCentre.Y - radius, baseCentre.Z], [baseCentre.X + radius, baseCentre.Y + radius, baseCentre.Z + height]);
        _candidates =
        [
            new(new CylindricalSurface(bottom, radius, height, "side")),
            new(new DiskFace(bottom, radius, -1, "bottom")),
            new(new DiskFace(top, radius, 1, "top")),
        ];
    }

    /// <summary>Centre of the bottom disk.</summary>
    public (double X, double Y, double Z) BaseCentre { get; }

    /// <summary>Radius R.</summary>
    public double Radius { get; }

    /// <summary>Height H.</summary>
    public double Height { get; }

    /// <summary>Volume πR²H.</summary>
    public double Volume => Math.PI * Radius * Radius * Height;

    /// <inheritdoc/>
    public override int Dimension => 3;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double radial = Math.Sqrt(Math.Pow(point[0] - BaseCentre.X, 2) + Math.Pow(point[1] - BaseCentre.Y, 2)) - Radius;
        double axial = Math.Abs(point[2] - (BaseCentre.Z + Height / 2)) - Height / 2;
        return Math.Min(Math.Max(radial, axial), 0) + Math.Sqrt(Math.Pow(Math.Max(radial, 0), 2) + Math.Pow(Math.Max(axial, 0), 2));
    }
}
