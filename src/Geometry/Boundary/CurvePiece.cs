using PdeNet.Geometry.Meshes.Delaunay;

namespace PdeNet.Geometry.Boundary;

/// <summary>
/// A piece of a 2D domain's boundary: the parameter interval [Start, End] of one boundary patch
/// that lies on the boundary (all of it for a primitive; the accepted stretches for a set
/// operation, cut where patches meet).
/// </summary>
/// <param name="Part">Name of the boundary part.</param>
/// <param name="Curve">The underlying curve (segment, arc or ellipse), parametrised on [0, 1].</param>
/// <param name="Start">Parameter where the piece starts.</param>
/// <param name="End">Parameter where it ends.</param>
public sealed record CurvePiece(string Part, BoundaryPatch Curve, double Start, double End)
{
    /// <summary>The boundary pieces of a 2D domain, found in closed form where patches meet.</summary>
    /// <exception cref="NotSupportedException">The domain is not 2D, or has patches whose meetings are not computed (transformed curves).</exception>
    public static IReadOnlyList<CurvePiece> Of(Domain domain)
    {
        if (domain.Dimension != 2) throw new NotSupportedException($"boundary pieces are computed for 2D domains; this one is {domain.Dimension}D");
        var candidates = domain.BoundaryCandidates;
        var pieces = new List<BoundaryPiece>();
        for (int c = 0; c < candidates.Count; c++) BoundaryDiscretisation.FindPieces(candidates, c, domain.Bounds.Diameter, pieces);
        return pieces.Select(p => new CurvePiece(candidates[p.Candidate].Patch.Part, candidates[p.Candidate].Patch.Geometry, p.U0, p.U1)).ToArray();
    }
}
