namespace PdeNet.Geometry.Meshes;

/// <summary>Facts about each <see cref="CellType"/>.</summary>
public static class CellTypes
{
    /// <summary>Nodes per cell.</summary>
    public static int NodeCount(this CellType type) => type switch
    {
        CellType.Interval => 2,
        CellType.Interval3 => 3,
        CellType.Triangle => 3,
        CellType.Triangle6 => 6,
        CellType.Quadrilateral => 4,
        CellType.Quadrilateral9 => 9,
        CellType.Tetrahedron => 4,
        CellType.Tetrahedron10 => 10,
        CellType.Hexahedron => 8,
        _ => throw Unknown(type),
    };

    /// <summary>Corner nodes per cell (the nodes of the linear cell of the same shape).</summary>
    public static int VertexCount(this CellType type) => type.Linear().NodeCount();

    /// <summary>Topological dimension of the cell.</summary>
    public static int Dimension(this CellType type) => type switch
    {
        CellType.Interval or CellType.Interval3 => 1,
        CellType.Triangle or CellType.Triangle6 or CellType.Quadrilateral or CellType.Quadrilateral9 => 2,
        CellType.Tetrahedron or CellType.Tetrahedron10 or CellType.Hexahedron => 3,
        _ => throw Unknown(type),
    };

    /// <summary>Polynomial order of the cell's geometry: 1 or 2.</summary>
    public static int Order(this CellType type) => type is CellType.Interval3 or CellType.Triangle6 or CellType.Quadrilateral9 or CellType.Tetrahedron10 ? 2 : 1;

    /// <summary>The linear cell of the same shape.</summary>
    public static CellType Linear(this CellType type) => type switch
    {
        CellType.Interval3 => CellType.Interval,
        CellType.Triangle6 => CellType.Triangle,
        CellType.Quadrilateral9 => CellType.Quadrilateral,
        CellType.Tetrahedron10 => CellType.Tetrahedron,
        _ => type,
    };

    /// <summary>The cell type of the facets (boundary pieces of one dimension less); null for intervals, whose facets are points.</summary>
    public static CellType? FacetType(this CellType type) => type switch
    {
        CellType.Interval or CellType.Interval3 => null,
        CellType.Triangle or CellType.Quadrilateral => CellType.Interval,
        CellType.Triangle6 or CellType.Quadrilateral9 => CellType.Interval3,
        CellType.Tetrahedron => CellType.Triangle,
        CellType.Tetrahedron10 => CellType.Triangle6,
        CellType.Hexahedron => CellType.Quadrilateral,
        _ => throw Unknown(type),
    };

    /// <summary>Nodes per boundary facet (1 for a point).</summary>
    public static int FacetNodeCount(this CellType type) => type.FacetType()?.NodeCount() ?? 1;

    /// <summary>The XDMF topology name of the cell type.</summary>
    public static string XdmfName(this CellType type) => type switch
    {
        CellType.Interval => "PolyLine",
        CellType.Interval3 => "Edge_3",
        CellType.Triangle => "Triangle",
        CellType.Triangle6 => "Triangle_6",
        CellType.Quadrilateral => "Quadrilateral",
        CellType.Quadrilateral9 => "Quadrilateral_9",
        CellType.Tetrahedron => "Tetrahedron",
        CellType.Tetrahedron10 => "Tetrahedron_10",
        CellType.Hexahedron => "Hexahedron",
        _ => throw Unknown(type),
    };

    private static ArgumentOutOfRangeException Unknown(CellType type) => new(nameof(type), type, "unknown cell type");
}
