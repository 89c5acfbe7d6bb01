using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.FiniteVolume;

/// <summary>
/// A finite-volume solution on a uniform cell grid of an interval: at each output time the cell
/// values and the two boundary values; between them u is linear (through the boundary values at
/// the ends and the cell values at the cell centres), between output times cubic.
/// </summary>
public sealed class FiniteVolumeSolution : SnapshotSolution
{
    private readonly double[] _nodes;
    private readonly double[][] _values;
    private Mesh? _mesh;

    /// <summary>Wraps snapshots: per output time, N + 2 values (left boundary, N cells, right boundary).</summary>
    /// <param name="problem">The problem solved.</param>
    /// <param name="left">Left end a.</param>
    /// <param name="right">Right end b.</param>
    /// <param name="times">Output times.</param>
    /// <param name="values">Per output time, the N + 2 values.</param>
    /// <param name="boundaryGradients">Per output time, ∫ u_x dt from t0 at the left and right ends.</param>
    public FiniteVolumeSolution(Problem problem, double left, double right, IReadOnlyList<double> times, IReadOnlyList<double[]> values, IReadOnlyList<(double Left, double Right)> boundaryGradients)
        : base(problem, "finite-volume", times)
    {
        int cells = values[0].Length - 2;
        if (cells < 1 || values.Count != times.Count || values.Any(v => v.Length != cells + 2) || boundaryGradients.Count != times.Count)
            throw new ArgumentException("give one array of N + 2 values and one pair of boundary gradients per output time", nameof(values));
        double dx = (right - left) / cells;
        _nodes = new double[cells + 2];
        _nodes[0] = left;
        for (int i = 0; i < cells; i++) _nodes[i + 1] = left + (i + 0.5) * dx;
        _nodes[^1] = right;
        _values = values.ToArray();
        BoundaryGradients = boundaryGradients;
        Cells = cells;
    }

    /// <summary>Number of cells N.</summary>
    public int Cells { get; }

    /// <summary>The cell values at output time <paramref name="snapshot"/> (N values; do not modify).</summary>
    public ReadOnlySpan<double> CellValues(int snapshot) => _values[snapshot].AsSpan(1, Cells);

    /// <summary>The boundary values (left, right) at output time <paramref name="snapshot"/>.</summary>
    public (double Left, double Right) BoundaryValues(int snapshot) => (_values[snapshot][0], _values[snapshot][^1]);

    /// <summary>
    /// Per output time, the time integrals ∫ u_x dt from t0 of the boundary-face gradients, by the
    /// time-stepping formula itself (backward Euler, then BDF2).
    /// </summary>
    public IReadOnlyList<(double Left, double Right)> BoundaryGradients { get; }

    /// <summary>The cell centres.</summary>
    public ReadOnlySpan<double> Centres => _nodes.AsSpan(1, Cells);

    /// <inheritdoc/>
    public override Mesh NativeMesh => _mesh ??= BuildMesh();

    /// <inheritdoc/>
    public override double[] NativeValues(int snapshot) => (double[])_values[snapshot].Clone();

    /// <inheritdoc/>
    protected override double[] InterpolateSnapshot(int snapshot, double[] points)
    {
        var values = _values[snapshot];
        var result = new double[points.Length];
        for (int p = 0; p < points.Length; p++)
        {
            double x = Math.Clamp(points[p], _nodes[0], _nodes[^1]);
            int i = Array.BinarySearch(_nodes, x);
            if (i >= 0)
            {
                result[p] = values[i];
                continue;
            }
            int above = Math.Min(~i, _nodes.Length - 1), below = above - 1;
            double s = (x - _nodes[below]) / (_nodes[above] - _nodes[below]);
            result[p] = (1 - s) * values[below] + s * values[above];
        }
        return result;
    }

    private Mesh BuildMesh()
    {
        int nodes = _nodes.Length;
        var cells = new int[2 * (nodes - 1)];
        for (int i = 0; i < nodes - 1; i++) (cells[2 * i], cells[2 * i + 1]) = (i, i + 1);
        return new Mesh(CellType.Interval, 1, (double[])_nodes.Clone(), cells, [0, nodes - 1], [0, 1], ["left", "right"]);
    }
}
