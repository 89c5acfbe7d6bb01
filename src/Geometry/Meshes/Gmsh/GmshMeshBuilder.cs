namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Turns the sections of an MSH file into a <see cref="Mesh"/>: the elements of the highest
/// dimension become the cells (in VTK node order, positively oriented), the facets that belong
/// to exactly one cell become the boundary facets with the name of their physical group, and
/// the physical groups of the cells become subdomains. Nodes that no cell uses are dropped.
/// The choices are described in docs/gmsh.md.
/// </summary>
internal sealed class GmshMeshBuilder(MshContents msh, string sourceName)
{
    /// <summary>Relative tolerance: a cell is degenerate when |measure| ≤ this × diameter^d.</summary>
    private const double DegenerateMeasure = 1e-12;

    /// <summary>Relative tolerance: a 2D mesh's z coordinates must be within this × its xy extent of 0.</summary>
    private const double PlanarTolerance = 1e-10;

    private readonly List<int> _cells = [];
    private readonly List<int> _cellLines = [];
    private readonly List<long> _elementTags = [];
    private readonly List<int> _cellEntities = [];

    /// <summary>Builds the mesh.</summary>
    public Mesh Build()
    {
        CheckEntityReferences();
        var (dimension, cellType) = CellShape();
        CollectCells(dimension);
        Orient(cellType, dimension);
        var facets = BoundaryFacets(cellType);
        var (facetNodes, facetParts, partNames) = NameFacets(cellType, dimension, facets);
        var (cellTags, subdomainNames) = Subdomains(dimension);
        var (coordinates, newIndex) = UsedNodes(dimension);
        int[] cells = _cells.Select(n => newIndex[n]).ToArray();
        int[] boundary = facetNodes.Select(n => newIndex[n]).ToArray();
        try
        {
            return new Mesh(cellType, dimension, coordinates, cells, boundary, facetParts, partNames, cellTags: cellTags, subdomainNames: subdomainNames);
        }
        catch (ArgumentException e)
        {
            throw Error(msh.LineCount, $"the elements do not form a valid mesh: {e.Message}", e);
        }
    }

    private void CheckEntityReferences()
    {
        if (msh.Entities is not { } entities) return;
        foreach (var (dimension, tag, line) in msh.Nodes.Blocks)
        {
            if (!entities.ContainsKey((dimension, tag)))
                throw Error(line, $"the node block refers to entity {tag} of dimension {dimension}, which $Entities does not define");
        }
        foreach (var block in msh.ElementBlocks)
        {
            if (!entities.ContainsKey((block.EntityDimension, block.EntityTag)))
                throw Error(block.Line, $"the element block refers to entity {block.EntityTag} of dimension {block.EntityDimension}, which $Entities does not define");
        }
    }

    /// <summary>The mesh dimension (the highest element dimension) and the one cell type of that dimension.</summary>
    private (int Dimension, CellType Type) CellShape()
    {
        var blocks = msh.ElementBlocks.Where(b => b.Count > 0).ToList();
        if (blocks.Count == 0) throw Error(msh.LineCount, "the file has no elements");
        int dimension = blocks.Max(b => b.EntityDimension);
        if (dimension < 2)
        {
            throw Error(msh.LineCount,
                $"the highest element dimension is {dimension}; only 2D and 3D meshes are read. "
                + "When a .geo file defines physical groups, gmsh saves only their elements: add a Physical Surface or "
                + "Physical Volume, or set Mesh.SaveAll = 1");
        }
        var cellBlocks = blocks.Where(b => b.EntityDimension == dimension).ToList();
        var first = cellBlocks[0].Type;
        var other = cellBlocks.FirstOrDefault(b => b.Type != first);
        if (other is not null)
        {
            var counts = cellBlocks.GroupBy(b => b.Type).Select(g => $"{g.Key} ({g.Sum(b => b.Count)} elements)");
            throw Error(other.Line, $"the {dimension}D elements mix {string.Join(" and ", counts)}; a mesh has one cell type");
        }
        return (dimension, first.Cell!.Value);
    }

