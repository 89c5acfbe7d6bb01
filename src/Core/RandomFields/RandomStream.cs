namespace PdeNet.Core.RandomFields;

/// <summary>
/// A seeded stream of pseudo-random numbers (xoshiro256** seeded through SplitMix64) whose output
/// is fixed by its seed on every platform and runtime version, unlike <see cref="Random"/>'s
/// unspecified algorithm. Sample <c>i</c> of a data set draws from <see cref="ForSample"/>, so
/// it depends only on (seed, i) and shards generated apart agree with one run. Not thread-safe:
/// use one stream per thread.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>A stream determined by <paramref name="seed"/>.</summary>
    public RandomStream(long seed)
    {
        ulong state = unchecked((ulong)seed);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>
    /// The stream of sample <paramref name="index"/> of a data set generated with
    /// <paramref name="seed"/>: a function of the pair only, decorrelated between neighbouring
    /// indices and seeds by two rounds of SplitMix64 mixing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static RandomStream ForSample(long seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ulong state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        ulong mixed = SplitMix(ref state);
        state = mixed ^ unchecked((ulong)index * 0xD1B54A32D192ED03UL);
        return new RandomStream(unchecked((long)SplitMix(ref state)));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal number N(0, 1) (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>Fills <paramref name="values"/> with independent N(0, 1) numbers.</summary>
    public void FillGaussian(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = NextGaussian();
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
