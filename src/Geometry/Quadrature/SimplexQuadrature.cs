namespace PdeNet.Geometry.Quadrature;

/// <summary>
/// Quadrature rules on the reference simplex of dimension 0 (a point), 1 (interval), 2
/// (triangle) or 3 (tetrahedron), in barycentric coordinates with weights summing to one
/// (multiply by the cell's measure). Intervals use Gauss–Legendre; triangles the symmetric
/// rules of <see cref="TriangleQuadrature"/> up to degree 5; tetrahedra the centroid, the
/// symmetric 4-point rule (degree 2) and the 14-point rule (degree 5); higher degrees the collapsed (Duffy) product of
/// Gauss–Legendre rules, exact for the stated degree with positive weights.
/// </summary>
public sealed class SimplexQuadrature
{
    private SimplexQuadrature(int dimension, int degree, double[] barycentric, double[] weights)
    {
        Dimension = dimension;
        Degree = degree;
        Barycentric = barycentric;
        Weights = weights;
    }

    /// <summary>Dimension of the simplex, 0 to 3.</summary>
    public int Dimension { get; }

    /// <summary>Highest total polynomial degree integrated exactly.</summary>
    public int Degree { get; }

    /// <summary>Barycentric coordinates of the points, shape (points, dimension + 1).</summary>
    public double[] Barycentric { get; }

    /// <summary>Weights, summing to one.</summary>
    public double[] Weights { get; }

    /// <summary>Number of points.</summary>
    public int Count => Weights.Length;

    /// <summary>The barycentric coordinates of point <paramref name="q"/>.</summary>
    public ReadOnlySpan<double> Point(int q) => Barycentric.AsSpan(q * (Dimension + 1), Dimension + 1);

    /// <summary>A rule on the <paramref name="dimension"/>-simplex exact for polynomials of degree <paramref name="degree"/>.</summary>
    /// <param name="dimension">0 (point), 1, 2 or 3.</param>
    /// <param name="degree">Polynomial degree, 0 to 30.</param>
    public static SimplexQuadrature OfDegree(int dimension, int degree)
    {
        if (degree is < 0 or > 30) throw new ArgumentOutOfRangeException(nameof(degree), degree, "quadrature degrees 0 to 30 are available");
        degree = Math.Max(degree, 1);
        switch (dimension)
        {
            case 0:
                return new SimplexQuadrature(0, int.MaxValue, [1.0], [1.0]);
            case 1:
            {
                var (points, weights) = GaussLegendre.OfDegree(degree);
                return new SimplexQuadrature(1, 2 * points.Length - 1, points.SelectMany(s => new[] { 1 - s, s }).ToArray(), weights);
            }
            case 2 when degree <= 5:
            {
                var rule = TriangleQuadrature.OfDegree(degree);
                return new SimplexQuadrature(2, rule.Degree, rule.Barycentric, rule.Weights);
            }
            case 2:
                return Collapsed(2, degree);
            case 3 when degree <= 1:
                return new SimplexQuadrature(3, 1, [0.25, 0.25, 0.25, 0.25], [1.0]);
            case 3 when degree == 2:
            {
                const double a = 0.5854101966249685, b = 0.1381966011250105;
                return new SimplexQuadrature(3, 2, [a, b, b, b, b, a, b, b, b, b, a, b, b, b, b, a], [0.25, 0.25, 0.25, 0.25]);
            }
            case 3 when degree <= 5:
                return Tetrahedron14;
            case 3:
                return Collapsed(3, degree);
            default:
                throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "simplex rules exist in dimensions 0 to 3");
        }
    }

    /// <summary>The symmetric 14-point rule of degree 5 with positive weights (Walkington 2000; Keast 1986).</summary>
    private static readonly SimplexQuadrature Tetrahedron14 = BuildTetrahedron14();

    private static SimplexQuadrature BuildTetrahedron14()
    {
        var barycentric = new List<double>();
        var weights = new List<double>();
        foreach (var (w, a) in new[] { (0.073493043116361949544, 0.092735250310891226402), (0.11268792571801585080, 0.31088591926330060980) })
        {
            double b = 1 - 3 * a;
            barycentric.AddRange([b, a, a, a, a, b, a, a, a, a, b, a, a, a, a, b]);
            weights.AddRange([w, w, w, w]);
        }
        const double edge = 0.042546020777081466438, c = 0.045503704125649649492, e = 0.5 - c;
        barycentric.AddRange([c, c, e, e, c, e, c, e, c, e, e, c, e, c, c, e, e, c, e, c, e, e, c, c]);
        weights.AddRange(Enumerable.Repeat(edge, 6));
        return new SimplexQuadrature(3, 5, barycentric.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// The collapsed product rule: λ1 = s, λ2 = t(1 - s), λ3 = r(1 - s)(1 - t) with Jacobian
    /// (1 - s)^(d-1) (1 - t)^(d-2); along each axis as many Gauss–Legendre points as the degree
    /// in that variable, Jacobian included, needs.
    /// </summary>
    private static SimplexQuadrature Collapsed(int dimension, int degree)
    {
        var s = GaussLegendre.OfDegree(degree + dimension - 1);
        var t = GaussLegendre.OfDegree(degree + dimension - 2);
        var r = dimension == 3 ? GaussLegendre.OfDegree(degree) : ([0.0], [1.0]);
        double factorial = dimension == 2 ? 2 : 6;
        var barycentric = new List<double>();
        var weights = new List<double>();
        for (int i = 0; i < s.Points.Length; i++)
        {
            for (int j = 0; j < t.Points.Length; j++)
            {
                for (int k = 0; k < r.Item1.Length; k++)
                {
                    double si = s.Points[i], tj = t.Points[j], rk = r.Item1[k];
                    double l1 = si, l2 = tj * (1 - si);
                    double jacobian = Math.Pow(1 - si, dimension - 1) * (dimension == 3 ? 1 - tj : 1);
                    double weight = factorial * s.Weights[i] * t.Weights[j] * r.Item2[k] * jacobian;
                    if (dimension == 2)
                    {
                        barycentric.AddRange([1 - l1 - l2, l1, l2]);
                    }
                    else
                    {
                        double l3 = rk * (1 - si) * (1 - tj);
                        barycentric.AddRange([1 - l1 - l2 - l3, l1, l2, l3]);
                    }
                    weights.Add(weight);
                }
            }
        }
        return new SimplexQuadrature(dimension, degree, barycentric.ToArray(), weights.ToArray());
    }
}
