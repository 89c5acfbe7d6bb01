namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Local facts about cells in VTK node order that the gmsh reader needs: the facets of each
/// cell type with their local nodes, the permutation that reverses a cell's orientation, and
/// the signed measure of a cell from its corners.
/// </summary>
internal static class ReferenceCells
{
    /// <summary>
    /// The facets of a cell as local node lists in the facet type's own order, oriented so that
    /// for a positively oriented cell the facet normal (right-hand rule; for an edge in 2D, its
    /// direction turned clockwise) points out of the cell.
    /// </summary>
    public static int[][] Facets(CellType type) => type switch
    {
        CellType.Triangle => [[0, 1], [1, 2], [2, 0]],
        CellType.Triangle6 => [[0, 1, 3], [1, 2, 4], [2, 0, 5]],
        CellType.Quadrilateral => [[0, 1], [1, 2], [2, 3], [3, 0]],
        CellType.Quadrilateral9 => [[0, 1, 4], [1, 2, 5], [2, 3, 6], [3, 0, 7]],
        CellType.Tetrahedron => [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]],
        CellType.Tetrahedron10 => [[0, 2, 1, 6, 5, 4], [0, 1, 3, 4, 8, 7], [0, 3, 2, 7, 9, 6], [1, 2, 3, 5, 9, 8]],
        CellType.Hexahedron => [[0, 3, 2, 1], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "facets are listed for 2D and 3D cells"),
    };

    /// <summary>
    /// The node permutation that mirrors a cell, reversing its orientation while keeping every
    /// edge and face node on its edge or face: reflected node i is original node Reflection[i].
    /// </summary>
    public static int[] Reflection(CellType type) => type switch
    {
        CellType.Triangle => [0, 2, 1],
        CellType.Triangle6 => [0, 2, 1, 5, 4, 3],
        CellType.Quadrilateral => [0, 3, 2, 1],
        CellType.Quadrilateral9 => [0, 3, 2, 1, 7, 6, 5, 4, 8],
        CellType.Tetrahedron => [0, 2, 1, 3],
        CellType.Tetrahedron10 => [0, 2, 1, 3, 6, 5, 4, 7, 9, 8],
        CellType.Hexahedron => [0, 3, 2, 1, 4, 7, 6, 5],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "reflections are listed for 2D and 3D cells"),
    };

    /// <summary>
    /// The signed area (2D, in the xy-plane) or volume (3D) of the straight-sided cell spanned by
    /// the corners: positive for a counter-clockwise or positively oriented cell. Hexahedra are
    /// split into six tetrahedra around the diagonal 0-6.
    /// </summary>
    /// <param name="type">The cell type.</param>
    /// <param name="nodes">The cell's nodes in VTK order, indices into <paramref name="xyz"/>.</param>
    /// <param name="xyz">Coordinates, shape (nodes, 3).</param>
    public static double SignedMeasure(CellType type, ReadOnlySpan<int> nodes, IReadOnlyList<double> xyz)
    {
        switch (type.Linear())
        {
            case CellType.Triangle:
                return Cross(xyz, nodes[0], nodes[1], nodes[2]) / 2;
            case CellType.Quadrilateral:
                return (Cross(xyz, nodes[0], nodes[1], nodes[2]) + Cross(xyz, nodes[0], nodes[2], nodes[3])) / 2;
            case CellType.Tetrahedron:
                return Triple(xyz, nodes[0], nodes[1], nodes[2], nodes[3]) / 6;
            case CellType.Hexahedron:
                double sum = 0;
                int[] ring = [1, 2, 3, 7, 4, 5, 1];
                for (int k = 0; k < 6; k++) sum += Triple(xyz, nodes[0], nodes[ring[k]], nodes[ring[k + 1]], nodes[6]);
                return sum / 6;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "measures are computed for 2D and 3D cells");
        }
    }

    /// <summary>The largest distance between two corners of the cell.</summary>
    public static double CornerDiameter(CellType type, ReadOnlySpan<int> nodes, IReadOnlyList<double> xyz)
    {
        int corners = type.VertexCount();
        double largest = 0;
        for (int a = 0; a < corners; a++)
        {
            for (int b = a + 1; b < corners; b++)
            {
                double s = 0;
                for (int i = 0; i < 3; i++) s += Math.Pow(xyz[3 * nodes[a] + i] - xyz[3 * nodes[b] + i], 2);
                largest = Math.Max(largest, s);
            }
        }
        return Math.Sqrt(largest);
    }

    /// <summary>z of (b - a) × (c - a).</summary>
    private static double Cross(IReadOnlyList<double> p, int a, int b, int c) =>
        (p[3 * b] - p[3 * a]) * (p[3 * c + 1] - p[3 * a + 1]) - (p[3 * c] - p[3 * a]) * (p[3 * b + 1] - p[3 * a + 1]);

    /// <summary>det(b - a, c - a, d - a).</summary>
    private static double Triple(IReadOnlyList<double> p, int a, int b, int c, int d)
    {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double wx = p[3 * d] - p[3 * a], wy = p[3 * d + 1] - p[3 * a + 1], wz = p[3 * d + 2] - p[3 * a + 2];
        return ux * (vy * wz - vz * wy) - uy * (vx * wz - vz * wx) + uz * (vx * wy - vy * wx);
    }
}
