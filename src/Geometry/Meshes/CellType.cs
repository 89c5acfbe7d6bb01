namespace PdeNet.Geometry.Meshes;

/// <summary>The shape of a mesh cell, with linear (vertex-only) node numbering.</summary>
public enum CellType
{
    /// <summary>A line segment, 2 nodes.</summary>
    Interval,

    /// <summary>A triangle, 3 nodes, counter-clockwise.</summary>
    Triangle,

    /// <summary>A quadrilateral, 4 nodes, counter-clockwise.</summary>
    Quadrilateral,

    /// <summary>A tetrahedron, 4 nodes, positively oriented.</summary>
    Tetrahedron,
}
