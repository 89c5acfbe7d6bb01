using System.Numerics;
using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// A solution on a periodic grid: the unknown at every grid point at each output time. Between
/// grid points it is the trigonometric interpolant in 1D and an eighth-order Lagrange interpolant in
/// 2D (<see cref="PeriodicInterpolation"/>); between output times, cubic in t.
/// </summary>
public class PeriodicGridSolution : SnapshotSolution
{
    private readonly double[][] _values;
    private readonly Complex[]?[] _spectra;
    private Mesh? _mesh;

    /// <summary>Wraps grid values (one array of n^d values, x fastest, per output time).</summary>
    public PeriodicGridSolution(Problem problem, string solverName, PeriodicGrid grid, IReadOnlyList<double> times, IReadOnlyList<double[]> values)
        : base(problem, solverName, times)
    {
        if (values.Count != times.Count) throw new ArgumentException($"{times.Count} output times but {values.Count} snapshots", nameof(values));
        if (values.Any(v => v.Length != grid.Count)) throw new ArgumentException($"every snapshot needs {grid.Count} grid values", nameof(values));
        if (grid.Dimension != problem.Dimension) throw new ArgumentException($"a {grid.Dimension}D grid for a {problem.Dimension}D problem", nameof(grid));
        Grid = grid;
        _values = values.ToArray();
        _spectra = new Complex[]?[values.Count];
    }

    /// <summary>The grid.</summary>
    public PeriodicGrid Grid { get; }

    /// <summary>The grid values at output time <paramref name="snapshot"/> (n^d values, x fastest; do not modify).</summary>
    public ReadOnlySpan<double> GridValues(int snapshot) => _values[snapshot];

    /// <inheritdoc/>
    public override Mesh NativeMesh => _mesh ??= Grid.Mesh(Problem.Domain!);

    /// <inheritdoc/>
    public override double[] NativeValues(int snapshot) => Grid.ToMeshValues(_values[snapshot]);

    /// <inheritdoc/>
    protected override double[] InterpolateSnapshot(int snapshot, double[] points)
    {
        if (Grid.Dimension == 2) return PeriodicInterpolation.Lagrange(Grid, _values[snapshot], points);
        var spectrum = _spectra[snapshot];
        if (spectrum is null)
        {
            spectrum = new Complex[Grid.Points / 2 + 1];
            new RealFourierTransform(Grid.Points).Forward(_values[snapshot], spectrum);
            _spectra[snapshot] = spectrum;
        }
        return PeriodicInterpolation.Trigonometric(Grid, spectrum, points);
    }
}
