namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The fixed uniform router of the mixture of experts: a grid of shape (n_0, n_1, …) (time first,
/// then space, flattened row-major) split into s_0 × s_1 × … contiguous blocks of nearly equal size;
/// point (i_0, i_1, …) belongs to expert Σ_a ⌊i_a s_a / n_a⌋ · Π_{b&gt;a} s_b.
/// </summary>
public sealed class ExpertPartition
{
    private readonly int[] _shape;
    private readonly int[] _splits;

    /// <summary>Creates the partition.</summary>
    /// <param name="gridShape">Points along each grid axis, e.g. (nt, nx).</param>
    /// <param name="splits">Experts along each axis, e.g. (1, 4) for four experts in x; each 1 ≤ s_a ≤ n_a.</param>
    public ExpertPartition(IReadOnlyList<int> gridShape, IReadOnlyList<int> splits)
    {
        ArgumentNullException.ThrowIfNull(gridShape);
        ArgumentNullException.ThrowIfNull(splits);
        if (gridShape.Count == 0) throw new ArgumentException("the grid needs at least one axis", nameof(gridShape));
        if (splits.Count != gridShape.Count)
            throw new ArgumentException($"one split per grid axis: the grid has {gridShape.Count} axes, got {splits.Count} splits", nameof(splits));
        for (int a = 0; a < gridShape.Count; a++)
        {
            if (gridShape[a] < 1) throw new ArgumentOutOfRangeException(nameof(gridShape), gridShape[a], $"axis {a} needs at least one point");
            if (splits[a] < 1 || splits[a] > gridShape[a])
                throw new ArgumentOutOfRangeException(nameof(splits), splits[a], $"axis {a} has {gridShape[a]} points; its split must be between 1 and that");
        }
        _shape = gridShape.ToArray();
        _splits = splits.ToArray();
        Count = _splits.Aggregate(1, (p, s) => p * s);
        Points = _shape.Aggregate(1L, (p, s) => p * s);
    }

    /// <summary>K, the number of experts.</summary>
    public int Count { get; }

    /// <summary>Number of grid points.</summary>
    public long Points { get; }

    /// <summary>Grid shape.</summary>
    public IReadOnlyList<int> GridShape => _shape;

    /// <summary>Experts along each axis.</summary>
    public IReadOnlyList<int> Splits => _splits;

    /// <summary>The expert that owns the grid point with flat (row-major) index <paramref name="point"/>.</summary>
    public int ExpertOf(long point)
    {
        if (point < 0 || point >= Points) throw new ArgumentOutOfRangeException(nameof(point), point, $"the grid has {Points} points");
        int expert = 0;
        long rest = point;
        var index = new long[_shape.Length];
        for (int a = _shape.Length - 1; a >= 0; a--)
        {
            index[a] = rest % _shape[a];
            rest /= _shape[a];
        }
        for (int a = 0; a < _shape.Length; a++)
            expert = expert * _splits[a] + (int)(index[a] * _splits[a] / _shape[a]);
        return expert;
    }

    /// <summary>Owner of every grid point, length <see cref="Points"/>.</summary>
    public int[] Owners()
    {
        var owners = new int[Points];
        for (long p = 0; p < Points; p++) owners[p] = ExpertOf(p);
        return owners;
    }
}
