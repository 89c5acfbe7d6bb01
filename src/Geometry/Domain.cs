using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Sampling;

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

    /// <summary>The boundary patches (segments, arcs, faces, ...) with their part names; for set
    /// operations these include stretches that are not on the result's boundary.</summary>
    public IEnumerable<BoundaryPatch> BoundaryPatches => BoundaryCandidates.Select(c => c.Patch);

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

    /// <summary>The domain shifted by <paramref name="offset"/> (one entry per axis).</summary>
    public Domain Translate(params double[] offset)
    {
        if (offset.Length != Dimension) throw new InvalidGeometryException($"a {Dimension}D domain needs a shift with {Dimension} entries, got {offset.Length}");
        return new TransformedDomain(this, Similarity.Translation(offset));
    }

    /// <summary>The 2D domain rotated by <paramref name="angle"/> radians counter-clockwise about the origin.</summary>
    public Domain Rotate(double angle) => Dimension == 2
        ? new TransformedDomain(this, Similarity.Rotation2D(angle))
        : throw new InvalidGeometryException($"Rotate(angle) turns 2D domains; give an axis for a {Dimension}D domain");

    /// <summary>The 3D domain rotated by <paramref name="angle"/> radians about <paramref name="axis"/> through the origin.</summary>
    public Domain Rotate((double X, double Y, double Z) axis, double angle) => Dimension == 3
        ? new TransformedDomain(this, Similarity.Rotation3D(axis, angle))
        : throw new InvalidGeometryException($"Rotate(axis, angle) turns 3D domains; this one is {Dimension}D");

    /// <summary>The domain scaled by <paramref name="factor"/> about the origin (uniform scaling keeps distances exact).</summary>
    public Domain Scale(double factor) => new TransformedDomain(this, Similarity.Scaling(Dimension, factor));

    /// <summary>Samples points uniformly in the interior by rejection from the bounding box.</summary>
    /// <returns>Coordinates, row-major, shape (count, d).</returns>
    public double[] SampleInterior(int count, Random random) => SampleInterior(count, PointSampler.From(random));

    /// <summary>
    /// Samples the interior with <paramref name="sampler"/>'s points mapped into the bounding box,
    /// keeping those inside; a grid gives about, not exactly, <paramref name="count"/> points.
    /// </summary>
    /// <returns>Coordinates, row-major, shape (n, d).</returns>
    public double[] SampleInterior(int count, PointSampler sampler) => DomainSampling.Interior(this, count, sampler, []);

    /// <summary>
    /// Samples points on the selected boundary, uniformly in arc length (2D) or area (3D), with the
    /// unit outward normal and the part name at each point.
    /// </summary>
    public BoundarySample SampleBoundary(int count, Random random, BoundarySelector? selector = null) =>
        SampleBoundary(count, PointSampler.From(random), selector);

    /// <summary>Samples the selected boundary with <paramref name="sampler"/>'s points, uniformly in measure.</summary>
    public BoundarySample SampleBoundary(int count, PointSampler sampler, BoundarySelector? selector = null) =>
        DomainSampling.Boundary(this, count, sampler, selector ?? BoundarySelector.All, []);

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
