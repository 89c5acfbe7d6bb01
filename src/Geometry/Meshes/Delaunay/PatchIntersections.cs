using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Where two boundary curves meet, in closed form for segments, circular arcs and ellipses meeting
/// segments: the parameters
/// u of the first patch at its crossings and touchings with the second, and at the ends of a
/// stretch where the two overlap (collinear segments, arcs of one circle). Between consecutive such
/// parameters a patch's membership of a set-operation boundary cannot change.
/// </summary>
internal static class PatchIntersections
{
    private const double Tolerance = 1e-9;

    /// <summary>Adds the parameters on <paramref name="p"/> where it meets <paramref name="q"/>;
    /// false when either patch is of a kind this class does not know.</summary>
    public static bool Add(BoundaryPatch p, BoundaryPatch q, List<double> parameters)
    {
        var points = new List<(double X, double Y)>();
        switch (p.Geometry, q.Geometry)
        {
            case (LineSegment s, LineSegment t):
                LineLine(s, t, points);
                break;
            case (LineSegment s, CircularArc c):
                LineCircle(s.A, s.B, c, points);
                break;
            case (CircularArc c, LineSegment s):
                LineCircle(s.A, s.B, c, points);
                break;
            case (CircularArc c, CircularArc d):
                CircleCircle(c, d, points);
                break;
            case (LineSegment s, EllipseCurve e):
                LineEllipse(s, e, points);
                break;
            case (EllipseCurve e, LineSegment s):
                LineEllipse(s, e, points);
                break;
            default:
                return false;
        }
        foreach (var point in points)
        {
            if (Parameter(q.Geometry, point) is not null && Parameter(p.Geometry, point) is double u) parameters.Add(u);
        }
        return true;
    }

    /// <summary>The parameter of a point on the patch (assumed on its line or circle), or null when
    /// it lies outside the patch's extent; clamped to [0, 1].</summary>
    private static double? Parameter(BoundaryPatch patch, (double X, double Y) point)
    {
        double u;
        switch (patch)
        {
            case LineSegment s:
                double dx = s.B.X - s.A.X, dy = s.B.Y - s.A.Y;
                u = ((point.X - s.A.X) * dx + (point.Y - s.A.Y) * dy) / (dx * dx + dy * dy);
                break;
            case CircularArc c:
                double offset = Math.Atan2(point.Y - c.Centre.Y, point.X - c.Centre.X) - c.StartAngle;
                offset -= 2 * Math.PI * Math.Floor(offset / (2 * Math.PI));
                u = offset / c.Sweep;
                if (u > 1 + Tolerance && (offset - 2 * Math.PI) / c.Sweep >= -Tolerance) u = 0;
                break;
            case EllipseCurve e:
                u = e.ParameterAt(point.X, point.Y);
                break;
            default:
                return null;
        }
        return u >= -Tolerance && u <= 1 + Tolerance ? Math.Clamp(u, 0, 1) : null;
    }

    private static void LineLine(LineSegment s, LineSegment t, List<(double, double)> points)
    {
        double d1x = s.B.X - s.A.X, d1y = s.B.Y - s.A.Y, d2x = t.B.X - t.A.X, d2y = t.B.Y - t.A.Y;
        double ex = t.A.X - s.A.X, ey = t.A.Y - s.A.Y;
        double denominator = d1x * d2y - d1y * d2x;
        if (Math.Abs(denominator) > 1e-14 * s.Length * t.Length)
        {
            double u = (ex * d2y - ey * d2x) / denominator;
            points.Add((s.A.X + u * d1x, s.A.Y + u * d1y));
            return;
        }
        // Parallel: when collinear, the ends of each segment bound the overlap.
        if (Math.Abs(ex * d1y - ey * d1x) <= 1e-12 * s.Length * (s.Length + t.Length + Math.Abs(ex) + Math.Abs(ey)))
        {
            points.Add(t.A);
            points.Add(t.B);
            points.Add(s.A);
            points.Add(s.B);
        }
    }

    private static void LineCircle((double X, double Y) a, (double X, double Y) b, CircularArc c, List<(double, double)> points)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, fx = a.X - c.Centre.X, fy = a.Y - c.Centre.Y;
        double qa = dx * dx + dy * dy, qb = 2 * (dx * fx + dy * fy), qc = fx * fx + fy * fy - c.Radius * c.Radius;
        double discriminant = qb * qb - 4 * qa * qc;
        if (discriminant < -1e-12 * qb * qb - 1e-24) return;
        double root = Math.Sqrt(Math.Max(discriminant, 0));
        foreach (double u in new[] { (-qb - root) / (2 * qa), (-qb + root) / (2 * qa) }) points.Add((a.X + u * dx, a.Y + u * dy));
    }

    /// <summary>A segment meets an ellipse where, in the ellipse's frame scaled to the unit circle, it meets that circle.</summary>
    private static void LineEllipse(LineSegment s, EllipseCurve e, List<(double, double)> points)
    {
        var (ax, ay) = e.Local(s.A.X, s.A.Y);
        var (bx, by) = e.Local(s.B.X, s.B.Y);
        var unit = new CircularArc((0, 0), 1, 0, 2 * Math.PI, "unit");
        var local = new List<(double X, double Y)>();
        LineCircle((ax / e.A, ay / e.B), (bx / e.A, by / e.B), unit, local);
        foreach (var (x, y) in local) points.Add(e.FromLocal(x * e.A, y * e.B));
    }

    private static void CircleCircle(CircularArc c, CircularArc d, List<(double, double)> points)
    {
        double dx = d.Centre.X - c.Centre.X, dy = d.Centre.Y - c.Centre.Y, distance = Math.Sqrt(dx * dx + dy * dy);
        double scale = c.Radius + d.Radius;
        if (distance <= 1e-12 * scale)
        {
            if (Math.Abs(c.Radius - d.Radius) > 1e-12 * scale) return;
            // One circle: the arcs' ends bound the overlap.
            foreach (var arc in new[] { c, d })
            {
                foreach (double angle in new[] { arc.StartAngle, arc.StartAngle + arc.Sweep })
                    points.Add((arc.Centre.X + arc.Radius * Math.Cos(angle), arc.Centre.Y + arc.Radius * Math.Sin(angle)));
            }
            return;
        }
        if (distance > scale * (1 + 1e-12) || distance < Math.Abs(c.Radius - d.Radius) * (1 - 1e-12)) return;
        double along = (distance * distance + c.Radius * c.Radius - d.Radius * d.Radius) / (2 * distance);
        double across = Math.Sqrt(Math.Max(c.Radius * c.Radius - along * along, 0));
        double ux = dx / distance, uy = dy / distance;
        points.Add((c.Centre.X + along * ux - across * uy, c.Centre.Y + along * uy + across * ux));
        points.Add((c.Centre.X + along * ux + across * uy, c.Centre.Y + along * uy - across * ux));
    }
}
