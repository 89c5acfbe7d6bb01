namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Lengths, areas and volumes of mesh cells from their corner nodes (quadratic cells are measured
/// as straight-sided): intervals, triangles, planar quadrilaterals (two triangles), tetrahedra
/// and hexahedra (six tetrahedra).
/// </summary>
public static class MeshMeasures
{
    private static readonly int[][] HexahedronTetrahedra = [[0, 1, 2, 6], [0, 2, 3, 6], [0, 3, 7, 6], [0, 7, 4, 6], [0, 4, 5, 6], [0, 5, 1, 6]];

    /// <summary>The measure of cell <paramref name="cell"/>: length, area or volume.</summary>
    public static double Cell(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell).ToArray();
        return mesh.CellType.Linear() switch
        {
            CellType.Interval => Distance(mesh, n[0], n[1]),
            CellType.Triangle => Math.Abs(TriangleArea(mesh, n[0], n[1], n[2])),
            CellType.Quadrilateral => Math.Abs(TriangleArea(mesh, n[0], n[1], n[2])) + Math.Abs(TriangleArea(mesh, n[0], n[2], n[3])),
            CellType.Tetrahedron => Math.Abs(SignedVolume(mesh, n[0], n[1], n[2], n[3])),
            CellType.Hexahedron => HexahedronTetrahedra.Sum(t => Math.Abs(SignedVolume(mesh, n[t[0]], n[t[1]], n[t[2]], n[t[3]]))),
            var other => throw new NotSupportedException($"no measure for {other} cells"),
        };
    }

    /// <summary>The sum of all cell measures: the length, area or volume the mesh covers.</summary>
    public static double Total(Mesh mesh)
    {
        double sum = 0;
        for (int c = 0; c < mesh.CellCount; c++) sum += Cell(mesh, c);
        return sum;
    }

    /// <summary>
    /// The signed measure of a simplex cell: positive for counter-clockwise triangles (2D) and
    /// positively oriented tetrahedra (3D).
    /// </summary>
    public static double Signed(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell);
        return (mesh.CellType.Linear(), mesh.GeometricDimension) switch
        {
            (CellType.Triangle, 2) => TriangleArea(mesh, n[0], n[1], n[2]),
            (CellType.Quadrilateral, 2) => TriangleArea(mesh, n[0], n[1], n[2]) + TriangleArea(mesh, n[0], n[2], n[3]),
            (CellType.Tetrahedron, 3) => SignedVolume(mesh, n[0], n[1], n[2], n[3]),
            (CellType.Interval, 1) => mesh.Node(n[1])[0] - mesh.Node(n[0])[0],
            var other => throw new NotSupportedException($"no signed measure for {other.Item1} cells in {other.Item2}D"),
        };
    }

    private static double Distance(Mesh mesh, int a, int b)
    {
        double sum = 0;
        for (int i = 0; i < mesh.GeometricDimension; i++) sum += Math.Pow(mesh.Node(b)[i] - mesh.Node(a)[i], 2);
        return Math.Sqrt(sum);
    }

    /// <summary>Signed area in 2D; in 3D the (unsigned) area of the triangle.</summary>
    private static double TriangleArea(Mesh mesh, int a, int b, int c)
    {
        var (p, q, r) = (mesh.Node(a).ToArray(), mesh.Node(b).ToArray(), mesh.Node(c).ToArray());
        if (mesh.GeometricDimension == 2) return 0.5 * ((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1]));
        double ux = q[0] - p[0], uy = q[1] - p[1], uz = q[2] - p[2], vx = r[0] - p[0], vy = r[1] - p[1], vz = r[2] - p[2];
        return 0.5 * Math.Sqrt(Math.Pow(uy * vz - uz * vy, 2) + Math.Pow(uz * vx - ux * vz, 2) + Math.Pow(ux * vy - uy * vx, 2));
    }

    private static double SignedVolume(Mesh mesh, int a, int b, int c, int d)
    {
        var (p, q, r, s) = (mesh.Node(a).ToArray(), mesh.Node(b).ToArray(), mesh.Node(c).ToArray(), mesh.Node(d).ToArray());
        double ux = q[0] - p[0], uy = q[1] - p[1], uz = q[2] - p[2];
        double vx = r[0] - p[0], vy = r[1] - p[1], vz = r[2] - p[2];
        double wx = s[0] - p[0], wy = s[1] - p[1], wz = s[2] - p[2];
        return (ux * (vy * wz - vz * wy) - uy * (vx * wz - vz * wx) + uz * (vx * wy - vy * wx)) / 6;
    }
}
