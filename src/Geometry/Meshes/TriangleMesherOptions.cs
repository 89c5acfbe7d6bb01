namespace PdeNet.Geometry.Meshes;

/// <summary>Settings of <see cref="TriangleMesher"/>.</summary>
/// <param name="MinimumAngle">
/// Smallest interior angle, in degrees, that Delaunay refinement enforces (in (0, 34]). Refinement
/// is guaranteed to end for bounds up to about 20.7° (Shewchuk) and ends in practice up to about
/// 33°; corners of the domain with angles below 60° may keep smaller angles next to them.
/// </param>
/// <param name="SmoothingPasses">Sweeps of angle-preserving smoothing over the inner vertices (0 turns it off).</param>
/// <param name="MaxTriangles">Refuse meshes that would have more triangles than this.</param>
public sealed record TriangleMesherOptions(double MinimumAngle = 30, int SmoothingPasses = 4, long MaxTriangles = 20_000_000)
{
    /// <summary>The defaults: 30°, 4 smoothing passes, at most 20 million triangles.</summary>
    public static TriangleMesherOptions Default { get; } = new();
}
