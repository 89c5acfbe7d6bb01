namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// A gmsh element type the reader understands: its MSH code, dimension, node count and how its
/// nodes map to the <see cref="Meshes.CellType"/> (VTK) order.
/// </summary>
/// <param name="Code">The elementType number in the MSH file.</param>
/// <param name="Description">Human-readable name, e.g. "3-node triangle".</param>
/// <param name="Dimension">Topological dimension: 0 for points up to 3 for volumes.</param>
/// <param name="NodeCount">Nodes per element.</param>
/// <param name="Cell">The matching cell type; null for points.</param>
/// <param name="VtkOrder">
/// Node permutation, length <paramref name="NodeCount"/>: node i in VTK order is gmsh node
/// VtkOrder[i] of the element.
/// </param>
internal sealed record MshElementType(int Code, string Description, int Dimension, int NodeCount, CellType? Cell, int[] VtkOrder)
{
    private static readonly MshElementType[] Supported =
    [
        Same(1, "2-node line", 1, CellType.Interval),
        Same(2, "3-node triangle", 2, CellType.Triangle),
        Same(3, "4-node quadrangle", 2, CellType.Quadrilateral),
        Same(4, "4-node tetrahedron", 3, CellType.Tetrahedron),
        Same(5, "8-node hexahedron", 3, CellType.Hexahedron),
        Same(8, "3-node second order line", 1, CellType.Interval3),
        Same(9, "6-node second order triangle", 2, CellType.Triangle6),
        Same(10, "9-node second order quadrangle", 2, CellType.Quadrilateral9),
        // gmsh puts node 8 on edge 2-3 and node 9 on edge 1-3; VTK has them the other way round.
        new(11, "10-node second order tetrahedron", 3, 10, CellType.Tetrahedron10, [0, 1, 2, 3, 4, 5, 6, 7, 9, 8]),
        new(15, "1-node point", 0, 1, null, [0]),
    ];

    /// <summary>gmsh element types that exist but are not read, with their names for error messages.</summary>
    private static readonly Dictionary<long, string> Unsupported = new()
    {
        [6] = "6-node prism",
        [7] = "5-node pyramid",
        [12] = "27-node second order hexahedron",
        [13] = "18-node second order prism",
        [14] = "14-node second order pyramid",
        [16] = "8-node second order quadrangle",
        [17] = "20-node second order hexahedron",
        [18] = "15-node second order prism",
        [19] = "13-node second order pyramid",
    };

    /// <summary>The supported type with MSH code <paramref name="code"/>, or null with a reason.</summary>
    public static MshElementType? Find(long code, out string problem)
    {
        problem = "";
        var type = Array.Find(Supported, t => t.Code == code);
        if (type is not null) return type;
        string list = string.Join(", ", Supported.Select(t => $"{t.Code} ({t.Description})"));
        problem = Unsupported.TryGetValue(code, out string? name)
            ? $"element type {code} ({name}) is not supported; supported types: {list}"
            : $"unknown element type {code}; supported types: {list}";
        return null;
    }

    /// <summary>"type 2 (3-node triangle)", for messages.</summary>
    public override string ToString() => $"type {Code} ({Description})";

    private static MshElementType Same(int code, string description, int dimension, CellType cellType) =>
        new(code, description, dimension, cellType.NodeCount(), cellType, Enumerable.Range(0, cellType.NodeCount()).ToArray());
}
