namespace PdeNet.Geometry.Meshes;

/// <summary>
/// The mesh PdeNet makes of a domain at a target size h when none is given: intervals in 1D; in
/// 2D the grid mesher's triangles when the boundary runs along grid lines (exact and regular),
/// otherwise the quality triangle mesher's; in 3D the grid mesher's tetrahedra for domains bounded
/// by grid planes (other 3D domains need an imported gmsh mesh).
/// </summary>
public static class Meshing
{
    /// <summary>The default mesh of <paramref name="domain"/> at size <paramref name="h"/>.</summary>
    /// <exception cref="NotSupportedException">A 3D domain that is not bounded by grid planes.</exception>
    public static Mesh For(Domain domain, double h)
    {
        switch (domain.Dimension)
        {
            case 1:
                return GridMesher.Generate(domain, h, CellType.Interval);
            case 2:
                return IsGridAligned(domain, h) ? GridMesher.Generate(domain, h, CellType.Triangle) : TriangleMesher.Triangulate(domain, h);
            default:
                if (!IsGridAligned(domain, h))
                    throw new NotSupportedException("3D domains with curved or slanted faces are meshed outside PdeNet: write them with gmsh and read the .msh file (GmshReader)");
                return GridMesher.Generate(domain, h, CellType.Tetrahedron);
        }
    }

    private static bool IsGridAligned(Domain domain, double h)
    {
        try
        {
            var box = domain.Bounds;
            GridMesher.CheckGridAligned(domain, Grid.Of(box, Enumerable.Range(0, domain.Dimension).Select(i => Math.Max(1, (int)Math.Round(box.Extent(i) / h))).ToArray()));
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
