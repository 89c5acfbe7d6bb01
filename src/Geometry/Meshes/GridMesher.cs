using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Meshes domains whose boundary runs along the lines (planes) of a uniform grid: intervals;
/// rectangles, L-shapes and other axis-aligned polygons and their unions and differences; boxes
/// and unions of boxes. Every grid cell inside the domain becomes one interval, two triangles
/// (cut along the rising diagonal), one quadrilateral, six tetrahedra (the Kuhn subdivision along
/// the main diagonal, conforming across cells) or one hexahedron. The boundary is reproduced
/// exactly and every boundary facet keeps the name of the part it lies on. Curved or slanted
/// boundaries are refused with a message saying so.
/// </summary>
public static class GridMesher
{
    /// <summary>Triangulates a 2D domain with squares of side close to <paramref name="h"/>.</summary>
    public static Mesh Triangulate(Domain domain, double h) => Generate(domain, h, CellType.Triangle);

    /// <summary>Triangulates a 2D domain on a grid of nx × ny squares over its bounding box.</summary>
    public static Mesh Triangulate(Domain domain, int nx, int ny) => Generate(domain, [nx, ny], CellType.Triangle);

    /// <summary>Meshes <paramref name="domain"/> with grid cells of side close to <paramref name="h"/>.</summary>
    /// <param name="domain">A domain bounded by grid lines or planes.</param>
    /// <param name="h">Target cell side; the grid uses round(extent / h) cells per axis.</param>
    /// <param name="cellType">Interval (1D), Triangle or Quadrilateral (2D), Tetrahedron or Hexahedron (3D).</param>
    public static Mesh Generate(Domain domain, double h, CellType cellType)
    {
        if (!(h > 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "the mesh size h must be positive");
        var box = domain.Bounds;
        return Generate(domain, Enumerable.Range(0, domain.Dimension).Select(i => Math.Max(1, (int)Math.Round(box.Extent(i) / h))).ToArray(), cellType);
    }

    /// <summary>Meshes <paramref name="domain"/> on a grid with the given number of cells per axis over its bounding box.</summary>
    public static Mesh Generate(Domain domain, int[] cells, CellType cellType)
    {
        int d = domain.Dimension;
        var split = CellSplit.For(cellType, d);
        if (cells.Length != d) throw new ArgumentException($"give a cell count for each of the {d} axes, got {cells.Length}", nameof(cells));
        if (cells.Any(n => n < 1)) throw new ArgumentOutOfRangeException(nameof(cells), $"cell counts must be positive, got {string.Join(" x ", cells)}");
        long nodeTotal = cells.Aggregate(1L, (p, n) => p * (n + 1));
        if (nodeTotal > 50_000_000) throw new ArgumentOutOfRangeException(nameof(cells), $"a {string.Join(" x ", cells)} grid is too large");
        var grid = Grid.Of(domain.Bounds, cells);
        CheckGridAligned(domain, grid);

        // Keep the grid cells whose centre is inside; with grid-aligned boundaries each cell is entirely inside or outside.
        var strides = new long[d];
        for (int i = 0, stride = 1; i < d; stride *= cells[i] + 1, i++) strides[i] = stride;
        var used = new int[nodeTotal];
        Array.Fill(used, -1);
        var voxels = new List<long>();
        long voxelTotal = cells.Aggregate(1L, (p, n) => p * n);
        Span<double> centre = stackalloc double[d];
        var index = new int[d];
        for (long v = 0; v < voxelTotal; v++)
        {
            long rest = v;
            long corner = 0;
            for (int i = 0; i < d; i++)
            {
                index[i] = (int)(rest % cells[i]);
                rest /= cells[i];
                centre[i] = grid.Coordinate(i, index[i]) + grid.Spacing[i] / 2;
                corner += index[i] * strides[i];
            }
            if (!domain.Contains(centre)) continue;
            voxels.Add(corner);
            for (int mask = 0; mask < 1 << d; mask++) used[corner + Offset(mask, strides)] = 0;
        }
        if (voxels.Count == 0) throw new InvalidGeometryException($"no cell of the {string.Join(" x ", cells)} grid lies inside the domain");

        var coordinates = new List<double>();
        for (long k = 0, next = 0; k < nodeTotal; k++)
        {
            if (used[k] < 0) continue;
            used[k] = (int)next++;
            long rest = k;
            for (int i = 0; i < d; i++)
            {
                coordinates.Add(grid.Coordinate(i, (int)(rest % (cells[i] + 1))));
                rest /= cells[i] + 1;
            }
        }
        var cellNodes = new List<int>(voxels.Count * split.Cells.Length);
        Span<int> corners = stackalloc int[1 << d];
        foreach (long corner in voxels)
        {
            for (int mask = 0; mask < 1 << d; mask++) corners[mask] = used[corner + Offset(mask, strides)];
            foreach (var local in split.Cells)
            {
                foreach (int mask in local) cellNodes.Add(corners[mask]);
            }
        }
        var connectivity = cellNodes.ToArray();
        split.Orient(connectivity, coordinates, d);
        var (facets, parts, names) = BoundaryFacets(domain, coordinates, connectivity, cellType, grid);
        bool full = voxels.Count == voxelTotal;
        return new Mesh(cellType, d, coordinates.ToArray(), connectivity, facets, parts, names, full ? grid : null);
    }

    private static long Offset(int mask, long[] strides)
    {
        long offset = 0;
        for (int i = 0; i < strides.Length; i++)
        {
            if ((mask >> i & 1) != 0) offset += strides[i];
        }
        return offset;
    }

    internal static void CheckGridAligned(Domain domain, Grid grid)
    {
        double tolerance = 1e-9 * domain.Bounds.Diameter;
        bool OnGrid(double value, int axis)
        {
            double index = (value - grid.Origin[axis]) / grid.Spacing[axis];
            return Math.Abs(index - Math.Round(index)) * grid.Spacing[axis] <= tolerance;
        }
        string Spacing() => string.Join(" x ", grid.Spacing.Select(h => h.ToString("G4")));
        foreach (var candidate in domain.BoundaryCandidates)
        {
            var patch = candidate.Patch;
            var (aligned, onGrid) = patch switch
            {
                BoundaryPoint point => (true, OnGrid(point.X, 0)),
                LineSegment s => (Math.Abs(s.A.X - s.B.X) <= tolerance || Math.Abs(s.A.Y - s.B.Y) <= tolerance,
                    OnGrid(s.A.X, 0) && OnGrid(s.B.X, 0) && OnGrid(s.A.Y, 1) && OnGrid(s.B.Y, 1)),
                PlanarRectangle r => (r.UnitNormal.Count(c => Math.Abs(c) > 1e-12) == 1 && r.Edges.E1.Count(c => c != 0) == 1 && r.Edges.E2.Count(c => c != 0) == 1,
                    Enumerable.Range(0, 3).All(i => OnGrid(r.Origin[i], i) && OnGrid(r.Origin[i] + r.Edges.E1[i] + r.Edges.E2[i], i))),
                _ => throw new NotSupportedException($"boundary part '{patch.Part}' is curved; the grid mesher handles domains bounded by grid lines or planes only"),
            };
            if (!aligned) throw new NotSupportedException($"boundary part '{patch.Part}' is slanted; the grid mesher handles domains bounded by grid lines or planes only");
            if (!onGrid) throw new NotSupportedException($"boundary part '{patch.Part}' ends off the grid of spacing {Spacing()}; choose h dividing the domain's corner coordinates");
        }
    }

    private static (int[] Facets, int[] Parts, string[] Names) BoundaryFacets(Domain domain, List<double> coordinates, int[] cells, CellType cellType, Grid grid)
    {
        // A face used by exactly one cell is a boundary facet; it keeps its node order from that cell.
        int perCell = cellType.NodeCount(), d = grid.Dimension;
        var faces = CellSplit.Faces(cellType);
        var seen = new Dictionary<(int, int, int, int), (int Uses, int Cell, int Face)>();
        Span<int> key = stackalloc int[4];
        for (int c = 0; c < cells.Length / perCell; c++)
        {
            for (int f = 0; f < faces.Length; f++)
            {
                key.Fill(-1);
                for (int k = 0; k < faces[f].Length; k++) key[k] = cells[c * perCell + faces[f][k]];
                key[..faces[f].Length].Sort();
                var tuple = (key[0], key[1], key[2], key[3]);
                seen[tuple] = seen.TryGetValue(tuple, out var known) ? (known.Uses + 1, known.Cell, known.Face) : (1, c, f);
            }
        }
        var names = domain.BoundaryParts.ToList();
        var facets = new List<int>();
        var parts = new List<int>();
        double tolerance = 1e-6 * grid.Spacing.Min();
        Span<double> midpoint = stackalloc double[d];
        Span<double> normal = stackalloc double[d];
        foreach (var (uses, cell, face) in seen.Values.Where(v => v.Uses == 1).OrderBy(v => v.Cell).ThenBy(v => v.Face))
        {
            midpoint.Clear();
            foreach (int local in faces[face])
            {
                int node = cells[cell * perCell + local];
                for (int i = 0; i < d; i++) midpoint[i] += coordinates[node * d + i] / faces[face].Length;
                facets.Add(node);
            }
            string part = domain.BoundaryPartAt(midpoint, tolerance, normal)
                ?? throw new InvalidOperationException($"boundary facet at ({string.Join(", ", midpoint.ToArray().Select(x => x.ToString("G6")))}) lies on no boundary part");
            parts.Add(names.IndexOf(part));
        }
        return (facets.ToArray(), parts.ToArray(), names.ToArray());
    }
}
