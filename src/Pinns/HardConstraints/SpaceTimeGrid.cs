using PdeNet.Core.Problems;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// A uniform space-time grid, time first: times t_0 &lt; … &lt; t_{nt-1} and, along each space axis a,
/// points x_a,0 &lt; … &lt; x_a,(n_a-1), all equally spaced. Grid points are numbered time-major,
/// p = n·S + s, with the spatial index s row-major over the axes (s = i in 1D, s = i·n_y + j in 2D)
/// and S = Π n_a; a basis sampled on the grid is (batch, P = nt·S, N).
/// </summary>
public sealed class SpaceTimeGrid
{
    private readonly double[] _times;
    private readonly double[][] _axes;
    private readonly double[] _spacing;

    /// <summary>Creates the grid; throws unless every coordinate list is increasing and uniform.</summary>
    /// <param name="times">t_n, at least 2, uniform.</param>
    /// <param name="axes">One list of positions per space axis (1 to 3 axes), each at least 3, uniform.</param>
    public SpaceTimeGrid(IReadOnlyList<double> times, IReadOnlyList<IReadOnlyList<double>> axes)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(axes);
        if (times.Count < 2) throw new ArgumentException($"at least 2 times are needed, got {times.Count}", nameof(times));
        if (axes.Count is < 1 or > 3) throw new ArgumentException($"a grid has 1 to 3 space axes, got {axes.Count}", nameof(axes));
        _times = times.ToArray();
        TimeStep = Step(_times, nameof(times));
        _axes = new double[axes.Count][];
        _spacing = new double[axes.Count];
        for (int a = 0; a < axes.Count; a++)
        {
            ArgumentNullException.ThrowIfNull(axes[a], nameof(axes));
            if (axes[a].Count < 3) throw new ArgumentException($"space axis {a} needs at least 3 points, got {axes[a].Count}", nameof(axes));
            _axes[a] = axes[a].ToArray();
            _spacing[a] = Step(_axes[a], $"{nameof(axes)}[{a}]");
        }
        Shape = [_times.Length, .. _axes.Select(x => x.Length)];
        SpatialPoints = _axes.Aggregate(1L, (p, x) => p * x.Length);
        Points = _times.Length * SpatialPoints;
    }

    /// <summary>
    /// The uniform grid of <paramref name="problem"/>'s box domain and time interval: <paramref name="times"/>
    /// levels from t_start to t_end and <paramref name="points"/>[a] points along axis a, both ends included on
    /// ordinary axes, the end x_max left out on a periodic axis (it is the same point as x_min).
    /// </summary>
    /// <param name="problem">A time-dependent problem on an interval, rectangle or box.</param>
    /// <param name="times">nt, at least 2.</param>
    /// <param name="points">n_a per space axis, one entry per dimension of the domain.</param>
    public static SpaceTimeGrid Uniform(Problem problem, int times, IReadOnlyList<int> points)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(points);
        var box = GridDomain.BoxOf(problem);
        var periodic = GridDomain.PeriodicAxes(problem);
        var interval = problem.Time ?? throw new ArgumentException($"problem '{problem.Name}' has no time interval; grid constraint rows need a time-dependent problem", nameof(problem));
        if (points.Count != box.Dimension)
            throw new ArgumentException($"problem '{problem.Name}' is {box.Dimension}D; give one point count per axis, got {points.Count}", nameof(points));
        if (times < 2) throw new ArgumentOutOfRangeException(nameof(times), times, "at least 2 time levels are needed");
        var axes = new double[box.Dimension][];
        for (int a = 0; a < box.Dimension; a++)
        {
            int n = points[a];
            if (n < 3) throw new ArgumentOutOfRangeException(nameof(points), n, $"axis {a} needs at least 3 points");
            double h = box.Extent(a) / (periodic[a] ? n : n - 1), start = box.Min[a];
            axes[a] = Enumerable.Range(0, n).Select(i => start + i * h).ToArray();
        }
        double dt = (interval.End - interval.Start) / (times - 1);
        return new SpaceTimeGrid(Enumerable.Range(0, times).Select(n => interval.Start + n * dt).ToArray(), axes);
    }

    /// <summary>t_n, length nt.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The positions along each space axis.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Axes => _axes;

    /// <summary>Δt.</summary>
    public double TimeStep { get; }

    /// <summary>h_a, the spacing along each space axis.</summary>
    public IReadOnlyList<double> Spacing => _spacing;

    /// <summary>d, the number of space axes.</summary>
    public int Dimension => _axes.Length;

    /// <summary>(nt, n_1, …, n_d), for an <see cref="ExpertPartition"/>.</summary>
    public int[] Shape { get; }

    /// <summary>S, the number of spatial points.</summary>
    public long SpatialPoints { get; }

    /// <summary>P = nt·S, the number of grid points.</summary>
    public long Points { get; }

    /// <summary>The multi-index (i_1, …, i_d) of spatial point <paramref name="s"/>.</summary>
    public int[] SpatialIndex(long s)
    {
        if (s < 0 || s >= SpatialPoints) throw new ArgumentOutOfRangeException(nameof(s), s, $"the grid has {SpatialPoints} spatial points");
        var index = new int[Dimension];
        for (int a = Dimension - 1; a >= 0; a--)
        {
            index[a] = (int)(s % _axes[a].Length);
            s /= _axes[a].Length;
        }
        return index;
    }

    /// <summary>The coordinates of spatial point <paramref name="s"/>, length d.</summary>
    public double[] Position(long s)
    {
        var index = SpatialIndex(s);
        return Enumerable.Range(0, Dimension).Select(a => _axes[a][index[a]]).ToArray();
    }

    private static double Step(double[] values, string name)
    {
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("the coordinates must be finite", name);
        double h = (values[^1] - values[0]) / (values.Length - 1);
        if (!(h > 0)) throw new ArgumentException("the coordinates must increase", name);
        double tolerance = 1e-9 * (Math.Abs(values[0]) + Math.Abs(values[^1]));
        for (int i = 1; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - values[i - 1] - h) > tolerance)
                throw new ArgumentException($"the grid must be uniform; step {i} is {values[i] - values[i - 1]}, expected {h}", name);
        }
        return h;
    }
}
