namespace PdeNet.Geometry.Sampling;

/// <summary>The Hammersley set of n points x_i = ((i + ½)/n, φ_2(i), φ_3(i), ...), i = 0..n-1,
/// each coordinate rotated by a seeded shift modulo 1.</summary>
internal sealed class HammersleySampler(int seed) : PointSampler
{
    public override SamplingMethod Method => SamplingMethod.Hammersley;

    public override bool IsSequence => false;

    protected override void Fill(double[] points, int count, int dimension)
    {
        RadicalInverse.CheckDimension(dimension + 1, "Hammersley");
        var shifts = RadicalInverse.Shifts(seed, dimension);
        for (int i = 0; i < count; i++)
        {
            points[i * dimension] = RadicalInverse.Rotate((i + 0.5) / count, shifts[0]);
            for (int axis = 1; axis < dimension; axis++)
                points[i * dimension + axis] = RadicalInverse.Rotate(RadicalInverse.Of(i, RadicalInverse.Primes[axis - 1]), shifts[axis]);
        }
    }
}
