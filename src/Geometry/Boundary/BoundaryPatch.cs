namespace PdeNet.Geometry.Boundary;

/// <summary>
/// One smooth piece of a domain boundary (a segment or an arc in 2D) that belongs to a named
/// boundary part. A patch maps the unit parameter square onto itself uniformly in measure, so
/// uniform parameters give points uniform in arc length (2D) or area (3D).
/// </summary>
public abstract class BoundaryPatch(string part)
{
    /// <summary>Name of the boundary part this patch belongs to (for example "left").</summary>
    public string Part { get; } = part;

    /// <summary>Space dimension of the points on the patch.</summary>
    public abstract int Dimension { get; }

    /// <summary>Length (2D) or area (3D) of the patch.</summary>
    public abstract double Measure { get; }

    /// <summary>
    /// Maps parameters (u, v) in [0,1]^2 to a point on the patch and the unit normal there,
    /// uniformly in measure. Curves ignore <paramref name="v"/>. The normal points out of the
    /// domain the patch was created for.
    /// </summary>
    public abstract void Map(double u, double v, Span<double> point, Span<double> normal);

    /// <summary>
    /// Finds the point of the patch closest to <paramref name="point"/>, writes it and the unit
    /// normal there, and returns the Euclidean distance.
    /// </summary>
    public abstract double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal);

    /// <summary>Euclidean distance from <paramref name="point"/> to the patch.</summary>
    public double Distance(ReadOnlySpan<double> point)
    {
        Span<double> scratch = stackalloc double[2 * Dimension];
        return Project(point, scratch[..Dimension], scratch[Dimension..]);
    }

    /// <summary>The patch that defines this one's points and parameterisation (itself, or the
    /// patch a flipped or renamed view wraps).</summary>
    internal virtual BoundaryPatch Geometry => this;

    /// <summary>The same patch with its normal reversed (the hole of a difference).</summary>
    public BoundaryPatch Flipped() => this is FlippedPatch flipped ? flipped.Inner : new FlippedPatch(this);

    /// <summary>The same patch under another part name.</summary>
    public BoundaryPatch Renamed(string part) => new RenamedPatch(this, part);

    private sealed class FlippedPatch(BoundaryPatch inner) : BoundaryPatch(inner.Part)
    {
        public BoundaryPatch Inner { get; } = inner;
        internal override BoundaryPatch Geometry => Inner.Geometry;
        public override int Dimension => Inner.Dimension;
        public override double Measure => Inner.Measure;

        public override void Map(double u, double v, Span<double> point, Span<double> normal)
        {
            Inner.Map(u, v, point, normal);
            for (int i = 0; i < normal.Length; i++) normal[i] = -normal[i];
        }

        public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
        {
            double distance = Inner.Project(point, closest, normal);
            for (int i = 0; i < normal.Length; i++) normal[i] = -normal[i];
            return distance;
        }
    }

    private sealed class RenamedPatch(BoundaryPatch inner, string part) : BoundaryPatch(part)
    {
        internal override BoundaryPatch Geometry => inner.Geometry;
        public override int Dimension => inner.Dimension;
        public override double Measure => inner.Measure;
        public override void Map(double u, double v, Span<double> point, Span<double> normal) => inner.Map(u, v, point, normal);
        public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal) => inner.Project(point, closest, normal);
    }
}
