using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// A finite-element solution: nodal values of the continuous P1 function u_h on a triangle mesh.
/// Evaluating at a point interpolates linearly in the triangle that contains it (NaN outside
/// the mesh).
/// </summary>
public sealed class FemSolution : Solution
{
    private TriangleLocator? _locator;

    /// <summary>Wraps nodal values on <paramref name="mesh"/>.</summary>
    public FemSolution(Problem problem, Mesh mesh, double[] values) : base(problem, "fem")
    {
        if (values.Length != mesh.NodeCount) throw new ArgumentException($"expected {mesh.NodeCount} nodal values, got {values.Length}", nameof(values));
        Mesh = mesh;
        Values = values;
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>Nodal values u_h(x_i), one per mesh node.</summary>
    public double[] Values { get; }

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        _locator ??= new TriangleLocator(Mesh);
        var values = new double[points.Length / 2];
        Span<double> lambda = stackalloc double[3];
        for (int i = 0; i < values.Length; i++)
        {
            int cell = _locator.Locate(points[2 * i], points[2 * i + 1], lambda);
            if (cell < 0)
            {
                values[i] = double.NaN;
                continue;
            }
            var nodes = Mesh.CellNodes(cell);
            values[i] = lambda[0] * Values[nodes[0]] + lambda[1] * Values[nodes[1]] + lambda[2] * Values[nodes[2]];
        }
        return values;
    }

    /// <inheritdoc/>
    public override Field ToField(Mesh mesh, string? name = null, double time = 0) =>
        ReferenceEquals(mesh, Mesh)
            ? new Field(name ?? SolverName, mesh, (double[])Values.Clone(), time: time, attributes: FieldAttributes())
            : base.ToField(mesh, name, time);
}
