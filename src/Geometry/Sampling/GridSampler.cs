namespace PdeNet.Geometry.Sampling;

/// <summary>The centres of a k^d lattice of equal cells with k = ⌈count^(1/d)⌉, first axis fastest:
/// at least <c>count</c> points; exactly k^d are returned.</summary>
internal sealed class GridSampler : PointSampler
{
    public override SamplingMethod Method => SamplingMethod.Grid;

    public override bool IsSequence => false;

    /// <summary>Cells per axis for at least <paramref name="count"/> points.</summary>
    public static int Side(int count, int dimension)
    {
        int k = Math.Max(1, (int)Math.Ceiling(Math.Pow(count, 1.0 / dimension) - 1e-9));
        while (Math.Pow(k, dimension) < count) k++;
        return k;
    }

    protected override void Fill(double[] points, int count, int dimension) =>
        throw new InvalidOperationException("a grid has k^d points; use Lattice");

    /// <summary>The k^d cell centres, shape (k^d, dimension).</summary>
    public static double[] Lattice(int k, int dimension)
    {
        long total = (long)Math.Pow(k, dimension);
        if (total > 100_000_000) throw new ArgumentOutOfRangeException(nameof(k), $"a grid of {k}^{dimension} points is too large");
        var points = new double[total * dimension];
        for (long i = 0; i < total; i++)
        {
            long rest = i;
            for (int axis = 0; axis < dimension; axis++)
            {
                points[i * dimension + axis] = (rest % k + 0.5) / k;
                rest /= k;
            }
        }
        return points;
    }
}
