namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// Copies the inside triangles into a <see cref="Mesh"/>: the vertices they use, numbered in the
/// order they were created (boundary vertices first), the triangles counter-clockwise, and one
/// boundary facet per segment edge, oriented with the domain on its left and named after the
/// part of the segment's chain.
/// </summary>
internal static class MeshExtraction
{
    public static Mesh ToMesh(Triangulation mesh, BoundaryGraph graph, IReadOnlyList<string> partNames)
    {
        var number = new int[mesh.VertexCount];
        Array.Fill(number, -1);
        int triangles = 0, facets = 0;
        for (int t = 0; t < mesh.SlotCount; t++)
        {
            if (mesh.Region[t] != Triangulation.Inside) continue;
            triangles++;
            for (int k = 0; k < 3; k++)
            {
                number[mesh.Vertices[3 * t + k]] = 0;
                if (mesh.Segment[3 * t + k] >= 0 && IsOutsideAcross(mesh, 3 * t + k)) facets++;
            }
        }
        int nodes = 0;
        for (int v = 0; v < number.Length; v++)
        {
            if (number[v] == 0) number[v] = nodes++;
        }
        var coordinates = new double[2 * nodes];
        for (int v = 0; v < number.Length; v++)
        {
            if (number[v] < 0) continue;
            coordinates[2 * number[v]] = mesh.X[v];
            coordinates[2 * number[v] + 1] = mesh.Y[v];
        }
        var cells = new int[3 * triangles];
        var facetNodes = new int[2 * facets];
        var facetParts = new int[facets];
        int c = 0, f = 0;
        for (int t = 0; t < mesh.SlotCount; t++)
        {
            if (mesh.Region[t] != Triangulation.Inside) continue;
            for (int k = 0; k < 3; k++)
            {
                cells[3 * c + k] = number[mesh.Vertices[3 * t + k]];
                int e = 3 * t + k;
                int segment = mesh.Segment[e];
                if (segment < 0 || !IsOutsideAcross(mesh, e)) continue;
                facetNodes[2 * f] = number[mesh.Origin(e)];
                facetNodes[2 * f + 1] = number[mesh.Destination(e)];
                facetParts[f++] = graph.Chains[graph.Segments.Chain[segment]].Part;
            }
            c++;
        }
        return new Mesh(CellType.Triangle, 2, coordinates, cells, facetNodes, facetParts, partNames);
    }

    private static bool IsOutsideAcross(Triangulation mesh, int e)
    {
        int twin = mesh.Neighbour[e];
        return twin < 0 || mesh.Region[twin / 3] != Triangulation.Inside;
    }
}
