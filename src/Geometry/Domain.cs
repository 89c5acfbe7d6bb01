using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;

namespace PdeNet.Geometry;

/// <summary>
/// A bounded open region of R^d with a boundary made of named parts. Domains combine with
/// <c>|</c> (union), <c>-</c> (difference) and <c>&amp;</c> (intersection). Every domain can say
/// whether a point is inside, how far it is from the boundary, and can be sampled in its interior
/// and on its boundary (with outward normals), all with a caller-supplied seeded random source.
/// </summary>
public abstract class Domain
{
    /// <summary>Space dimension d.</summary>
    public abstract int Dimension { get; }

    /// <summary>An axis-aligned box containing the domain.</summary>
    public abstract BoundingBox Bounds { get; }

    /// <summary>
    /// Signed distance to the boundary: negative inside, positive outside, zero on the boundary.
    /// Exact for primitives; for set operations it is the usual min/max combination, exact in
    /// sign and a lower bound on the distance.
    /// </summary>
    public abstract double SignedDistance(ReadOnlySpan<double> point);

    /// <summary>True when the point lies in the open domain.</summary>
    public bool Contains(ReadOnlySpan<double> point) => SignedDistance(point) < 0;

    /// <summary>The pieces that may carry boundary points, each with the test that keeps a point
    /// of the piece on this domain's boundary.</summary>
    internal abstract IReadOnlyList<BoundaryCandidate> BoundaryCandidates { get; }

    /// <summary>Names of the boundary parts, in order of first appearance.</summary>
    public IReadOnlyList<string> BoundaryParts => _parts ??= BoundaryCandidates.Select(c => c.Patch.Part).Distinct().ToArray();

    private IReadOnlyList<string>? _parts;

    /// <summary>A selector for the whole boundary.</summary>
    public BoundarySelector Boundary => BoundarySelector.All;

    /// <summary>A selector for named parts of the boundary; throws when a name is unknown.</summary>
    public BoundarySelector Parts(params string[] names)
    {
        var selector = BoundarySelector.Parts(names);
        selector.Validate(this);
        return selector;
    }

    /// <summary>Union A ∪ B.</summary>
    public static Domain operator |(Domain a, Domain b) => new BooleanDomain(BooleanOperation.Union, a, b);

    /// <summary>Difference A \ B.</summary>
    public static Domain operator -(Domain a, Domain b) => new BooleanDomain(BooleanOperation.Difference, a, b);

    /// <summary>Intersection A ∩ B.</summary>
    public static Domain operator &(Domain a, Domain b) => new BooleanDomain(BooleanOperation.Intersection, a, b);

    /// <summary>
    /// Samples points uniformly in the interior by rejection from the bounding box.
    /// </summary>
    /// <returns>Coordinates, row-major, shape (count, d).</returns>
    public double[] SampleInterior(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var box = Bounds;
        int d = Dimension;
        var points = new double[count * d];
        Span<double> x = stackalloc double[d];
        long attempts = 0, limit = 10_000L + 10_000L * count;
        for (int n = 0; n < count;)
        {
            if (++attempts > limit) throw new InvalidGeometryException($"the domain has no interior inside its bounds {box}");
            for (int i = 0; i < d; i++) x[i] = box.Min[i] + random.NextDouble() * box.Extent(i);
            if (!Contains(x)) continue;
            x.CopyTo(points.AsSpan(n * d, d));
            n++;
        }
        return points;
    }

    /// <summary>
    /// Samples points on the selected boundary, uniformly in arc length (2D), with the unit
    /// outward normal and the part name at each point.
    /// </summary>
    public BoundarySample SampleBoundary(int count, Random random, BoundarySelector? selector = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        selector ??= BoundarySelector.All;
        selector.Validate(this);
        var candidates = BoundaryCandidates;
        var cumulative = new double[candidates.Count];
        double total = 0;
        for (int i = 0; i < candidates.Count; i++) cumulative[i] = total += candidates[i].Patch.Measure;
        int d = Dimension;
        var points = new double[count * d];
        var normals = new double[count * d];
        var parts = new string[count];
        Span<double> x = stackalloc double[d];
        Span<double> n = stackalloc double[d];
        long attempts = 0, limit = 10_000L + 10_000L * count;
        for (int k = 0; k < count;)
        {
            if (++attempts > limit) throw new InvalidGeometryException($"the boundary selection '{selector}' is empty on this domain");
            double s = random.NextDouble() * total;
            int index = Array.BinarySearch(cumulative, s);
            index = Math.Min(index < 0 ? ~index : index, candidates.Count - 1);
            var candidate = candidates[index];
            double start = index == 0 ? 0 : cumulative[index - 1];
            double u = Math.Clamp((s - start) / candidate.Patch.Measure, 0, 1);
            candidate.Patch.Map(u, random.NextDouble(), x, n);
            if (!candidate.Accepts(x, n) || !selector.Includes(candidate.Patch.Part, x)) continue;
            x.CopyTo(points.AsSpan(k * d, d));
            n.CopyTo(normals.AsSpan(k * d, d));
            parts[k] = candidate.Patch.Part;
            k++;
        }
        return new BoundarySample(d, points, normals, parts);
    }

    /// <summary>
    /// The boundary part at a point on (or within <paramref name="tolerance"/> of) the boundary,
    /// with the outward normal there; null when the point is not on the boundary.
    /// </summary>
    public string? BoundaryPartAt(ReadOnlySpan<double> point, double tolerance, Span<double> normal)
    {
        int d = Dimension;
        Span<double> closest = stackalloc double[d];
        Span<double> n = stackalloc double[d];
        string? best = null;
        double bestDistance = double.PositiveInfinity;
        foreach (var candidate in BoundaryCandidates)
        {
            double distance = candidate.Patch.Project(point, closest, n);
            if (distance > tolerance || distance >= bestDistance || !candidate.Accepts(closest, n)) continue;
            bestDistance = distance;
            best = candidate.Patch.Part;
            n.CopyTo(normal);
        }
        return best;
    }
}
