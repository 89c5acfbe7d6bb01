namespace PdeNet.Geometry.Meshes;

/// <summary>Facts about each <see cref="CellType"/>.</summary>
public static class CellTypes
{
    /// <summary>Nodes per cell.</summary>
    public static int NodeCount(this CellType type) => type switch
    {
        CellType.Interval => 2,
        CellType.Triangle => 3,
        CellType.Quadrilateral => 4,
        CellType.Tetrahedron => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown cell type"),
    };

    /// <summary>Topological dimension of the cell.</summary>
    public static int Dimension(this CellType type) => type switch
    {
        CellType.Interval => 1,
        CellType.Triangle or CellType.Quadrilateral => 2,
        CellType.Tetrahedron => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown cell type"),
    };

    /// <summary>Nodes per boundary facet (1 for a point, 2 for an edge, 3 for a triangle).</summary>
    public static int FacetNodeCount(this CellType type) => type switch
    {
        CellType.Interval => 1,
        CellType.Triangle or CellType.Quadrilateral => 2,
        CellType.Tetrahedron => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown cell type"),
    };

    /// <summary>The XDMF topology name of the cell type.</summary>
    public static string XdmfName(this CellType type) => type switch
    {
        CellType.Interval => "PolyLine",
        CellType.Triangle => "Triangle",
        CellType.Quadrilateral => "Quadrilateral",
        CellType.Tetrahedron => "Tetrahedron",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown cell type"),
    };
}
