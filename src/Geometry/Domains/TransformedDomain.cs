using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>
/// The image of a domain under a <see cref="Similarity"/> (translation, rotation, uniform scale):
/// boundary parts keep their names, patches and normals move with the map, and the signed
/// distance stays exact (scaled by s).
/// </summary>
public sealed class TransformedDomain : Domain
{
    private readonly BoundaryCandidate[] _candidates;

    /// <summary>Maps <paramref name="inner"/> by <paramref name="map"/>.</summary>
    public TransformedDomain(Domain inner, Similarity map)
    {
        if (map.Dimension != inner.Dimension) throw new InvalidGeometryException($"a {map.Dimension}D transformation cannot move a {inner.Dimension}D domain");
        // Compose with an inner transformation instead of nesting.
        if (inner is TransformedDomain nested)
        {
            inner = nested.Inner;
            map = nested.Map.Then(map);
        }
        Inner = inner;
        Map = map;
        Bounds = MapBounds(inner.Bounds, map);
        _candidates = inner.BoundaryCandidates.Select(c => new BoundaryCandidate(new MovedPatch(c.Patch, map), (x, n) =>
        {
            int d = map.Dimension;
            Span<double> innerX = stackalloc double[d];
            Span<double> innerN = stackalloc double[d];
            map.Invert(x, innerX);
            map.TurnBack(n, innerN);
            return c.Accepts(innerX, innerN);
        })).ToArray();
    }

    /// <summary>The domain before the map.</summary>
    public Domain Inner { get; }

    /// <summary>The map.</summary>
    public Similarity Map { get; }

    /// <inheritdoc/>
    public override int Dimension => Inner.Dimension;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        Span<double> x = stackalloc double[Dimension];
        Map.Invert(point, x);
        return Map.Scale * Inner.SignedDistance(x);
    }

    private static BoundingBox MapBounds(BoundingBox box, Similarity map)
    {
        int d = box.Dimension;
        var min = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        Span<double> corner = stackalloc double[d];
        Span<double> image = stackalloc double[d];
        for (int mask = 0; mask < 1 << d; mask++)
        {
            for (int i = 0; i < d; i++) corner[i] = (mask >> i & 1) == 0 ? box.Min[i] : box.Max[i];
            map.Apply(corner, image);
            for (int i = 0; i < d; i++)
            {
                min[i] = Math.Min(min[i], image[i]);
                max[i] = Math.Max(max[i], image[i]);
            }
        }
        return new BoundingBox(min, max);
    }

    /// <summary>A patch carried by the map: measure scaled by s^(d-1).</summary>
    private sealed class MovedPatch(BoundaryPatch inner, Similarity map) : BoundaryPatch(inner.Part)
    {
        public override int Dimension => inner.Dimension;

        public override double Measure => inner.Measure * Math.Pow(map.Scale, inner.Dimension - 1);

        public override void Map(double u, double v, Span<double> point, Span<double> normal)
        {
            inner.Map(u, v, point, normal);
            map.Apply(point, point);
            map.Turn(normal, normal);
        }

        public override double Project(ReadOnlySpan<double> point, Span<double> closest, Span<double> normal)
        {
            Span<double> x = stackalloc double[Dimension];
            map.Invert(point, x);
            double distance = inner.Project(x, closest, normal);
            map.Apply(closest, closest);
            map.Turn(normal, normal);
            return distance * map.Scale;
        }
    }
}
