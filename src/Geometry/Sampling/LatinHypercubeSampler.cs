namespace PdeNet.Geometry.Sampling;

/// <summary>Latin hypercube samples: along every axis each of the n strata [k/n, (k+1)/n) holds
/// exactly one point, at a uniform position inside it; strata are paired across axes by seeded
/// random permutations.</summary>
internal sealed class LatinHypercubeSampler(int seed) : PointSampler
{
    private int _calls;

    public override SamplingMethod Method => SamplingMethod.LatinHypercube;

    public override bool IsSequence => false;

    protected override void Fill(double[] points, int count, int dimension)
    {
        var random = new Random(unchecked(seed * 1_000_003 + _calls++));
        var strata = new int[count];
        for (int axis = 0; axis < dimension; axis++)
        {
            for (int k = 0; k < count; k++) strata[k] = k;
            random.Shuffle(strata);
            for (int i = 0; i < count; i++) points[i * dimension + axis] = (strata[i] + random.NextDouble()) / count;
        }
    }
}
