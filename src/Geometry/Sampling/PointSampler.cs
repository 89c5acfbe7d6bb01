namespace PdeNet.Geometry.Sampling;

/// <summary>
/// A seeded source of points in the unit cube [0, 1)^k. Sequences (random, Sobol, Halton) continue
/// where the previous call stopped, so successive calls give fresh points; designs (grid,
/// Hammersley, Latin hypercube) are built for the requested count. The same method, seed and calls
/// give the same points.
/// </summary>
public abstract class PointSampler
{
    private int _dimension;

    /// <summary>The method.</summary>
    public abstract SamplingMethod Method { get; }

    /// <summary>True for sequences, which continue across calls; false for designs built per call.</summary>
    public abstract bool IsSequence { get; }

    /// <summary>A sampler of the given method and seed.</summary>
    public static PointSampler Create(SamplingMethod method, int seed) => method switch
    {
        SamplingMethod.Random => new RandomSampler(new Random(seed)),
        SamplingMethod.Grid => new GridSampler(),
        SamplingMethod.Sobol => new SobolSampler(seed),
        SamplingMethod.Halton => new HaltonSampler(seed),
        SamplingMethod.Hammersley => new HammersleySampler(seed),
        SamplingMethod.LatinHypercube => new LatinHypercubeSampler(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown sampling method"),
    };

    /// <summary>A pseudo-random sampler drawing from <paramref name="random"/>.</summary>
    public static PointSampler From(Random random) => new RandomSampler(random);

    /// <summary>
    /// <paramref name="count"/> points in [0, 1)^<paramref name="dimension"/>, row-major, shape
    /// (count, dimension). A sequence keeps its dimension from the first call.
    /// </summary>
    public double[] Generate(int count, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the dimension must be at least 1");
        if (IsSequence)
        {
            if (_dimension == 0) _dimension = dimension;
            else if (_dimension != dimension)
                throw new InvalidOperationException($"this {Method} sequence produces {_dimension}-dimensional points; create another sampler for {dimension} dimensions");
        }
        var points = new double[count * dimension];
        Fill(points, count, dimension);
        return points;
    }

    /// <summary>Writes <paramref name="count"/> points into <paramref name="points"/>.</summary>
    protected abstract void Fill(double[] points, int count, int dimension);
}
