using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Domains;

/// <summary>
/// The union, difference or intersection of two domains (constructive solid geometry).
/// Its boundary is made of the operands' boundary patches; a point of a patch, with its outward
/// normal n, belongs to the result's boundary exactly when the result contains x - εn and not
/// x + εn. Where both operands have boundary at the same place, the second operand's copy is
/// dropped so sampling stays uniform. Part names carry over from the operands.
/// </summary>
public sealed class BooleanDomain : Domain
{
    private readonly BoundaryCandidate[] _candidates;
    private readonly double _epsilon;

    /// <summary>Combines <paramref name="first"/> and <paramref name="second"/>.</summary>
    public BooleanDomain(BooleanOperation operation, Domain first, Domain second)
    {
        if (first.Dimension != second.Dimension)
            throw new InvalidGeometryException($"cannot combine a {first.Dimension}D domain with a {second.Dimension}D domain");
        Operation = operation;
        First = first;
        Second = second;
        Bounds = operation switch
        {
            BooleanOperation.Union => first.Bounds.Union(second.Bounds),
            BooleanOperation.Intersection => first.Bounds.Intersect(second.Bounds),
            _ => first.Bounds,
        };
        if (Bounds.IsEmpty) throw new InvalidGeometryException($"the {operation.ToString().ToLowerInvariant()} of the two domains is empty");
        _epsilon = 1e-9 * Math.Max(first.Bounds.Diameter, second.Bounds.Diameter);
        var fromFirst = first.BoundaryCandidates.Select(c => Restrict(c, null));
        var fromSecond = second.BoundaryCandidates.Select(c => Restrict(
            operation == BooleanOperation.Difference ? c with { Patch = c.Patch.Flipped() } : c, first));
        _candidates = fromFirst.Concat(fromSecond).ToArray();
        if (IsEmptySet()) throw new InvalidGeometryException($"the {operation.ToString().ToLowerInvariant()} of the two domains is empty");
    }

    /// <summary>The set operation.</summary>
    public BooleanOperation Operation { get; }

    /// <summary>The first operand A.</summary>
    public Domain First { get; }

    /// <summary>The second operand B.</summary>
    public Domain Second { get; }

    /// <inheritdoc/>
    public override int Dimension => First.Dimension;

    /// <inheritdoc/>
    public override BoundingBox Bounds { get; }

    internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => _candidates;

    /// <inheritdoc/>
    public override double SignedDistance(ReadOnlySpan<double> point)
    {
        double a = First.SignedDistance(point), b = Second.SignedDistance(point);
        return Operation switch
        {
            BooleanOperation.Union => Math.Min(a, b),
            BooleanOperation.Intersection => Math.Max(a, b),
            _ => Math.Max(a, -b),
        };
    }

    private BoundaryCandidate Restrict(BoundaryCandidate candidate, Domain? dropOnBoundaryOf) =>
        new(candidate.Patch, (point, normal) =>
        {
            if (!candidate.Accepts(point, normal)) return false;
            if (dropOnBoundaryOf is not null && Math.Abs(dropOnBoundaryOf.SignedDistance(point)) <= 10 * _epsilon) return false;
            int d = point.Length;
            Span<double> probe = stackalloc double[d];
            for (int i = 0; i < d; i++) probe[i] = point[i] - 100 * _epsilon * normal[i];
            if (!Contains(probe)) return false;
            for (int i = 0; i < d; i++) probe[i] = point[i] + 100 * _epsilon * normal[i];
            return !Contains(probe);
        });

    /// <summary>True when no boundary patch keeps any of a few hundred probe points.</summary>
    private bool IsEmptySet()
    {
        Span<double> x = stackalloc double[Dimension];
        Span<double> n = stackalloc double[Dimension];
        foreach (var candidate in _candidates)
        {
            for (int i = 0; i < 257; i++)
            {
                candidate.Patch.Map((i + 0.5) / 257, 0.5, x, n);
                if (candidate.Accepts(x, n)) return false;
            }
        }
        return true;
    }
}
