using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Triangulates 2D domains whose boundary runs along the lines of a uniform grid (rectangles,
/// L-shapes and other axis-aligned polygons and their unions and differences). Each grid square
/// inside the domain is cut into two triangles along its rising diagonal. The boundary is then
/// reproduced exactly and every boundary facet keeps the name of the part it lies on.
/// Curved or slanted boundaries are refused with a message saying so.
/// </summary>
public static class GridMesher
{
    /// <summary>Meshes <paramref name="domain"/> with squares of side close to <paramref name="h"/>.</summary>
    /// <param name="domain">A 2D domain bounded by grid lines.</param>
    /// <param name="h">Target cell side; the grid uses round(extent / h) cells per axis.</param>
    public static Mesh Triangulate(Domain domain, double h)
    {
        if (domain.Dimension != 2) throw new NotSupportedException($"the grid mesher handles 2D domains; this one is {domain.Dimension}D");
        if (!(h > 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "the mesh size h must be positive");
        var box = domain.Bounds;
        int nx = Math.Max(1, (int)Math.Round(box.Extent(0) / h)), ny = Math.Max(1, (int)Math.Round(box.Extent(1) / h));
        return Triangulate(domain, nx, ny);
    }

    /// <summary>Meshes <paramref name="domain"/> on a grid of nx × ny squares over its bounding box.</summary>
    public static Mesh Triangulate(Domain domain, int nx, int ny)
    {
        if (domain.Dimension != 2) throw new NotSupportedException($"the grid mesher handles 2D domains; this one is {domain.Dimension}D");
        if (nx < 1 || ny < 1) throw new ArgumentOutOfRangeException(nameof(nx), $"cell counts must be positive, got {nx} x {ny}");
        if ((long)(nx + 1) * (ny + 1) > int.MaxValue / 4) throw new ArgumentOutOfRangeException(nameof(nx), $"a {nx} x {ny} grid is too large");
        var grid = Grid.Of(domain.Bounds, nx, ny);
        CheckGridAligned(domain, grid);

        // Keep the squares whose centre is inside; with grid-aligned boundaries each square is
        // entirely inside or outside.
        var used = new int[(nx + 1) * (ny + 1)];
        Array.Fill(used, -1);
        var squares = new List<(int I, int J)>();
        Span<double> centre = stackalloc double[2];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                centre[0] = grid.Coordinate(0, i) + grid.Spacing[0] / 2;
                centre[1] = grid.Coordinate(1, j) + grid.Spacing[1] / 2;
                if (!domain.Contains(centre)) continue;
                squares.Add((i, j));
                foreach (var (a, b) in new[] { (i, j), (i + 1, j), (i, j + 1), (i + 1, j + 1) }) used[a + (nx + 1) * b] = 0;
            }
        }
        if (squares.Count == 0) throw new InvalidGeometryException($"no grid square of the {nx} x {ny} grid lies inside the domain");

        var coordinates = new List<double>();
        for (int k = 0, next = 0; k < used.Length; k++)
        {
            if (used[k] < 0) continue;
            used[k] = next++;
            coordinates.Add(grid.Coordinate(0, k % (nx + 1)));
            coordinates.Add(grid.Coordinate(1, k / (nx + 1)));
        }
        int Node(int i, int j) => used[i + (nx + 1) * j];
        var cells = new int[squares.Count * 6];
        for (int s = 0; s < squares.Count; s++)
        {
            var (i, j) = squares[s];
            int a = Node(i, j), b = Node(i + 1, j), c = Node(i + 1, j + 1), d = Node(i, j + 1);
            cells.AsSpan(6 * s, 6).SetFromArray([a, b, c, a, c, d]);
        }

        var (facets, parts, names) = BoundaryFacets(domain, coordinates, cells, grid);
        bool full = squares.Count == nx * ny;
        return new Mesh(CellType.Triangle, 2, coordinates.ToArray(), cells, facets, parts, names, full ? grid : null);
    }

    private static void SetFromArray(this Span<int> target, int[] values) => values.CopyTo(target);

    private static void CheckGridAligned(Domain domain, Grid grid)
    {
        double tolerance = 1e-9 * domain.Bounds.Diameter;
        bool OnGrid(double value, int axis)
        {
            double index = (value - grid.Origin[axis]) / grid.Spacing[axis];
            return Math.Abs(index - Math.Round(index)) * grid.Spacing[axis] <= tolerance;
        }
        foreach (var candidate in domain.BoundaryCandidates)
        {
            if (candidate.Patch is not LineSegment segment)
                throw new NotSupportedException($"boundary part '{candidate.Patch.Part}' is curved; the grid mesher handles domains bounded by grid lines only");
            bool axisAligned = Math.Abs(segment.A.X - segment.B.X) <= tolerance || Math.Abs(segment.A.Y - segment.B.Y) <= tolerance;
            if (!axisAligned)
                throw new NotSupportedException($"boundary part '{segment.Part}' is slanted; the grid mesher handles domains bounded by grid lines only");
            if (!OnGrid(segment.A.X, 0) || !OnGrid(segment.B.X, 0) || !OnGrid(segment.A.Y, 1) || !OnGrid(segment.B.Y, 1))
                throw new NotSupportedException(
                    $"boundary part '{segment.Part}' ends off the grid of spacing {grid.Spacing[0]:G4} x {grid.Spacing[1]:G4}; choose h dividing the domain's corner coordinates");
        }
    }

    private static (int[] Facets, int[] Parts, string[] Names) BoundaryFacets(Domain domain, List<double> coordinates, int[] cells, Grid grid)
    {
        // An edge used by exactly one triangle is a boundary facet.
        var count = new Dictionary<long, (int Uses, int A, int B)>();
        for (int t = 0; t < cells.Length / 3; t++)
        {
            for (int e = 0; e < 3; e++)
            {
                int a = cells[3 * t + e], b = cells[3 * t + (e + 1) % 3];
                long key = (long)Math.Min(a, b) << 32 | (uint)Math.Max(a, b);
                count[key] = count.TryGetValue(key, out var seen) ? (seen.Uses + 1, seen.A, seen.B) : (1, a, b);
            }
        }
        var names = domain.BoundaryParts.ToList();
        var facets = new List<int>();
        var parts = new List<int>();
        double tolerance = 1e-6 * Math.Min(grid.Spacing[0], grid.Spacing[1]);
        Span<double> midpoint = stackalloc double[2];
        Span<double> normal = stackalloc double[2];
        foreach (var (uses, a, b) in count.Values.OrderBy(v => Math.Min(v.A, v.B)).ThenBy(v => Math.Max(v.A, v.B)))
        {
            if (uses != 1) continue;
            midpoint[0] = (coordinates[2 * a] + coordinates[2 * b]) / 2;
            midpoint[1] = (coordinates[2 * a + 1] + coordinates[2 * b + 1]) / 2;
            string part = domain.BoundaryPartAt(midpoint, tolerance, normal)
                ?? throw new InvalidOperationException($"boundary facet at ({midpoint[0]:G6}, {midpoint[1]:G6}) lies on no boundary part");
            facets.Add(a);
            facets.Add(b);
            parts.Add(names.IndexOf(part));
        }
        return (facets.ToArray(), parts.ToArray(), names.ToArray());
    }
}
