using PdeNet.Geometry.Boundary;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// An unstructured mesh of one cell type: node coordinates, cell-to-node connectivity, and the
/// boundary facets with the name of the boundary part each lies on. Arrays are flat, row-major.
/// </summary>
public sealed class Mesh
{
    /// <summary>Creates a mesh and checks the array sizes and node indices.</summary>
    /// <param name="cellType">Shape of every cell.</param>
    /// <param name="geometricDimension">Coordinates per node, gdim.</param>
    /// <param name="coordinates">Node coordinates, shape (nodes, gdim).</param>
    /// <param name="cells">Cell nodes, shape (cells, nodes per cell).</param>
    /// <param name="boundaryFacets">Boundary facet nodes, shape (facets, nodes per facet).</param>
    /// <param name="boundaryFacetParts">Index into <paramref name="partNames"/> per facet.</param>
    /// <param name="partNames">Names of the boundary parts.</param>
    /// <param name="grid">The grid the nodes form, lexicographically numbered, if they do.</param>
    /// <param name="cellTags">Subdomain index (into <paramref name="subdomainNames"/>) per cell, or null for one subdomain.</param>
    /// <param name="subdomainNames">Names of the subdomains the cell tags refer to.</param>
    public Mesh(CellType cellType, int geometricDimension, double[] coordinates, int[] cells,
        int[] boundaryFacets, int[] boundaryFacetParts, IReadOnlyList<string> partNames, Grid? grid = null,
        int[]? cellTags = null, IReadOnlyList<string>? subdomainNames = null)
    {
        if (geometricDimension < 1 || geometricDimension > 3) throw new ArgumentOutOfRangeException(nameof(geometricDimension), geometricDimension, "must be 1, 2 or 3");
        if (coordinates.Length % geometricDimension != 0) throw new ArgumentException($"coordinates length {coordinates.Length} is not a multiple of gdim {geometricDimension}", nameof(coordinates));
        int perCell = cellType.NodeCount(), perFacet = cellType.FacetNodeCount();
        if (cells.Length % perCell != 0) throw new ArgumentException($"cells length {cells.Length} is not a multiple of {perCell}", nameof(cells));
        if (boundaryFacets.Length % perFacet != 0) throw new ArgumentException($"facets length {boundaryFacets.Length} is not a multiple of {perFacet}", nameof(boundaryFacets));
        if (boundaryFacetParts.Length != boundaryFacets.Length / perFacet) throw new ArgumentException("one part index per boundary facet is needed", nameof(boundaryFacetParts));
        int nodes = coordinates.Length / geometricDimension;
        int bad = Array.FindIndex(cells, i => i < 0 || i >= nodes);
        if (bad >= 0) throw new ArgumentException($"cell {bad / perCell} refers to node {cells[bad]}, but the mesh has {nodes} nodes", nameof(cells));
        bad = Array.FindIndex(boundaryFacets, i => i < 0 || i >= nodes);
        if (bad >= 0) throw new ArgumentException($"facet {bad / perFacet} refers to node {boundaryFacets[bad]}, but the mesh has {nodes} nodes", nameof(boundaryFacets));
        bad = Array.FindIndex(boundaryFacetParts, p => p < 0 || p >= partNames.Count);
        if (bad >= 0) throw new ArgumentException($"facet {bad} has part index {boundaryFacetParts[bad]}, but there are {partNames.Count} part names", nameof(boundaryFacetParts));
        if (grid is not null && grid.NodeCount != nodes) throw new ArgumentException("the grid's node count differs from the mesh's", nameof(grid));
        subdomainNames ??= [];
        if (cellTags is not null)
        {
            if (cellTags.Length != cells.Length / perCell) throw new ArgumentException("one subdomain tag per cell is needed", nameof(cellTags));
            bad = Array.FindIndex(cellTags, t => t < 0 || t >= subdomainNames.Count);
            if (bad >= 0) throw new ArgumentException($"cell {bad} has subdomain index {cellTags[bad]}, but there are {subdomainNames.Count} subdomain names", nameof(cellTags));
        }
        CellType = cellType;
        GeometricDimension = geometricDimension;
        Coordinates = coordinates;
        Cells = cells;
        BoundaryFacets = boundaryFacets;
        BoundaryFacetParts = boundaryFacetParts;
        PartNames = partNames;
        Grid = grid;
        CellTags = cellTags;
        SubdomainNames = subdomainNames;
    }

    /// <summary>Shape of every cell.</summary>
    public CellType CellType { get; }

    /// <summary>Coordinates per node.</summary>
    public int GeometricDimension { get; }

    /// <summary>Node coordinates, shape (nodes, gdim), row-major.</summary>
    public double[] Coordinates { get; }

    /// <summary>Cell connectivity, shape (cells, nodes per cell), row-major.</summary>
    public int[] Cells { get; }

    /// <summary>Boundary facet connectivity, shape (facets, nodes per facet), row-major.</summary>
    public int[] BoundaryFacets { get; }

    /// <summary>Part index (into <see cref="PartNames"/>) of each boundary facet.</summary>
    public int[] BoundaryFacetParts { get; }

    /// <summary>Names of the boundary parts.</summary>
    public IReadOnlyList<string> PartNames { get; }

    /// <summary>The structured grid the nodes form, or null for an unstructured mesh.</summary>
    public Grid? Grid { get; }

    /// <summary>Subdomain index (into <see cref="SubdomainNames"/>) of each cell, or null when the mesh is one subdomain.</summary>
    public int[]? CellTags { get; }

