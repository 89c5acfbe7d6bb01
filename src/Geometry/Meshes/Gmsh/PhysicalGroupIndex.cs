namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// The physical groups of one dimension as a list of names (boundary parts or subdomains): one
/// name per physical tag in increasing tag order, the $PhysicalNames name or "physical &lt;tag&gt;"
/// when the group has none. Groups with the same name share one index.
/// </summary>
internal sealed class PhysicalGroupIndex
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _indexOfName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _indexOfTag = [];
    private readonly MshContents _contents;
    private readonly int _dimension;

    /// <summary>Collects the groups of <paramref name="dimension"/> named in $PhysicalNames or used in $Entities.</summary>
    public PhysicalGroupIndex(MshContents contents, int dimension)
    {
        _contents = contents;
        _dimension = dimension;
        var tags = new SortedSet<int>(contents.PhysicalNames.Keys.Where(k => k.Dimension == dimension).Select(k => k.Tag));
        foreach (var entity in contents.Entities?.Values.AsEnumerable() ?? [])
        {
            if (entity.Dimension == dimension) tags.UnionWith(entity.PhysicalTags);
        }
        foreach (int tag in tags)
        {
            _indexOfTag[tag] = IndexOf(contents.PhysicalNames.GetValueOrDefault((dimension, tag)) ?? $"physical {tag}");
        }
        HasGroups = tags.Count > 0;
    }

    /// <summary>Whether the file has any physical group of this dimension.</summary>
    public bool HasGroups { get; }

    /// <summary>The names, indexed by the values <see cref="GroupOf"/> and <see cref="IndexOf"/> return.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The group of the entity of this dimension tagged <paramref name="entityTag"/>: its first physical tag, or null when it has none.</summary>
    public int? GroupOf(int entityTag) =>
        _contents.Entities?.GetValueOrDefault((_dimension, entityTag)) is { PhysicalTags: [int first, ..] } ? _indexOfTag[first] : null;

    /// <summary>The index of <paramref name="name"/>, added at the end when it is new.</summary>
    public int IndexOf(string name)
    {
        if (!_indexOfName.TryGetValue(name, out int index))
        {
            index = _names.Count;
            _names.Add(name);
            _indexOfName[name] = index;
        }
        return index;
    }
}
