namespace PdeNet.Geometry.Sampling;

/// <summary>Uniform pseudo-random points from a <see cref="System.Random"/>, coordinate by coordinate.</summary>
internal sealed class RandomSampler(Random random) : PointSampler
{
    public override SamplingMethod Method => SamplingMethod.Random;

    public override bool IsSequence => true;

    protected override void Fill(double[] points, int count, int dimension)
    {
        for (int i = 0; i < points.Length; i++) points[i] = random.NextDouble();
    }
}
