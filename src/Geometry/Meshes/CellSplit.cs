namespace PdeNet.Geometry.Meshes;

/// <summary>
/// How a grid cell (its corners numbered by bit masks: bit i set = the upper end along axis i)
/// is cut into mesh cells of a given type, and the faces of each cell type in local node numbers.
/// </summary>
internal sealed class CellSplit
{
    private CellSplit(int[][] cells, bool orient) => (Cells, _orient) = (cells, orient);

    private readonly bool _orient;

    /// <summary>The mesh cells of one grid cell, as lists of corner masks in the cell type's node order.</summary>
    public int[][] Cells { get; }

    public static CellSplit For(CellType type, int dimension) => (type, dimension) switch
    {
        (CellType.Interval, 1) => new([[0, 1]], false),
        (CellType.Triangle, 2) => new([[0, 1, 3], [0, 3, 2]], false),
        (CellType.Quadrilateral, 2) => new([[0, 1, 3, 2]], false),
        // Kuhn: the six tetrahedra along the diagonal from corner 0 to corner 7, one per axis order.
        (CellType.Tetrahedron, 3) => new(
            [[0, 1, 3, 7], [0, 1, 5, 7], [0, 2, 3, 7], [0, 2, 6, 7], [0, 4, 5, 7], [0, 4, 6, 7]], true),
        (CellType.Hexahedron, 3) => new([[0, 1, 3, 2, 4, 5, 7, 6]], false),
        _ => throw new NotSupportedException($"the grid mesher makes intervals in 1D, triangles or quadrilaterals in 2D and tetrahedra or hexahedra in 3D; not {type} in {dimension}D"),
    };

    /// <summary>Makes every tetrahedron positively oriented by swapping its last two nodes when needed.</summary>
    public void Orient(int[] cells, List<double> coordinates, int dimension)
    {
        if (!_orient) return;
        for (int c = 0; c < cells.Length; c += 4)
        {
            double Coordinate(int local, int axis) => coordinates[cells[c + local] * dimension + axis];
            double det = 0;
            double[,] m = new double[3, 3];
            for (int r = 0; r < 3; r++)
            {
                for (int a = 0; a < 3; a++) m[r, a] = Coordinate(r + 1, a) - Coordinate(0, a);
            }
            det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
            if (det < 0) (cells[c + 2], cells[c + 3]) = (cells[c + 3], cells[c + 2]);
        }
    }

    /// <summary>The faces of a cell type in local node numbers (points for intervals).</summary>
    public static int[][] Faces(CellType type) => type switch
    {
        CellType.Interval => [[0], [1]],
        CellType.Triangle => [[0, 1], [1, 2], [2, 0]],
        CellType.Quadrilateral => [[0, 1], [1, 2], [2, 3], [3, 0]],
        CellType.Tetrahedron => [[1, 2, 3], [0, 3, 2], [0, 1, 3], [0, 2, 1]],
        CellType.Hexahedron => [[0, 3, 2, 1], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]],
        _ => throw new NotSupportedException($"faces of {type} cells are not tabulated"),
    };
}
