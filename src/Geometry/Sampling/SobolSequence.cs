namespace PdeNet.Geometry.Sampling;

/// <summary>
/// The Sobol sequence in up to 21 dimensions with the direction numbers of Joe and Kuo
/// (new-joe-kuo-6.21201; S. Joe and F. Y. Kuo, SIAM J. Sci. Comput. 30, 2635–2654, 2008), generated
/// in Gray-code order with 32-bit direction numbers: point 0 is the origin, then (½, ½, ...),
/// (¾, ¼, ...), ... For n = 2^m the first n points hold one point in each dyadic interval
/// [k/n, (k+1)/n) of every coordinate.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>Largest supported dimension.</summary>
    public const int MaxDimension = 21;

    private const int Bits = 32;

    // (degree s, coefficients a, initial direction numbers m_1..m_s) for dimensions 2..21.
    private static readonly (int S, int A, int[] M)[] Table =
    [
        (1, 0, [1]), (2, 1, [1, 3]), (3, 1, [1, 3, 1]), (3, 2, [1, 1, 1]), (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]), (5, 2, [1, 1, 5, 5, 17]), (5, 4, [1, 1, 5, 5, 5]), (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]), (5, 13, [1, 1, 1, 3, 11]), (5, 14, [1, 3, 5, 5, 31]), (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]), (6, 16, [1, 3, 1, 13, 27, 49]), (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]), (6, 25, [1, 1, 5, 5, 19, 61]), (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]),
    ];

    private readonly uint[][] _directions;
    private readonly uint[] _state;
    private long _index;

    /// <summary>Starts the sequence in <paramref name="dimension"/> dimensions.</summary>
    public SobolSequence(int dimension)
    {
        if (dimension is < 1 or > MaxDimension) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"Sobol points are available in 1 to {MaxDimension} dimensions");
        Dimension = dimension;
        _state = new uint[dimension];
        _directions = new uint[dimension][];
        for (int j = 0; j < dimension; j++)
        {
            var v = new uint[Bits + 1];
            if (j == 0)
            {
                for (int k = 1; k <= Bits; k++) v[k] = 1u << (Bits - k);
            }
            else
            {
                var (s, a, m) = Table[j - 1];
                for (int k = 1; k <= Math.Min(s, Bits); k++) v[k] = (uint)m[k - 1] << (Bits - k);
                for (int k = s + 1; k <= Bits; k++)
                {
                    v[k] = v[k - s] ^ (v[k - s] >> s);
                    for (int l = 1; l < s; l++)
                    {
                        if (((a >> (s - 1 - l)) & 1) != 0) v[k] ^= v[k - l];
                    }
                }
            }
            _directions[j] = v;
        }
    }

    /// <summary>Number of coordinates.</summary>
    public int Dimension { get; }

    /// <summary>Writes the next point's coordinates as 32-bit fractions (value / 2^32).</summary>
    public void Next(Span<uint> point)
    {
        if (_index >= 1L << Bits) throw new InvalidOperationException("the Sobol sequence is exhausted after 2^32 points");
        if (_index > 0)
        {
            // Gray-code update: flip the direction number of the lowest zero bit of index - 1.
            int c = 1;
            for (long value = _index - 1; (value & 1) == 1; value >>= 1) c++;
            for (int j = 0; j < Dimension; j++) _state[j] ^= _directions[j][c];
        }
        _index++;
        _state.CopyTo(point);
    }

    /// <summary>The next point in [0, 1)^d.</summary>
    public void Next(Span<double> point)
    {
        Span<uint> bits = stackalloc uint[Dimension];
        Next(bits);
        for (int j = 0; j < Dimension; j++) point[j] = bits[j] / 4294967296.0;
    }
}
