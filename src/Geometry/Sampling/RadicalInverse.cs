namespace PdeNet.Geometry.Sampling;

/// <summary>The van der Corput radical inverse and the prime bases of Halton-type points.</summary>
internal static class RadicalInverse
{
    /// <summary>The first 32 primes, the bases of the first 32 Halton coordinates.</summary>
    public static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131];

    /// <summary>φ_b(i): the digits of i in base b mirrored about the radix point.</summary>
    public static double Of(long index, int radix)
    {
        double result = 0, scale = 1.0 / radix;
        while (index > 0)
        {
            result += index % radix * scale;
            index /= radix;
            scale /= radix;
        }
        return result;
    }

    /// <summary>Seeded Cranley–Patterson shifts, one per coordinate, in [0, 1).</summary>
    public static double[] Shifts(int seed, int dimension)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray();
    }

    /// <summary>(x + shift) mod 1.</summary>
    public static double Rotate(double x, double shift)
    {
        double y = x + shift;
        return y >= 1 ? y - 1 : y;
    }

    public static void CheckDimension(int dimension, string method)
    {
        if (dimension > Primes.Length) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"{method} points are available up to {Primes.Length} dimensions");
    }
}
