namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Uniform refinement for convergence studies: every edge is halved, each triangle becomes four
/// (three corner triangles and the middle one) and each quadrilateral four (through its centre).
/// The old nodes keep their numbers; edge midpoints follow in the order their edges are first met
/// cell by cell, then (for quadrilaterals) the cell centres. Cells stay counter-clockwise, children
/// keep their parent's subdomain tag, and each boundary facet splits into two facets of the same
/// part, ordered as the parent's nodes.
/// </summary>
public static class MeshRefinement
{
    /// <summary>Refines a 2D triangle or quadrilateral mesh once; new nodes sit at edge midpoints.</summary>
    /// <exception cref="NotSupportedException">The mesh has another cell type.</exception>
    public static Mesh Uniform(Mesh mesh) => Uniform(mesh, null);

    /// <summary>
    /// Refines a 2D triangle or quadrilateral mesh once. When <paramref name="domain"/> is given,
    /// the midpoint of each boundary facet is moved onto the nearest point of the domain's
    /// boundary part with the facet's name, so curved boundaries are followed more closely with
    /// each refinement (interior midpoints stay where they are).
    /// </summary>
    /// <exception cref="NotSupportedException">The mesh has another cell type.</exception>
    public static Mesh Uniform(Mesh mesh, Domain? domain)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.CellType is not (CellType.Triangle or CellType.Quadrilateral))
            throw new NotSupportedException($"uniform refinement handles triangle and quadrilateral meshes, not {mesh.CellType}");
        if (domain is not null && domain.Dimension != mesh.GeometricDimension)
            throw new ArgumentException($"the domain is {domain.Dimension}D but the mesh is {mesh.GeometricDimension}D", nameof(domain));
        int d = mesh.GeometricDimension, corners = mesh.NodesPerCell, cells = mesh.CellCount, oldNodes = mesh.NodeCount;
        bool quads = mesh.CellType == CellType.Quadrilateral;

        // Number the edges in order of first appearance.
        var edgeIndex = new Dictionary<long, int>(cells * corners);
        var cellEdges = new int[cells * corners];
        for (int c = 0; c < cells; c++)
        {
            var nodes = mesh.CellNodes(c);
            for (int k = 0; k < corners; k++)
            {
                long key = Key(nodes[k], nodes[(k + 1) % corners]);
                if (!edgeIndex.TryGetValue(key, out int e)) edgeIndex[key] = e = edgeIndex.Count;
                cellEdges[c * corners + k] = oldNodes + e;
            }
        }
        int edges = edgeIndex.Count, nodeCount = oldNodes + edges + (quads ? cells : 0);
        var coordinates = new double[nodeCount * d];
        Array.Copy(mesh.Coordinates, coordinates, mesh.Coordinates.Length);
        foreach (var (key, e) in edgeIndex)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xFFFFFFFF);
            for (int i = 0; i < d; i++) coordinates[(oldNodes + e) * d + i] = (mesh.Coordinates[a * d + i] + mesh.Coordinates[b * d + i]) / 2;
        }
        var children = new int[4 * cells * corners];
        for (int c = 0; c < cells; c++)
        {
            var n = mesh.CellNodes(c);
            var m = cellEdges.AsSpan(c * corners, corners); // m[k] is the midpoint of edge (n[k], n[k+1])
            var child = children.AsSpan(4 * c * corners, 4 * corners);
            if (quads)
            {
                int centre = oldNodes + edges + c;
                for (int i = 0; i < d; i++)
                {
                    double sum = 0;
                    for (int k = 0; k < 4; k++) sum += mesh.Coordinates[n[k] * d + i];
                    coordinates[centre * d + i] = sum / 4;
                }
                ReadOnlySpan<int> q = [n[0], m[0], centre, m[3], m[0], n[1], m[1], centre, centre, m[1], n[2], m[2], m[3], centre, m[2], n[3]];
                q.CopyTo(child);
            }
            else
            {
                ReadOnlySpan<int> t = [n[0], m[0], m[2], m[0], n[1], m[1], m[2], m[1], n[2], m[0], m[1], m[2]];
                t.CopyTo(child);
            }
        }

        int facets = mesh.BoundaryFacetCount;
        var facetNodes = new int[4 * facets];
        var facetParts = new int[2 * facets];
        Span<double> closest = stackalloc double[d];
        Span<double> normal = stackalloc double[d];
        for (int f = 0; f < facets; f++)
        {
            var nodes = mesh.FacetNodes(f);
            int middle = oldNodes + edgeIndex[Key(nodes[0], nodes[1])];
            ReadOnlySpan<int> split = [nodes[0], middle, middle, nodes[1]];
            split.CopyTo(facetNodes.AsSpan(4 * f, 4));
            facetParts[2 * f] = facetParts[2 * f + 1] = mesh.BoundaryFacetParts[f];
            if (domain is not null) Project(domain, mesh.PartNames[mesh.BoundaryFacetParts[f]], coordinates.AsSpan(middle * d, d), closest, normal);
        }
        int[]? tags = null;
        if (mesh.CellTags is not null)
        {
            tags = new int[4 * cells];
            for (int c = 0; c < cells; c++) tags.AsSpan(4 * c, 4).Fill(mesh.CellTags[c]);
        }
        return new Mesh(mesh.CellType, d, coordinates, children, facetNodes, facetParts, mesh.PartNames, null, tags, mesh.SubdomainNames);
    }

    private static long Key(int a, int b) => (long)Math.Min(a, b) << 32 | (uint)Math.Max(a, b);

    /// <summary>Moves <paramref name="point"/> to the nearest boundary point of the named part, if the part exists.</summary>
    private static void Project(Domain domain, string part, Span<double> point, Span<double> closest, Span<double> normal)
    {
        double best = double.PositiveInfinity;
        Span<double> chosen = stackalloc double[point.Length];
        foreach (var candidate in domain.BoundaryCandidates)
        {
            if (candidate.Patch.Part != part) continue;
            double distance = candidate.Patch.Project(point, closest, normal);
            if (distance >= best || !candidate.Accepts(closest, normal)) continue;
            best = distance;
            closest.CopyTo(chosen);
        }
        if (double.IsFinite(best)) chosen.CopyTo(point);
    }
}
