namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>A geometric entity of the $Entities section: a point, curve, surface or volume.</summary>
/// <param name="Dimension">0 for a point up to 3 for a volume.</param>
/// <param name="Tag">The entity tag, unique per dimension.</param>
/// <param name="PhysicalTags">Physical groups (of the same dimension) the entity belongs to, in file order, as positive tags.</param>
/// <param name="Line">The line that defines the entity.</param>
internal sealed record MshEntity(int Dimension, int Tag, int[] PhysicalTags, int Line);
