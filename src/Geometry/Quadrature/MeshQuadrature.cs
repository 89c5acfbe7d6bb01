using PdeNet.Geometry.Meshes;

namespace PdeNet.Geometry.Quadrature;

/// <summary>
/// The quadrature points of a triangle rule mapped onto every cell of a 2D triangle mesh: their
/// coordinates, weights (area × rule weight, so they sum to the mesh area), and the cell and rule
/// point each came from.
/// </summary>
public sealed class MeshQuadrature
{
    /// <summary>Maps <paramref name="rule"/> onto every triangle of <paramref name="mesh"/>.</summary>
    public MeshQuadrature(Mesh mesh, TriangleQuadrature rule)
    {
        if (mesh.CellType != CellType.Triangle || mesh.GeometricDimension != 2) throw new ArgumentException("mesh quadrature needs a 2D triangle mesh", nameof(mesh));
        Mesh = mesh;
        Rule = rule;
        int n = mesh.CellCount * rule.Count;
        Points = new double[2 * n];
        Weights = new double[n];
        var c = mesh.Coordinates;
        for (int cell = 0, k = 0; cell < mesh.CellCount; cell++)
        {
            var nodes = mesh.CellNodes(cell);
            double x0 = c[2 * nodes[0]], y0 = c[2 * nodes[0] + 1], x1 = c[2 * nodes[1]], y1 = c[2 * nodes[1] + 1], x2 = c[2 * nodes[2]], y2 = c[2 * nodes[2] + 1];
            double area = 0.5 * Math.Abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0));
            for (int q = 0; q < rule.Count; q++, k++)
            {
                double l0 = rule.Barycentric[3 * q], l1 = rule.Barycentric[3 * q + 1], l2 = rule.Barycentric[3 * q + 2];
                Points[2 * k] = l0 * x0 + l1 * x1 + l2 * x2;
                Points[2 * k + 1] = l0 * y0 + l1 * y1 + l2 * y2;
                Weights[k] = area * rule.Weights[q];
            }
        }
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>The reference rule.</summary>
    public TriangleQuadrature Rule { get; }

    /// <summary>Point coordinates, shape (cells × rule points, 2); cell c's points are consecutive.</summary>
    public double[] Points { get; }

    /// <summary>Weights, one per point; they sum to the mesh area.</summary>
    public double[] Weights { get; }

    /// <summary>Number of points.</summary>
    public int Count => Weights.Length;

    /// <summary>
    /// Values at the points of the P1 (piecewise linear) interpolant of nodal values, one per
    /// point: Σ λ_k(x_q) u(node_k).
    /// </summary>
    public double[] InterpolateNodal(ReadOnlySpan<double> nodalValues)
    {
        if (nodalValues.Length != Mesh.NodeCount) throw new ArgumentException($"expected {Mesh.NodeCount} nodal values, got {nodalValues.Length}", nameof(nodalValues));
        var values = new double[Count];
        for (int cell = 0, k = 0; cell < Mesh.CellCount; cell++)
        {
            var nodes = Mesh.CellNodes(cell);
            for (int q = 0; q < Rule.Count; q++, k++)
            {
                values[k] = Rule.Barycentric[3 * q] * nodalValues[nodes[0]] + Rule.Barycentric[3 * q + 1] * nodalValues[nodes[1]] + Rule.Barycentric[3 * q + 2] * nodalValues[nodes[2]];
            }
        }
        return values;
    }
}
