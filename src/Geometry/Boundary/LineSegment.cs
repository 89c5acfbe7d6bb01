namespace PdeNet.Geometry.Boundary;

/// <summary>A straight boundary segment from A to B in the plane. The outward normal is the
/// direction B - A turned clockwise, which points out of a counter-clockwise polygon.</summary>
public sealed class LineSegment : BoundaryPatch
{
    /// <summary>Creates the segment; throws when A and B coincide.</summary>
    public LineSegment((double X, double Y) a, (double X, double Y) b, string part) : base(part)
    {
        A = a;
        B = b;
        Length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
        if (!(Length > 0)) throw new InvalidGeometryException($"boundary segment '{part}' has zero length at ({a.X}, {a.Y})");
    }

    /// <summary>Start point.</summary>
    public (double X, double Y) A { get; }

    /// <summary>End point.</summary>
    public (double X, double Y) B { get; }

    /// <summary>Length |B - A|.</summary>
    public double Length { get; }

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override double Measure => Length;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        point[0] = A.X + u * (B.X - A.X);
        point[1] = A.Y + u * (B.Y - A.Y);
        normal[0] = (B.Y - A.Y) / Length;
        normal[1] = -(B.X - A.X) / Length;
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double dx = B.X - A.X, dy = B.Y - A.Y;
        double s = Math.Clamp(((point[0] - A.X) * dx + (point[1] - A.Y) * dy) / (Length * Length), 0, 1);
        closest[0] = A.X + s * dx;
        closest[1] = A.Y + s * dy;
        normal[0] = dy / Length;
        normal[1] = -dx / Length;
        double ex = point[0] - closest[0], ey = point[1] - closest[1];
        return Math.Sqrt(ex * ex + ey * ey);
    }
}