    /// <summary>Collects the cells as file-order node indices in VTK order, and checks every element's node tags.</summary>
    private void CollectCells(int dimension)
    {
        foreach (var block in msh.ElementBlocks)
        {
            var type = block.Type;
            for (int e = 0; e < block.Count; e++)
            {
                var nodes = Resolve(block, e);
                if (block.EntityDimension != dimension) continue;
                foreach (int k in type.VtkOrder) _cells.Add(nodes[k]);
                _cellLines.Add(block.Lines[e]);
                _elementTags.Add(block.ElementTags[e]);
                _cellEntities.Add(block.EntityTag);
            }
        }
    }

    /// <summary>The file-order node indices of element <paramref name="element"/> of <paramref name="block"/>, in gmsh order.</summary>
    private int[] Resolve(MshElementBlock block, int element)
    {
        int count = block.Type.NodeCount;
        var nodes = new int[count];
        for (int k = 0; k < count; k++)
        {
            long tag = block.NodeTags[element * count + k];
            if (!msh.Nodes.TryIndexOf(tag, out nodes[k]))
                throw Error(block.Lines[element], $"element {block.ElementTags[element]} refers to node {tag}, which $Nodes does not define");
        }
        return nodes;
    }

    /// <summary>Refuses cells with repeated nodes or no area/volume, and mirrors negatively oriented ones.</summary>
    private void Orient(CellType cellType, int dimension)
    {
        int perCell = cellType.NodeCount();
        var reflection = ReferenceCells.Reflection(cellType);
        var xyz = msh.Nodes.Coordinates;
        var cell = new int[perCell];
        string measure = dimension == 2 ? "area" : "volume";
        for (int c = 0; c < _elementTags.Count; c++)
        {
            _cells.CopyTo(c * perCell, cell, 0, perCell);
            for (int a = 0; a < perCell; a++)
            {
                for (int b = a + 1; b < perCell; b++)
                {
                    if (cell[a] == cell[b])
                        throw Error(_cellLines[c], $"element {_elementTags[c]} lists node {msh.Nodes.Tags[cell[a]]} twice");
                }
            }
            double signed = ReferenceCells.SignedMeasure(cellType, cell, xyz);
            double size = Math.Pow(ReferenceCells.CornerDiameter(cellType, cell, xyz), dimension);
            if (!double.IsFinite(signed) || !(Math.Abs(signed) > DegenerateMeasure * size))
                throw Error(_cellLines[c], $"element {_elementTags[c]} is degenerate: its corners span {measure} {signed:G3}");
            if (signed > 0) continue;
            for (int k = 0; k < perCell; k++) _cells[c * perCell + k] = cell[reflection[k]];
        }
    }

    /// <summary>The facets that belong to exactly one cell: (cell, local facet), in cell order.</summary>
    private List<(int Cell, int Local, FacetKey Key)> BoundaryFacets(CellType cellType)
    {
        var local = ReferenceCells.Facets(cellType);
        int perCell = cellType.NodeCount(), corners = cellType.FacetType()!.Value.VertexCount();
        var uses = new Dictionary<FacetKey, int>();
        var all = new List<(int, int, FacetKey)>();
        for (int c = 0; c < _elementTags.Count; c++)
        {
            for (int f = 0; f < local.Length; f++)
            {
                var key = FacetKey.Of(local[f].Take(corners).Select(k => _cells[c * perCell + k]));
                int count = uses.GetValueOrDefault(key) + 1;
                if (count > 2)
                    throw Error(_cellLines[c], $"element {_elementTags[c]} shares a facet with two other elements; the mesh is not conforming (duplicate or overlapping elements)");
                uses[key] = count;
                all.Add((c, f, key));
            }
        }
        return all.Where(f => uses[f.Item3] == 1).ToList();
    }

