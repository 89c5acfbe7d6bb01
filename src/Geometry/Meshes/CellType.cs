namespace PdeNet.Geometry.Meshes;

/// <summary>
/// The shape and order of a mesh cell. Node numbering follows VTK/XDMF: corners first
/// (counter-clockwise in 2D, positively oriented in 3D), then edge midpoints, then face and
/// interior nodes.
/// </summary>
public enum CellType
{
    /// <summary>A line segment, 2 nodes.</summary>
    Interval,

    /// <summary>A quadratic line segment, 3 nodes: ends, then midpoint.</summary>
    Interval3,

    /// <summary>A triangle, 3 nodes.</summary>
    Triangle,

    /// <summary>A quadratic triangle, 6 nodes: corners, then midpoints of edges 01, 12, 20.</summary>
    Triangle6,

    /// <summary>A quadrilateral, 4 nodes.</summary>
    Quadrilateral,

    /// <summary>A biquadratic quadrilateral, 9 nodes: corners, edge midpoints 01, 12, 23, 30, centre.</summary>
    Quadrilateral9,

    /// <summary>A tetrahedron, 4 nodes.</summary>
    Tetrahedron,

    /// <summary>A quadratic tetrahedron, 10 nodes: corners, then midpoints of edges 01, 12, 20, 03, 13, 23.</summary>
    Tetrahedron10,

    /// <summary>A hexahedron, 8 nodes: bottom face counter-clockwise, then top face.</summary>
    Hexahedron,
}