    /// <summary>Names of the subdomains (for example gmsh physical groups of the mesh's dimension).</summary>
    public IReadOnlyList<string> SubdomainNames { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Coordinates.Length / GeometricDimension;

    /// <summary>Nodes per cell.</summary>
    public int NodesPerCell => CellType.NodeCount();

    /// <summary>Number of cells.</summary>
    public int CellCount => Cells.Length / NodesPerCell;

    /// <summary>Nodes per boundary facet.</summary>
    public int NodesPerFacet => CellType.FacetNodeCount();

    /// <summary>Number of boundary facets.</summary>
    public int BoundaryFacetCount => BoundaryFacetParts.Length;

    /// <summary>Coordinates of node <paramref name="node"/>.</summary>
    public ReadOnlySpan<double> Node(int node) => Coordinates.AsSpan(node * GeometricDimension, GeometricDimension);

    /// <summary>Nodes of cell <paramref name="cell"/>.</summary>
    public ReadOnlySpan<int> CellNodes(int cell) => Cells.AsSpan(cell * NodesPerCell, NodesPerCell);

    /// <summary>Nodes of boundary facet <paramref name="facet"/>.</summary>
    public ReadOnlySpan<int> FacetNodes(int facet) => BoundaryFacets.AsSpan(facet * NodesPerFacet, NodesPerFacet);

    /// <summary>The bounding box of the nodes.</summary>
    public BoundingBox Bounds()
    {
        int d = GeometricDimension;
        var min = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        for (int i = 0; i < Coordinates.Length; i++)
        {
            min[i % d] = Math.Min(min[i % d], Coordinates[i]);
            max[i % d] = Math.Max(max[i % d], Coordinates[i]);
        }
        return new BoundingBox(min, max);
    }

    /// <summary>
    /// The nodes on the selected boundary: nodes of facets whose part is selected and, for a
    /// predicate selector, whose coordinates pass it. Sorted, without repeats.
    /// </summary>
    public int[] BoundaryNodes(BoundarySelector selector)
    {
        var chosen = new SortedSet<int>();
        for (int f = 0; f < BoundaryFacetCount; f++)
        {
            string part = PartNames[BoundaryFacetParts[f]];
            foreach (int node in FacetNodes(f))
            {
                if (selector.Includes(part, Node(node))) chosen.Add(node);
            }
        }
        return chosen.ToArray();
    }

    /// <summary>The largest distance between two nodes of a cell over all cells, the mesh size h.</summary>
    public double MaxEdgeLength()
    {
        double h = 0;
        int d = GeometricDimension, k = NodesPerCell;
        for (int c = 0; c < CellCount; c++)
        {
            var nodes = CellNodes(c);
            for (int a = 0; a < k; a++)
            {
                for (int b = a + 1; b < k; b++)
                {
                    double s = 0;
                    for (int i = 0; i < d; i++)
                    {
                        double delta = Coordinates[nodes[a] * d + i] - Coordinates[nodes[b] * d + i];
                        s += delta * delta;
                    }
                    h = Math.Max(h, s);
                }
            }
        }
        return Math.Sqrt(h);
    }

    /// <summary>
    /// Unit outward normals of the boundary facets of a 2D triangle mesh, shape (facets, 2):
    /// each edge's normal points away from the triangle it bounds.
    /// </summary>
    public double[] BoundaryFacetNormals()
    {
        if (CellType != CellType.Triangle || GeometricDimension != 2) throw new NotSupportedException("facet normals are implemented for 2D triangle meshes");
        // The node opposite each boundary edge: only cell edges with both ends on the boundary are looked up.
        var onBoundary = new bool[NodeCount];
        var facetOf = new Dictionary<long, int>(BoundaryFacetCount);
        for (int f = 0; f < BoundaryFacetCount; f++)
        {
            var nodes = FacetNodes(f);
            onBoundary[nodes[0]] = onBoundary[nodes[1]] = true;
            facetOf[EdgeKey(nodes[0], nodes[1])] = f;
        }
        var opposite = new int[BoundaryFacetCount];
        Array.Fill(opposite, -1);
        for (int c = 0; c < CellCount; c++)
        {
            var n = CellNodes(c);
            for (int e = 0; e < 3; e++)
            {
                int p = n[e], q = n[(e + 1) % 3];
                if (onBoundary[p] && onBoundary[q] && facetOf.TryGetValue(EdgeKey(p, q), out int f)) opposite[f] = n[(e + 2) % 3];
            }
        }
        var normals = new double[2 * BoundaryFacetCount];
        for (int f = 0; f < BoundaryFacetCount; f++)
        {
            var nodes = FacetNodes(f);
            int inner = opposite[f];
            if (inner < 0)
                throw new InvalidOperationException($"boundary facet {f} ({nodes[0]}, {nodes[1]}) is not an edge of any cell");
            var a = Node(nodes[0]);
            var b = Node(nodes[1]);
            var c = Node(inner);
            double tx = b[0] - a[0], ty = b[1] - a[1], length = Math.Sqrt(tx * tx + ty * ty);
            double nx = ty / length, ny = -tx / length;
            if (nx * (c[0] - a[0]) + ny * (c[1] - a[1]) > 0) (nx, ny) = (-nx, -ny);
            normals[2 * f] = nx;
            normals[2 * f + 1] = ny;
        }
        return normals;
    }

    // The packed pair times an odd constant (a bijection, so keys stay unique): a long's hash is
    // its low half XOR its high half, which for the plain packing min ^ max collides massively on
    // grid meshes (edges (i, i + 1) give 1, 3, 7, ...), making the dictionary quadratic.
    private static long EdgeKey(int a, int b) => unchecked(((long)Math.Min(a, b) << 32 | (uint)Math.Max(a, b)) * (long)0x9E3779B97F4A7C15);
}
