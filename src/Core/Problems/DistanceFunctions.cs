using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Core.Problems;

/// <summary>
/// Approximate distance functions (N. Sukumar and A. Srivastava, "Exact imposition of boundary
/// conditions with distance functions in physics-informed deep neural networks", CMAME 389, 2022):
/// a smooth expression φ(x) that vanishes exactly on the chosen boundary parts and is positive
/// inside the domain, for hard constraints u = g + φ·N. Each straight piece contributes a trimmed
/// distance sqrt(f² + ((sqrt(t² + f⁴) - t)/2)²) (f the signed distance to its line, t ≥ 0 inside the
/// circle on the piece as diameter), each circle or ellipse its normalised implicit function, and
/// the pieces combine by R-equivalence φ = 1 / Σ 1/φ_i. The expression evaluates on doubles and,
/// with autograd, on tensors.
/// </summary>
public static class DistanceFunctions
{
    /// <summary>φ for the selected parts of <paramref name="domain"/>, named "phi".</summary>
    /// <exception cref="NotSupportedException">A selected piece has a shape without a distance function here.</exception>
    /// <exception cref="ArgumentException">No boundary piece is selected.</exception>
    public static Expr Approximate(Domain domain, BoundarySelector selector)
    {
        selector.Validate(domain);
        if (domain is TransformedDomain moved) return Named("phi", Moved(moved, selector));
        var terms = new List<Expr>();
        if (domain is Interval interval)
        {
            if (selector.Includes("left", [interval.A])) terms.Add(X - interval.A);
            if (selector.Includes("right", [interval.B])) terms.Add(interval.B - X);
        }
        else if (domain.Dimension == 3)
        {
            terms.AddRange(Surfaces(domain, selector));
        }
        else
        {
            Span<double> middle = stackalloc double[2];
            Span<double> normal = stackalloc double[2];
            foreach (var piece in CurvePiece.Of(domain))
            {
                piece.Curve.Map((piece.Start + piece.End) / 2, 0.5, middle, normal);
                if (selector.Includes(piece.Part, middle)) terms.Add(Piece(piece));
            }
        }
        if (terms.Count == 0) throw new ArgumentException($"the selection '{selector}' contains no boundary piece of the domain");
        Expr sum = 0;
        foreach (var term in terms) sum += 1 / term;
        return Named("phi", terms.Count == 1 ? terms[0] : 1 / sum);
    }

    /// <summary>φ(x) = s·φ_inner(x_inner) with x_inner = Qᵀ(x - t)/s: a similarity scales distances by s.</summary>
    private static Expr Moved(TransformedDomain moved, BoundarySelector selector)
    {
        var map = moved.Map;
        int d = map.Dimension;
        // Points on the moved boundary map back to the inner one; a predicate selector sees moved points.
        var inner = selector.Names is not null || selector.IsAll ? selector : BoundarySelector.Where(selector.Description, point =>
        {
            Span<double> image = stackalloc double[point.Length];
            map.Apply(point, image);
            return selector.Includes(PartOf(moved.Inner, point), image);
        });
        var phi = Approximate(moved.Inner, inner);
        var coordinates = new Expr[d];
        for (int j = 0; j < d; j++)
        {
            Expr sum = 0;
            for (int i = 0; i < d; i++) sum += map.Rotation[i * d + j] * (CoordinateAlong(i) - map.Shift[i]);
            coordinates[j] = sum / map.Scale;
        }
        return map.Scale * phi.Replace(node => node is Coordinate c && c.Axis < d ? coordinates[c.Axis] : null);
    }

    private static string PartOf(Domain domain, ReadOnlySpan<double> point)
    {
        Span<double> normal = stackalloc double[point.Length];
        return domain.BoundaryPartAt(point, 1e-9 * domain.Bounds.Diameter, normal) ?? "";
    }