    /// <summary>
    /// The boundary facets' nodes and part indices: the first physical group of the first
    /// (d-1)-element that covers the facet, else <see cref="GmshReader.UntaggedBoundaryPart"/>.
    /// </summary>
    private (List<int> Nodes, int[] Parts, IReadOnlyList<string> Names) NameFacets(CellType cellType, int dimension, List<(int Cell, int Local, FacetKey Key)> facets)
    {
        var groups = new PhysicalGroupIndex(msh, dimension - 1);
        var groupOfKey = new Dictionary<FacetKey, int>();
        foreach (var block in msh.ElementBlocks.Where(b => b.EntityDimension == dimension - 1))
        {
            if (groups.GroupOf(block.EntityTag) is not { } group) continue;
            int corners = block.Type.Cell!.Value.VertexCount();
            for (int e = 0; e < block.Count; e++)
            {
                groupOfKey.TryAdd(FacetKey.Of(Resolve(block, e).Take(corners)), group);
            }
        }
        var local = ReferenceCells.Facets(cellType);
        int perCell = cellType.NodeCount();
        var nodes = new List<int>();
        var parts = new int[facets.Count];
        for (int f = 0; f < facets.Count; f++)
        {
            var (cell, facet, key) = facets[f];
            foreach (int k in local[facet]) nodes.Add(_cells[cell * perCell + k]);
            parts[f] = groupOfKey.TryGetValue(key, out int group) ? group : groups.IndexOf(GmshReader.UntaggedBoundaryPart);
        }
        return (nodes, parts, groups.Names);
    }

    /// <summary>Subdomain index per cell from the physical groups of dimension d, or null when there are none.</summary>
    private (int[]? Tags, IReadOnlyList<string> Names) Subdomains(int dimension)
    {
        var groups = new PhysicalGroupIndex(msh, dimension);
        if (!groups.HasGroups) return (null, []);
        var tags = _cellEntities.Select(entity => groups.GroupOf(entity) ?? groups.IndexOf(GmshReader.UntaggedSubdomain)).ToArray();
        return (tags, groups.Names);
    }

    /// <summary>Coordinates of the nodes some cell uses, in file order, and the new index of every file-order node (-1 if dropped).</summary>
    private (double[] Coordinates, int[] NewIndex) UsedNodes(int dimension)
    {
        var nodes = msh.Nodes;
        var newIndex = new int[nodes.Count];
        Array.Fill(newIndex, -1);
        foreach (int n in _cells) newIndex[n] = 0;
        int used = 0;
        for (int n = 0; n < nodes.Count; n++)
        {
            if (newIndex[n] >= 0) newIndex[n] = used++;
        }
        var xyz = nodes.Coordinates;
        var coordinates = new double[used * dimension];
        for (int n = 0; n < nodes.Count; n++)
        {
            if (newIndex[n] < 0) continue;
            for (int i = 0; i < dimension; i++) coordinates[newIndex[n] * dimension + i] = xyz[3 * n + i];
        }
        if (dimension == 2) CheckPlanar(newIndex);
        return (coordinates, newIndex);
    }

    private void CheckPlanar(int[] newIndex)
    {
        var xyz = msh.Nodes.Coordinates;
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (int n = 0; n < newIndex.Length; n++)
        {
            if (newIndex[n] < 0) continue;
            (minX, maxX) = (Math.Min(minX, xyz[3 * n]), Math.Max(maxX, xyz[3 * n]));
            (minY, maxY) = (Math.Min(minY, xyz[3 * n + 1]), Math.Max(maxY, xyz[3 * n + 1]));
        }
        double tolerance = PlanarTolerance * Math.Max(maxX - minX, maxY - minY);
        for (int n = 0; n < newIndex.Length; n++)
        {
            if (newIndex[n] >= 0 && !(Math.Abs(xyz[3 * n + 2]) <= tolerance))
                throw Error(msh.Nodes.Lines[n], $"node {msh.Nodes.Tags[n]} has z = {xyz[3 * n + 2]:R}; the nodes of a 2D mesh must lie in the plane z = 0");
        }
    }

    private GmshFormatException Error(int line, string problem, Exception? inner = null) => new(sourceName, Math.Max(line, 1), problem, inner);
}
