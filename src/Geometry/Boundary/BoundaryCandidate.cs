namespace PdeNet.Geometry.Boundary;

/// <summary>A boundary patch together with the test that keeps those of its points that lie on
/// the boundary of a composite domain (null: every point of the patch is kept).</summary>
internal sealed record BoundaryCandidate(BoundaryPatch Patch, BoundaryAcceptance? Acceptance = null)
{
    public bool Accepts(ReadOnlySpan<double> point, ReadOnlySpan<double> normal) => Acceptance is null || Acceptance(point, normal);
}

/// <summary>Whether a point with a given outward normal lies on a domain's boundary.</summary>
internal delegate bool BoundaryAcceptance(ReadOnlySpan<double> point, ReadOnlySpan<double> normal);
