namespace PdeNet.Geometry.Sampling;

/// <summary>The Halton sequence x_i = (φ_2(i), φ_3(i), φ_5(i), ...) for i = 1, 2, ..., each
/// coordinate rotated by a seeded shift modulo 1.</summary>
internal sealed class HaltonSampler(int seed) : PointSampler
{
    private long _next = 1;
    private double[]? _shifts;

    public override SamplingMethod Method => SamplingMethod.Halton;

    public override bool IsSequence => true;

    protected override void Fill(double[] points, int count, int dimension)
    {
        RadicalInverse.CheckDimension(dimension, "Halton");
        _shifts ??= RadicalInverse.Shifts(seed, dimension);
        for (int i = 0; i < count; i++, _next++)
        {
            for (int axis = 0; axis < dimension; axis++)
                points[i * dimension + axis] = RadicalInverse.Rotate(RadicalInverse.Of(_next, RadicalInverse.Primes[axis]), _shifts[axis]);
        }
    }
}
