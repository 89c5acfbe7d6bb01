using System.Globalization;
using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Evolution;

/// <summary>
/// A solution of an evolution problem stored as snapshots of the solver's own grid at output
/// times t_0 &lt; … &lt; t_S. Between grid points the subclass interpolates in space; between
/// output times the values are interpolated by the cubic Lagrange polynomial through the four
/// nearest snapshots (exact at the output times themselves).
/// </summary>
public abstract class SnapshotSolution : Solution
{
    private const int CacheSize = 8;
    private readonly double[] _times;
    private readonly Dictionary<int, double[]> _cache = [];
    private double[]? _cachedPoints;

    /// <summary>Wraps snapshots at <paramref name="times"/> (increasing, at least two).</summary>
    protected SnapshotSolution(Problem problem, string solverName, IReadOnlyList<double> times) : base(problem, solverName)
    {
        if (times.Count < 2) throw new ArgumentException("a time series needs at least two output times", nameof(times));
        for (int k = 1; k < times.Count; k++)
        {
            if (!(times[k] > times[k - 1])) throw new ArgumentException("output times must increase", nameof(times));
        }
        _times = times.ToArray();
    }

    /// <summary>The output times.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The mesh whose nodes carry the solver's own values (grid points, cell centres).</summary>
    public abstract Mesh NativeMesh { get; }

    /// <summary>The unknown at the nodes of <see cref="NativeMesh"/> at output time <paramref name="snapshot"/>.</summary>
    public abstract double[] NativeValues(int snapshot);

    /// <summary>The unknown at <paramref name="points"/> (shape (n, d)) at output time <paramref name="snapshot"/>.</summary>
    protected abstract double[] InterpolateSnapshot(int snapshot, double[] points);

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> lies outside [t_0, t_S].</exception>
    public override double[] Evaluate(double[] points, double time = 0) => InterpolateInTime(points.Length / Problem.Dimension, time, k => Snapshot(k, points));

    /// <summary>
    /// The values at <paramref name="time"/> of a series given at the output times by
    /// <paramref name="snapshot"/> (<paramref name="count"/> values each): the snapshot itself at an
    /// output time, otherwise the cubic Lagrange polynomial through the four nearest snapshots.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> lies outside [t_0, t_S].</exception>
    protected double[] InterpolateInTime(int count, double time, Func<int, double[]> snapshot)
    {
        double span = _times[^1] - _times[0], tolerance = 1e-12 * span;
        if (!(time >= _times[0] - tolerance && time <= _times[^1] + tolerance))
            throw new ArgumentOutOfRangeException(nameof(time), time, string.Create(CultureInfo.InvariantCulture, $"the solution covers t in [{_times[0]:G6}, {_times[^1]:G6}]"));
        int index = Array.BinarySearch(_times, time);
        if (index < 0)
        {
            int above = ~index;
            if (above < _times.Length && _times[above] - time <= tolerance) index = above;
            else if (above > 0 && time - _times[above - 1] <= tolerance) index = above - 1;
        }
        if (index >= 0) return (double[])snapshot(index).Clone();

        // Cubic Lagrange through the four output times around t.
        int interval = Math.Clamp(~index - 1, 0, _times.Length - 2);
        int stencil = Math.Min(4, _times.Length);
        int first = Math.Clamp(interval - 1, 0, _times.Length - stencil);
        var values = new double[count];
        for (int a = first; a < first + stencil; a++)
        {
            double weight = 1;
            for (int b = first; b < first + stencil; b++)
            {
                if (b != a) weight *= (time - _times[b]) / (_times[a] - _times[b]);
            }
            var snapshotValues = snapshot(a);
            for (int i = 0; i < values.Length; i++) values[i] += weight * snapshotValues[i];
        }
        return values;
    }

    /// <summary>The snapshots as fields on <see cref="NativeMesh"/>, named after the solver unless a name is given.</summary>
    public IReadOnlyList<Field> Fields(string? name = null)
    {
        var attributes = FieldAttributes();
        return Enumerable.Range(0, _times.Length).Select(k => new Field(name ?? SolverName, NativeMesh, NativeValues(k), time: _times[k], attributes: attributes)).ToArray();
    }

    /// <summary>
    /// Writes the snapshots on the solver's own grid as a time series, <c>&lt;stem&gt;.h5</c> and
    /// <c>.xdmf</c> (<see cref="FieldFile.Write"/>), with the problem and its parameters as metadata.
    /// </summary>
    public FieldFilePaths WriteTo(string path, IReadOnlyDictionary<string, object>? metadata = null) =>
        FieldFile.Write(path, AllFields(), RunMetadata(metadata));

    /// <summary>Every field written by <see cref="WriteTo"/>; subclasses add derived quantities.</summary>
    protected virtual IReadOnlyList<Field> AllFields() => Fields();

    private Dictionary<string, object> RunMetadata(IReadOnlyDictionary<string, object>? extra)
    {
        var metadata = new Dictionary<string, object>
        {
            ["problem"] = Problem.Name,
            ["equation"] = Problem.Equation?.ToString() ?? "",
            ["solvers"] = SolverName,
        };
        foreach (var parameter in Problem.Parameters) metadata[$"parameter_{parameter.Name}"] = Problem.ValueOf(parameter);
        if (extra is not null)
        {
            foreach (var (key, value) in extra) metadata[key] = value;
        }
        return metadata;
    }

    private double[] Snapshot(int k, double[] points)
    {
        lock (_cache)
        {
            // Callers such as error norms evaluate the same points at many times: keep a few snapshots'
            // values for the last point set (compared by content, so a reused buffer is safe).
            if (_cachedPoints is null || !_cachedPoints.AsSpan().SequenceEqual(points))
            {
                _cache.Clear();
                _cachedPoints = (double[])points.Clone();
            }
            if (_cache.TryGetValue(k, out var values)) return values;
            if (_cache.Count >= CacheSize) _cache.Remove(_cache.Keys.MaxBy(j => Math.Abs(j - k)));
            values = InterpolateSnapshot(k, points);
            _cache[k] = values;
            return values;
        }
    }
}
