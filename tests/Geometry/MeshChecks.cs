using PdeNet.Geometry.Meshes;

namespace PdeNet.Tests.Geometry;

/// <summary>Assertions shared by the mesh tests.</summary>
internal static class MeshChecks
{
    /// <summary>Signed area of triangle <paramref name="cell"/> (positive when counter-clockwise).</summary>
    public static double TriangleArea(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell);
        var c = mesh.Coordinates;
        return 0.5 * ((c[2 * n[1]] - c[2 * n[0]]) * (c[2 * n[2] + 1] - c[2 * n[0] + 1]) - (c[2 * n[2]] - c[2 * n[0]]) * (c[2 * n[1] + 1] - c[2 * n[0] + 1]));
    }

    /// <summary>Signed area of any polygonal cell by the shoelace formula.</summary>
    public static double CellArea(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell);
        var c = mesh.Coordinates;
        double sum = 0;
        for (int k = 0; k < n.Length; k++)
        {
            int a = n[k], b = n[(k + 1) % n.Length];
            sum += c[2 * a] * c[2 * b + 1] - c[2 * b] * c[2 * a + 1];
        }
        return sum / 2;
    }

    public static double Area(Mesh mesh) => Enumerable.Range(0, mesh.CellCount).Sum(c => CellArea(mesh, c));

    /// <summary>
    /// Every cell is counter-clockwise, every edge is used by one or two cells, and the edges used
    /// once are exactly the boundary facets (each facet once).
    /// </summary>
    public static void AssertConforming(Mesh mesh)
    {
        var uses = new Dictionary<(int, int), int>();
        int k = mesh.NodesPerCell;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            Assert.That(CellArea(mesh, c), Is.GreaterThan(0), $"cell {c} is not counter-clockwise");
            var n = mesh.CellNodes(c);
            for (int e = 0; e < k; e++)
            {
                var key = (Math.Min(n[e], n[(e + 1) % k]), Math.Max(n[e], n[(e + 1) % k]));
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        Assert.That(uses.Values.All(u => u is 1 or 2), "an edge is shared by more than two cells");
        var boundary = uses.Where(p => p.Value == 1).Select(p => p.Key).ToHashSet();
        var facets = Enumerable.Range(0, mesh.BoundaryFacetCount)
            .Select(f => (Math.Min(mesh.FacetNodes(f)[0], mesh.FacetNodes(f)[1]), Math.Max(mesh.FacetNodes(f)[0], mesh.FacetNodes(f)[1]))).ToList();
        Assert.That(facets, Is.Unique, "a boundary facet is repeated");
        Assert.That(facets.ToHashSet().SetEquals(boundary), "boundary facets differ from the edges used by one cell");
    }

    /// <summary>The smallest angle of each triangle, degrees.</summary>
    public static double[] SmallestAngles(Mesh mesh) => Enumerable.Range(0, mesh.CellCount).Select(c =>
    {
        var n = mesh.CellNodes(c);
        var p = n.ToArray().Select(i => (X: mesh.Coordinates[2 * i], Y: mesh.Coordinates[2 * i + 1])).ToArray();
        return Enumerable.Range(0, 3).Min(k =>
        {
            var (a, b, d) = (p[k], p[(k + 1) % 3], p[(k + 2) % 3]);
            double ux = b.X - a.X, uy = b.Y - a.Y, vx = d.X - a.X, vy = d.Y - a.Y;
            return Math.Atan2(Math.Abs(ux * vy - uy * vx), ux * vx + uy * vy) * 180 / Math.PI;
        });
    }).ToArray();

    /// <summary>Facets per part name.</summary>
    public static Dictionary<string, int> FacetsPerPart(Mesh mesh) =>
        Enumerable.Range(0, mesh.BoundaryFacetCount).GroupBy(f => mesh.PartNames[mesh.BoundaryFacetParts[f]]).ToDictionary(g => g.Key, g => g.Count());
}
