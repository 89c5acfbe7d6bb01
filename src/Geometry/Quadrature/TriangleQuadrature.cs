namespace PdeNet.Geometry.Quadrature;

/// <summary>
/// Symmetric quadrature rules on a triangle in barycentric coordinates, with weights that sum to
/// one (multiply by the triangle's area). Rules of degree 1, 2, 4 and 5 (Strang–Fix / Dunavant).
/// </summary>
public sealed class TriangleQuadrature
{
    private TriangleQuadrature(int degree, double[] barycentric, double[] weights)
    {
        Degree = degree;
        Barycentric = barycentric;
        Weights = weights;
    }

    /// <summary>Highest polynomial degree integrated exactly.</summary>
    public int Degree { get; }

    /// <summary>Barycentric coordinates of the points, shape (points, 3).</summary>
    public double[] Barycentric { get; }

    /// <summary>Weights, summing to one.</summary>
    public double[] Weights { get; }

    /// <summary>Number of points.</summary>
    public int Count => Weights.Length;

    /// <summary>The cheapest rule exact for polynomials of degree <paramref name="degree"/> (at most 5).</summary>
    public static TriangleQuadrature OfDegree(int degree) => degree switch
    {
        <= 1 => Centroid,
        2 => ThreePoint,
        3 or 4 => SixPoint,
        5 => SevenPoint,
        _ => throw new ArgumentOutOfRangeException(nameof(degree), degree, "triangle rules are available up to degree 5"),
    };

    private static readonly TriangleQuadrature Centroid = new(1, [1.0 / 3, 1.0 / 3, 1.0 / 3], [1.0]);

    private static readonly TriangleQuadrature ThreePoint = Symmetric(2, [(1.0 / 3, 2.0 / 3, 1.0 / 6)]);

    private static readonly TriangleQuadrature SixPoint = Symmetric(4,
    [
        (0.223381589678011, 0.108103018168070, 0.445948490915965),
        (0.109951743655322, 0.816847572980459, 0.091576213509771),
    ]);

    private static readonly TriangleQuadrature SevenPoint = Build(5,
        [(0.225, 1.0 / 3, 1.0 / 3)],
        [
            (0.132394152788506, 0.059715871789770, 0.470142064105115),
            (0.125939180544827, 0.797426985353087, 0.101286507323456),
        ]);

    /// <summary>Rules made of orbits (weight, a, b): points (a, b, b), (b, a, b), (b, b, a).</summary>
    private static TriangleQuadrature Symmetric(int degree, (double W, double A, double B)[] orbits) => Build(degree, [], orbits);

    private static TriangleQuadrature Build(int degree, (double W, double A, double B)[] centres, (double W, double A, double B)[] orbits)
    {
        var points = new List<double>();
        var weights = new List<double>();
        foreach (var (w, a, b) in centres)
        {
            points.AddRange([a, b, 1 - a - b]);
            weights.Add(w);
        }
        foreach (var (w, a, b) in orbits)
        {
            points.AddRange([a, b, b, b, a, b, b, b, a]);
            weights.AddRange([w, w, w]);
        }
        return new TriangleQuadrature(degree, points.ToArray(), weights.ToArray());
    }
}