    private static Expr Piece(CurvePiece piece)
    {
        switch (piece.Curve)
        {
            case LineSegment segment:
            {
                var (ax, ay) = segment.A;
                var (bx, by) = segment.B;
                return Trimmed(ax + piece.Start * (bx - ax), ay + piece.Start * (by - ay), ax + piece.End * (bx - ax), ay + piece.End * (by - ay));
            }
            case CircularArc arc:
            {
                // (R² - |x - c|²)/(2R): zero on the circle, ≈ the distance near it; a square root of
                // its square keeps it positive on both sides (holes are outside their circle).
                var implicitFunction = (arc.Radius * arc.Radius - Pow(X - arc.Centre.X, 2) - Pow(Y - arc.Centre.Y, 2)) / (2 * arc.Radius);
                return Positive(implicitFunction);
            }
            case EllipseCurve ellipse:
            {
                var (s, c) = Math.SinCos(ellipse.Angle);
                var u = c * (X - ellipse.Centre.X) + s * (Y - ellipse.Centre.Y);
                var v = -s * (X - ellipse.Centre.X) + c * (Y - ellipse.Centre.Y);
                var implicitFunction = (1 - Pow(u / ellipse.A, 2) - Pow(v / ellipse.B, 2)) * Math.Min(ellipse.A, ellipse.B) / 2;
                return Positive(implicitFunction);
            }
            default:
                throw new NotSupportedException($"boundary part '{piece.Part}' is a {piece.Curve.GetType().Name}; approximate distance functions cover segments, circles and ellipses");
        }
    }

    /// <summary>
    /// The pieces of a convex 3D primitive (box, sphere, cylinder): planes of faces, and the
    /// normalised implicit functions of spheres and cylinder sides; untrimmed, which is exact for
    /// convex domains, whose faces' planes do not cut their interior.
    /// </summary>
    private static IEnumerable<Expr> Surfaces(Domain domain, BoundarySelector selector)
    {
        if (domain is not (Box or Sphere or Cylinder))
            throw new NotSupportedException($"approximate distance functions in 3D cover boxes, spheres and cylinders, not a {domain.GetType().Name}");
        var result = new List<Expr>();
        Span<double> point = stackalloc double[3];
        Span<double> normal = stackalloc double[3];
        foreach (var patch in domain.BoundaryPatches)
        {
            patch.Map(0.5, 0.5, point, normal);
            if (!selector.Includes(patch.Part, point)) continue;
            result.Add(patch switch
            {
                PlanarRectangle face => Positive(face.UnitNormal[0] * (X - face.Origin[0]) + face.UnitNormal[1] * (Y - face.Origin[1]) + face.UnitNormal[2] * (Z - face.Origin[2])),
                DiskFace cap => Positive(Z - cap.Centre[2]),
                SphericalSurface sphere => Positive((sphere.Radius * sphere.Radius - Pow(X - sphere.Centre[0], 2) - Pow(Y - sphere.Centre[1], 2) - Pow(Z - sphere.Centre[2], 2)) / (2 * sphere.Radius)),
                CylindricalSurface side => Positive((side.Radius * side.Radius - Pow(X - side.BaseCentre[0], 2) - Pow(Y - side.BaseCentre[1], 2)) / (2 * side.Radius)),
                _ => throw new NotSupportedException($"boundary part '{patch.Part}' has no distance function"),
            });
        }
        return result;
    }

    private static Expr Positive(Expr f) => Sqrt(Pow(f, 2));

    /// <summary>The trimmed distance to the segment from (x1, y1) to (x2, y2).</summary>
    private static Expr Trimmed(double x1, double y1, double x2, double y2)
    {
        double length = Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
        double xc = (x1 + x2) / 2, yc = (y1 + y2) / 2;
        var f = ((X - x1) * (y2 - y1) - (Y - y1) * (x2 - x1)) / length;
        var t = (length * length / 4 - Pow(X - xc, 2) - Pow(Y - yc, 2)) / length;
        return Sqrt(Pow(f, 2) + Pow((Sqrt(Pow(t, 2) + Pow(f, 4)) - t) / 2, 2));
    }
}
