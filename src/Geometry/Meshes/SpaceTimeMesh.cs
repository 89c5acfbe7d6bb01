namespace PdeNet.Geometry.Meshes;

/// <summary>
/// The triangle mesh of a 1D mesh swept through time: node (i, j) sits at (x_i, t_j) with index
/// j·n + i, every interval and time slab becomes two counter-clockwise triangles, and the boundary
/// keeps the spatial part names on its sides and gains "initial" (t = t0) and "final" (t = t1).
/// Used to show and integrate 1D evolution problems over x and t.
/// </summary>
public static class SpaceTimeMesh
{
    /// <summary>Sweeps <paramref name="space"/> (a 1D interval mesh) through the increasing <paramref name="times"/>.</summary>
    public static Mesh Of(Mesh space, IReadOnlyList<double> times)
    {
        if (space.CellType != CellType.Interval || space.GeometricDimension != 1) throw new ArgumentException("a space-time mesh sweeps a 1D interval mesh", nameof(space));
        if (times.Count < 2 || Enumerable.Range(1, times.Count - 1).Any(j => !(times[j] > times[j - 1]))) throw new ArgumentException("give at least two increasing times", nameof(times));
        int n = space.NodeCount, m = times.Count;
        var coordinates = new double[2 * n * m];
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < n; i++)
            {
                coordinates[2 * (j * n + i)] = space.Coordinates[i];
                coordinates[2 * (j * n + i) + 1] = times[j];
            }
        }
        var cells = new List<int>(6 * space.CellCount * (m - 1));
        for (int j = 0; j + 1 < m; j++)
        {
            for (int c = 0; c < space.CellCount; c++)
            {
                var nodes = space.CellNodes(c);
                var (a, b) = space.Coordinates[nodes[0]] < space.Coordinates[nodes[1]] ? (nodes[0], nodes[1]) : (nodes[1], nodes[0]);
                int p = j * n + a, q = j * n + b, r = (j + 1) * n + b, s = (j + 1) * n + a;
                cells.AddRange([p, q, r, p, r, s]);
            }
        }
        var names = space.PartNames.Concat(["initial", "final"]).Distinct().ToList();
        var facets = new List<int>();
        var parts = new List<int>();
        for (int f = 0; f < space.BoundaryFacetCount; f++)
        {
            int node = space.FacetNodes(f)[0], part = names.IndexOf(space.PartNames[space.BoundaryFacetParts[f]]);
            for (int j = 0; j + 1 < m; j++)
            {
                facets.AddRange([j * n + node, (j + 1) * n + node]);
                parts.Add(part);
            }
        }
        for (int c = 0; c < space.CellCount; c++)
        {
            var nodes = space.CellNodes(c);
            facets.AddRange([nodes[0], nodes[1]]);
            parts.Add(names.IndexOf("initial"));
            facets.AddRange([(m - 1) * n + nodes[0], (m - 1) * n + nodes[1]]);
            parts.Add(names.IndexOf("final"));
        }
        return new Mesh(CellType.Triangle, 2, coordinates, cells.ToArray(), facets.ToArray(), parts.ToArray(), names);
    }
}
