using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Solvers.Fem.Spaces;

/// <summary>
/// Which unknowns periodic conditions identify: every unknown on a facet of the source part is the same unknown
/// as the one at x + s on the image part. Identifications chain (a corner of a doubly periodic square is one
/// unknown with the other three), so the classes are kept by union–find; each class is represented by one of its
/// members. The mesh must put matching nodes on the two parts, as a structured grid does.
/// </summary>
internal static class PeriodicIdentification
{
    /// <summary>
    /// For every unknown, the unknown that represents its class (itself when no periodic condition touches it).
    /// </summary>
    /// <param name="mesh">The linear mesh, with named boundary parts.</param>
    /// <param name="facetElement">The element of the boundary facets.</param>
    /// <param name="dofCount">Number of unknowns before identification.</param>
    /// <param name="coordinates">Where each unknown sits, shape (unknowns, gdim).</param>
    /// <param name="facetDofs">The unknowns of a boundary facet (before identification), in the facet element's order.</param>
    /// <param name="conditions">The periodic conditions.</param>
    /// <exception cref="NotSupportedException">A part is missing from the mesh, or an unknown on the source part has no partner on the image part.</exception>
    public static int[] Representatives(Mesh mesh, LagrangeElement facetElement, int dofCount, double[] coordinates,
        Action<int, Span<int>> facetDofs, IReadOnlyList<Periodic> conditions)
    {
        var parent = Enumerable.Range(0, dofCount).ToArray();
        int d = mesh.GeometricDimension;
        double tolerance = 1e-8 * Math.Max(mesh.Bounds().Diameter, 1e-300);
        foreach (var periodic in conditions)
        {
            var source = DofsOn(mesh, facetElement, facetDofs, periodic.Source);
            var image = DofsOn(mesh, facetElement, facetDofs, periodic.Image);
            var byPosition = new Dictionary<string, int>();
            foreach (int dof in image) byPosition[Key(coordinates.AsSpan(dof * d, d), tolerance)] = dof;
            var moved = new double[d];
            foreach (int dof in source)
            {
                for (int i = 0; i < d; i++) moved[i] = coordinates[dof * d + i] + periodic.Shift[i];
                if (!TryFind(byPosition, moved, tolerance, out int partner))
                    throw new NotSupportedException(
                        $"the mesh is not periodic between parts '{periodic.Source}' and '{periodic.Image}': the node at ({Format(coordinates.AsSpan(dof * d, d))}) " +
                        $"has no partner at ({Format(moved)}). Mesh the domain so that the nodes of the two parts match (a structured grid, --n N, does)");
                Union(parent, dof, partner);
            }
        }
        var representative = new int[dofCount];
        for (int i = 0; i < dofCount; i++) representative[i] = Find(parent, i);
        return representative;
    }

    private static HashSet<int> DofsOn(Mesh mesh, LagrangeElement facetElement, Action<int, Span<int>> facetDofs, string part)
    {
        int index = Array.IndexOf(mesh.PartNames.ToArray(), part);
        if (index < 0)
            throw new NotSupportedException($"the periodic condition names boundary part '{part}', which the mesh lacks; the mesh's parts are: {string.Join(", ", mesh.PartNames)}");
        var dofs = new HashSet<int>();
        var buffer = new int[facetElement.DofCount];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            if (mesh.BoundaryFacetParts[f] != index) continue;
            facetDofs(f, buffer);
            dofs.UnionWith(buffer);
        }
        return dofs;
    }

    /// <summary>Looks the point up in the cell of the tolerance grid it falls in and the neighbouring cells (a point near a cell edge may round either way).</summary>
    private static bool TryFind(Dictionary<string, int> byPosition, double[] point, double tolerance, out int dof)
    {
        int d = point.Length;
        var cell = Array.ConvertAll(point, x => (long)Math.Round(x / tolerance));
        var probe = new long[d];
        int combinations = (int)Math.Pow(3, d);
        for (int c = 0; c < combinations; c++)
        {
            int rest = c;
            for (int i = 0; i < d; i++, rest /= 3) probe[i] = cell[i] + rest % 3 - 1;
            if (byPosition.TryGetValue(Key(probe), out dof)) return true;
        }
        dof = -1;
        return false;
    }

    /// <summary>The key of the tolerance-grid cell a point falls in.</summary>
    private static string Key(ReadOnlySpan<double> x, double tolerance)
    {
        var cell = new long[x.Length];
        for (int i = 0; i < x.Length; i++) cell[i] = (long)Math.Round(x[i] / tolerance);
        return Key(cell);
    }

    private static string Key(long[] cell) => string.Join(",", cell.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    private static string Format(ReadOnlySpan<double> x)
    {
        var parts = new string[x.Length];
        for (int i = 0; i < x.Length; i++) parts[i] = x[i].ToString("G6", CultureInfo.InvariantCulture);
        return string.Join(", ", parts);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
