namespace PdeNet.Geometry.Sampling;

/// <summary>The Sobol sequence with a seeded random digital shift (each coordinate's bits XOR a
/// random 32-bit word), which keeps its net structure.</summary>
internal sealed class SobolSampler(int seed) : PointSampler
{
    private SobolSequence? _sequence;
    private uint[]? _shift;

    public override SamplingMethod Method => SamplingMethod.Sobol;

    public override bool IsSequence => true;

    protected override void Fill(double[] points, int count, int dimension)
    {
        _sequence ??= new SobolSequence(dimension);
        if (_shift is null)
        {
            var random = new Random(seed);
            _shift = Enumerable.Range(0, dimension).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
        }
        Span<uint> bits = stackalloc uint[dimension];
        for (int i = 0; i < count; i++)
        {
            _sequence.Next(bits);
            for (int j = 0; j < dimension; j++) points[i * dimension + j] = (bits[j] ^ _shift[j]) / 4294967296.0;
        }
    }
}
