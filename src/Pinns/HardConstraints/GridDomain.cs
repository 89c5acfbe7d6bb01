using PdeNet.Core.Problems;
using PdeNet.Geometry;
using PdeNet.Geometry.Domains;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>What a uniform grid needs to know about a problem's domain: its box and its periodic axes.</summary>
internal static class GridDomain
{
    /// <summary>The bounding box of an interval, rectangle or box domain; throws for any other shape.</summary>
    public static BoundingBox BoxOf(Problem problem)
    {
        var domain = problem.Domain ?? throw new ArgumentException($"problem '{problem.Name}' has no domain", nameof(problem));
        if (domain is not (Interval or Rectangle or Box))
            throw new NotSupportedException($"problem '{problem.Name}': grid constraint rows need an interval, rectangle or box, not a {domain.GetType().Name.ToLowerInvariant()}");
        return domain.Bounds;
    }

    /// <summary>
    /// For each axis, whether a periodic condition of the problem identifies the two ends of the box along it;
    /// throws for a periodic condition whose shift is not one box length along one axis.
    /// </summary>
    public static bool[] PeriodicAxes(Problem problem)
    {
        var box = BoxOf(problem);
        var periodic = new bool[box.Dimension];
        foreach (var condition in problem.Conditions.OfType<Periodic>())
        {
            if (condition.Axis is not { } axis || condition.Shift.Length != box.Dimension
                || Math.Abs(Math.Abs(condition.Shift[axis]) - box.Extent(axis)) > 1e-9 * box.Extent(axis))
                throw new NotSupportedException($"problem '{problem.Name}': the {condition} is not a shift by one box length along one axis, which is the only periodicity grid constraint rows support");
            periodic[axis] = true;
        }
        return periodic;
    }
}
