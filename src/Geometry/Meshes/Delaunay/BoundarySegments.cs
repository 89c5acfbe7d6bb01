namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// The boundary segments in flat arrays: segment s joins vertex <see cref="A"/>[s] to
/// <see cref="B"/>[s] with the domain on its left, lies on chain <see cref="Chain"/>[s], and spans
/// the chain's patch parameters <see cref="UA"/>[s] to <see cref="UB"/>[s] (in either order).
/// Splitting a segment keeps its id for the first half and appends the second.
/// </summary>
internal sealed class BoundarySegments
{
    private int[] _a = new int[64], _b = new int[64], _chain = new int[64];
    private double[] _ua = new double[64], _ub = new double[64];

    /// <summary>Number of segments.</summary>
    public int Count { get; private set; }

    /// <summary>Start vertices.</summary>
    public ReadOnlySpan<int> A => _a.AsSpan(0, Count);

    /// <summary>End vertices.</summary>
    public ReadOnlySpan<int> B => _b.AsSpan(0, Count);

    /// <summary>Chain of each segment.</summary>
    public ReadOnlySpan<int> Chain => _chain.AsSpan(0, Count);

    /// <summary>Patch parameter at the start vertex.</summary>
    public ReadOnlySpan<double> UA => _ua.AsSpan(0, Count);

    /// <summary>Patch parameter at the end vertex.</summary>
    public ReadOnlySpan<double> UB => _ub.AsSpan(0, Count);

    /// <summary>Appends a segment and returns its id.</summary>
    public int Add(int a, int b, int chain, double ua, double ub)
    {
        if (Count == _a.Length)
        {
            int size = 2 * Count;
            Array.Resize(ref _a, size);
            Array.Resize(ref _b, size);
            Array.Resize(ref _chain, size);
            Array.Resize(ref _ua, size);
            Array.Resize(ref _ub, size);
        }
        (_a[Count], _b[Count], _chain[Count], _ua[Count], _ub[Count]) = (a, b, chain, ua, ub);
        return Count++;
    }

    /// <summary>Splits segment s at vertex m (parameter u): s becomes A–m, the returned new segment m–B.</summary>
    public int Split(int s, int m, double u)
    {
        int second = Add(m, _b[s], _chain[s], u, _ub[s]);
        _b[s] = m;
        _ub[s] = u;
        return second;
    }
}
