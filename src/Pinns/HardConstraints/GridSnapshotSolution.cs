using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// A scalar solution known at the points of a uniform <see cref="SpaceTimeGrid"/>: (bi)linear in space on each
/// time level (a periodic axis wraps around from its last point to the first), linear in time between levels.
/// </summary>
public sealed class GridSnapshotSolution : Solution
{
    private readonly SpaceTimeGrid _grid;
    private readonly GridCoefficient[] _levels;

    /// <summary>Wraps the values <paramref name="values"/> of the unknown at the grid points.</summary>
    /// <param name="problem">The problem solved (1D or 2D space).</param>
    /// <param name="solverName">The solver's name.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="periodic">Which space axes are periodic.</param>
    /// <param name="values">u at the P grid points, time-major (p = n·S + s).</param>
    public GridSnapshotSolution(Problem problem, string solverName, SpaceTimeGrid grid, bool[] periodic, double[] values) : base(problem, solverName)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(periodic);
        ArgumentNullException.ThrowIfNull(values);
        if (grid.Dimension > 2) throw new ArgumentException($"grid solutions are 1D or 2D in space, got {grid.Dimension}D", nameof(grid));
        if (values.Length != grid.Points) throw new ArgumentException($"{values.Length} values for {grid.Points} grid points", nameof(values));
        _grid = grid;
        int d = grid.Dimension;
        // A periodic axis gets its wrapped end node (x_max, equal to x_0), so that the interpolant covers the period.
        var counts = Enumerable.Range(0, d).Select(a => grid.Shape[1 + a] + (periodic[a] ? 1 : 0)).ToArray();
        var lower = Enumerable.Range(0, d).Select(a => grid.Axes[a][0]).ToArray();
        var upper = Enumerable.Range(0, d).Select(a => grid.Axes[a][0] + (counts[a] - 1) * grid.Spacing[a]).ToArray();
        _levels = new GridCoefficient[grid.Shape[0]];
        long spatial = grid.SpatialPoints;
        for (int n = 0; n < _levels.Length; n++)
        {
            var level = new double[counts.Aggregate(1, (p, c) => p * c)];
            for (int k = 0; k < level.Length; k++)
            {
                int rest = k;
                long s = 0;
                var index = new int[d];
                for (int a = d - 1; a >= 0; a--)
                {
                    index[a] = rest % counts[a];
                    rest /= counts[a];
                }
                for (int a = 0; a < d; a++) s = s * grid.Shape[1 + a] + index[a] % grid.Shape[1 + a];
                level[k] = values[n * spatial + s];
            }
            _levels[n] = new GridCoefficient(solverName, lower, upper, counts, level, GridInterpolation.Linear);
        }
    }

    /// <summary>The grid.</summary>
    public SpaceTimeGrid Grid => _grid;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> lies outside the grid's time interval.</exception>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        var t = _grid.Times;
        double tolerance = 1e-12 * Math.Max(1, Math.Abs(t[^1]));
        if (time < t[0] - tolerance || time > t[^1] + tolerance)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"the solution covers t = {t[0]} … {t[^1]}");
        double position = Math.Clamp((time - t[0]) / _grid.TimeStep, 0, t.Count - 1);
        int n = Math.Min((int)Math.Floor(position), t.Count - 2);
        double w = position - n;
        int d = _grid.Dimension;
        var result = new double[points.Length / d];
        for (int i = 0; i < result.Length; i++)
        {
            double At(GridCoefficient level) => d == 1 ? level.At(points[i]) : level.At(points[2 * i], points[2 * i + 1]);
            result[i] = (1 - w) * At(_levels[n]) + (w == 0 ? 0 : w * At(_levels[n + 1]));
        }
        return result;
    }
}
