using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Fem.Spaces;

/// <summary>
/// Unit outward normals and measures of the boundary facets of a linear simplex mesh in 1D, 2D or
/// 3D: each facet's normal points away from the one cell it bounds (away from that cell's vertex
/// opposite the facet). A 1D facet is a point of measure 1 with normal ±1.
/// </summary>
internal sealed class BoundaryGeometry
{
    public BoundaryGeometry(Mesh mesh)
    {
        int d = mesh.GeometricDimension, vertices = d + 1;
        // The vertex opposite each boundary facet in the cell it bounds: only cell facets whose nodes all lie on
        // the boundary are looked up among the boundary facets.
        var facetOf = new Dictionary<(int, int, int), int>(mesh.BoundaryFacetCount);
        var onBoundary = new bool[mesh.NodeCount];
        Span<int> key = stackalloc int[3];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var facet = mesh.FacetNodes(f);
            key.Fill(-1);
            facet[..d].CopyTo(key);
            key[..d].Sort();
            facetOf[(key[0], key[1], key[2])] = f;
            foreach (int node in facet[..d]) onBoundary[node] = true;
        }
        var opposite = new int[mesh.BoundaryFacetCount];
        Array.Fill(opposite, -1);
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var nodes = mesh.CellNodes(c);
            for (int skip = 0; skip < vertices; skip++)
            {
                key.Fill(-1);
                bool boundary = true;
                for (int v = 0, k = 0; v < vertices; v++)
                {
                    if (v == skip) continue;
                    boundary &= onBoundary[nodes[v]];
                    key[k++] = nodes[v];
                }
                if (!boundary) continue;
                key[..d].Sort();
                if (facetOf.TryGetValue((key[0], key[1], key[2]), out int f)) opposite[f] = nodes[skip];
            }
        }
        Normals = new double[mesh.BoundaryFacetCount * d];
        Measures = new double[mesh.BoundaryFacetCount];
        var c3 = mesh.Coordinates;
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var facet = mesh.FacetNodes(f);
            int inner = opposite[f];
            if (inner < 0)
                throw new InvalidOperationException($"boundary facet {f} ({string.Join(", ", facet.ToArray())}) is not a facet of any cell");
            var normal = Normals.AsSpan(f * d, d);
            double measure;
            switch (d)
            {
                case 1:
                    normal[0] = 1;
                    measure = 1;
                    break;
                case 2:
                {
                    double tx = c3[2 * facet[1]] - c3[2 * facet[0]], ty = c3[2 * facet[1] + 1] - c3[2 * facet[0] + 1];
                    measure = Math.Sqrt(tx * tx + ty * ty);
                    normal[0] = ty / measure;
                    normal[1] = -tx / measure;
                    break;
                }
                default:
                {
                    double ux = c3[3 * facet[1]] - c3[3 * facet[0]], uy = c3[3 * facet[1] + 1] - c3[3 * facet[0] + 1], uz = c3[3 * facet[1] + 2] - c3[3 * facet[0] + 2];
                    double vx = c3[3 * facet[2]] - c3[3 * facet[0]], vy = c3[3 * facet[2] + 1] - c3[3 * facet[0] + 1], vz = c3[3 * facet[2] + 2] - c3[3 * facet[0] + 2];
                    double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
                    double length = Math.Sqrt(nx * nx + ny * ny + nz * nz);
                    measure = length / 2;
                    normal[0] = nx / length;
                    normal[1] = ny / length;
                    normal[2] = nz / length;
                    break;
                }
            }
            double outward = 0;
            for (int i = 0; i < d; i++) outward += normal[i] * (c3[facet[0] * d + i] - c3[inner * d + i]);
            if (outward < 0)
            {
                for (int i = 0; i < d; i++) normal[i] = -normal[i];
            }
            Measures[f] = measure;
        }
    }

    /// <summary>Unit outward normals, shape (facets, d).</summary>
    public double[] Normals { get; }

    /// <summary>Facet lengths (2D), areas (3D), or 1 (1D).</summary>
    public double[] Measures { get; }
}
