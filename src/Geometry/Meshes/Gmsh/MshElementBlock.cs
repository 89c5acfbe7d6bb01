namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>One entity block of the $Elements section: elements of one type on one entity.</summary>
/// <param name="EntityDimension">Dimension of the entity the elements are classified on.</param>
/// <param name="EntityTag">Tag of that entity.</param>
/// <param name="Type">The element type.</param>
/// <param name="Line">Line of the block header.</param>
internal sealed record MshElementBlock(int EntityDimension, int EntityTag, MshElementType Type, int Line)
{
    /// <summary>Element tags, one per element.</summary>
    public List<long> ElementTags { get; } = [];

    /// <summary>Node tags in gmsh order, shape (elements, nodes per element).</summary>
    public List<long> NodeTags { get; } = [];

    /// <summary>The line of each element.</summary>
    public List<int> Lines { get; } = [];

    /// <summary>Number of elements.</summary>
    public int Count => ElementTags.Count;
}
