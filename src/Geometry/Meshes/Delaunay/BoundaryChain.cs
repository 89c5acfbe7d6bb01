using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// One connected piece of the discretised boundary: the part of a boundary patch between two
/// corner vertices, run with the domain on its left from <paramref name="Start"/> to
/// <paramref name="End"/> (the same vertex for a closed curve).
/// </summary>
/// <param name="Patch">The patch the chain's vertices lie on.</param>
/// <param name="Part">Index of the boundary part name.</param>
/// <param name="Start">First vertex (a corner).</param>
/// <param name="End">Last vertex (a corner).</param>
internal sealed record BoundaryChain(BoundaryPatch Patch, int Part, int Start, int End);
