namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>The nodes of the $Nodes section in file order: tags, coordinates and lines.</summary>
internal sealed class MshNodes
{
    private readonly Dictionary<long, int> _indexOfTag = [];

    /// <summary>Node tags, in file order.</summary>
    public List<long> Tags { get; } = [];

    /// <summary>x, y, z per node, shape (nodes, 3).</summary>
    public List<double> Coordinates { get; } = [];

    /// <summary>The line holding each node's coordinates.</summary>
    public List<int> Lines { get; } = [];

    /// <summary>The entity blocks: entity dimension and tag, and the line of the block header.</summary>
    public List<(int Dimension, int Tag, int Line)> Blocks { get; } = [];

    /// <summary>Number of nodes.</summary>
    public int Count => Tags.Count;

    /// <summary>Adds a node; false when its tag is already taken.</summary>
    public bool TryAdd(long tag, double x, double y, double z, int line)
    {
        if (!_indexOfTag.TryAdd(tag, Tags.Count)) return false;
        Tags.Add(tag);
        Coordinates.Add(x);
        Coordinates.Add(y);
        Coordinates.Add(z);
        Lines.Add(line);
        return true;
    }

    /// <summary>The file-order index of the node tagged <paramref name="tag"/>.</summary>
    public bool TryIndexOf(long tag, out int index) => _indexOfTag.TryGetValue(tag, out index);
}
