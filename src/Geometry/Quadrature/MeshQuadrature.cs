using PdeNet.Geometry.Meshes;

namespace PdeNet.Geometry.Quadrature;

/// <summary>
/// A quadrature rule mapped onto every cell of a mesh of intervals (Gauss–Legendre) or triangles
/// (symmetric triangle rules): the points' coordinates, their weights (cell measure × rule weight,
/// so they sum to the mesh's length or area), and the values of the cell's linear basis functions
/// at each rule point, for interpolating nodal values.
/// </summary>
public sealed class MeshQuadrature
{
    private readonly double[] _basis;
    private readonly int _ruleCount;
    private readonly int _vertices;

    private MeshQuadrature(Mesh mesh, double[] basis, double[] ruleWeights, int vertices)
    {
        Mesh = mesh;
        _basis = basis;
        _ruleCount = ruleWeights.Length;
        _vertices = vertices;
        int d = mesh.GeometricDimension, n = mesh.CellCount * _ruleCount;
        Points = new double[d * n];
        Weights = new double[n];
        var c = mesh.Coordinates;
        for (int cell = 0, k = 0; cell < mesh.CellCount; cell++)
        {
            var nodes = mesh.CellNodes(cell);
            double measure = MeshMeasures.Cell(mesh, cell);
            for (int q = 0; q < _ruleCount; q++, k++)
            {
                for (int a = 0; a < vertices; a++)
                {
                    double phi = basis[q * vertices + a];
                    for (int i = 0; i < d; i++) Points[d * k + i] += phi * c[d * nodes[a] + i];
                }
                Weights[k] = measure * ruleWeights[q];
            }
        }
    }

    /// <summary>The rule of degree <paramref name="degree"/> (at most 5) on every cell of an interval or triangle mesh.</summary>
    public static MeshQuadrature Of(Mesh mesh, int degree) => mesh.CellType switch
    {
        CellType.Triangle => new MeshQuadrature(mesh, TriangleQuadrature.OfDegree(degree)),
        CellType.Interval => Intervals(mesh, degree),
        _ => throw new NotSupportedException($"mesh quadrature is implemented for interval and triangle meshes, not {mesh.CellType}"),
    };

    /// <summary>Maps the triangle rule <paramref name="rule"/> onto every cell of a 2D triangle mesh.</summary>
    public MeshQuadrature(Mesh mesh, TriangleQuadrature rule) : this(CheckTriangles(mesh), rule.Barycentric, rule.Weights, 3)
    {
    }

    private static Mesh CheckTriangles(Mesh mesh) => mesh.CellType == CellType.Triangle
        ? mesh
        : throw new ArgumentException("a triangle rule needs a triangle mesh", nameof(mesh));

    private static MeshQuadrature Intervals(Mesh mesh, int degree)
    {
        // Gauss–Legendre on [0, 1] with n points, exact to degree 2n - 1.
        var (points, weights) = degree switch
        {
            <= 1 => (new[] { 0.5 }, new[] { 1.0 }),
            <= 3 => (new[] { 0.5 - Math.Sqrt(3) / 6, 0.5 + Math.Sqrt(3) / 6 }, new[] { 0.5, 0.5 }),
            <= 5 => (new[] { 0.5 - Math.Sqrt(0.15), 0.5, 0.5 + Math.Sqrt(0.15) }, new[] { 5.0 / 18, 8.0 / 18, 5.0 / 18 }),
            _ => throw new ArgumentOutOfRangeException(nameof(degree), degree, "interval rules are available up to degree 5"),
        };
        var basis = points.SelectMany(s => new[] { 1 - s, s }).ToArray();
        return new MeshQuadrature(mesh, basis, weights, 2);
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>Point coordinates, shape (cells × rule points, gdim); cell c's points are consecutive.</summary>
    public double[] Points { get; }

    /// <summary>Weights, one per point; they sum to the mesh's length or area.</summary>
    public double[] Weights { get; }

    /// <summary>Number of points.</summary>
    public int Count => Weights.Length;

    /// <summary>Values at the points of the piecewise-linear interpolant of nodal values, one per point.</summary>
    public double[] InterpolateNodal(ReadOnlySpan<double> nodalValues)
    {
        if (nodalValues.Length != Mesh.NodeCount) throw new ArgumentException($"expected {Mesh.NodeCount} nodal values, got {nodalValues.Length}", nameof(nodalValues));
        var values = new double[Count];
        for (int cell = 0, k = 0; cell < Mesh.CellCount; cell++)
        {
            var nodes = Mesh.CellNodes(cell);
            for (int q = 0; q < _ruleCount; q++, k++)
            {
                double sum = 0;
                for (int a = 0; a < _vertices; a++) sum += _basis[q * _vertices + a] * nodalValues[nodes[a]];
                values[k] = sum;
            }
        }
        return values;
    }
}
