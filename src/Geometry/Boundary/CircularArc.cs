namespace PdeNet.Geometry.Boundary;

/// <summary>A circular arc (or full circle) of the given centre and radius, swept counter-clockwise
/// from <see cref="StartAngle"/> through <see cref="Sweep"/> radians. The normal points away from
/// the centre.</summary>
public sealed class CircularArc : BoundaryPatch
{
    /// <summary>Creates the arc; throws for a non-positive radius or sweep.</summary>
    public CircularArc((double X, double Y) centre, double radius, double startAngle, double sweep, string part) : base(part)
    {
        if (!(radius > 0)) throw new InvalidGeometryException($"arc '{part}' needs a positive radius, got {radius}");
        if (!(sweep > 0) || sweep > 2 * Math.PI + 1e-12) throw new InvalidGeometryException($"arc '{part}' needs a sweep in (0, 2π], got {sweep}");
        Centre = centre;
        Radius = radius;
        StartAngle = startAngle;
        Sweep = sweep;
    }

    /// <summary>Centre of the circle.</summary>
    public (double X, double Y) Centre { get; }

    /// <summary>Radius, positive.</summary>
    public double Radius { get; }

    /// <summary>Angle of the first point, radians from the x axis.</summary>
    public double StartAngle { get; }

    /// <summary>Angle swept counter-clockwise, radians in (0, 2π].</summary>
    public double Sweep { get; }

    /// <summary>True when the arc is a whole circle.</summary>
    public bool IsFullCircle => Sweep >= 2 * Math.PI - 1e-12;

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override double Measure => Radius * Sweep;

    /// <inheritdoc/>
    public override void Map(double u, double v, Span<double> point, Span<double> normal)
    {
        double angle = StartAngle + u * Sweep;
        normal[0] = Math.Cos(angle);
        normal[1] = Math.Sin(angle);
        point[0] = Centre.X + Radius * normal[0];
        point[1] = Centre.Y + Radius * normal[1];
    }

    /// <inheritdoc/>
    public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
    {
        double dx = point[0] - Centre.X, dy = point[1] - Centre.Y;
        double angle = Math.Atan2(dy, dx);
        if (!IsFullCircle)
        {
            double offset = angle - StartAngle;
            offset -= 2 * Math.PI * Math.Floor(offset / (2 * Math.PI));
            if (offset > Sweep)
            {
                // Outside the swept range: the nearer end point is closest.
                double end = StartAngle + Sweep;
                double toStart = Math.Pow(dx - Radius * Math.Cos(StartAngle), 2) + Math.Pow(dy - Radius * Math.Sin(StartAngle), 2);
                double toEnd = Math.Pow(dx - Radius * Math.Cos(end), 2) + Math.Pow(dy - Radius * Math.Sin(end), 2);
                angle = toStart <= toEnd ? StartAngle : end;
            }
        }
        normal[0] = Math.Cos(angle);
        normal[1] = Math.Sin(angle);
        closest[0] = Centre.X + Radius * normal[0];
        closest[1] = Centre.Y + Radius * normal[1];
        return Math.Sqrt(Math.Pow(point[0] - closest[0], 2) + Math.Pow(point[1] - closest[1], 2));
    }
}
