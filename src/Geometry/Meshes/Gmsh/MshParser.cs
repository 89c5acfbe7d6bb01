using System.Globalization;

namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Reads the sections of an MSH 4.1 ASCII file into <see cref="MshContents"/>: $MeshFormat
/// (checked), $PhysicalNames, $Entities, $Nodes and $Elements; other sections ($Periodic,
/// $NodeData, $Comments, ...) are skipped up to their end marker. Counts, tag ranges and
/// duplicate tags are checked here; references between sections are checked by
/// <see cref="GmshMeshBuilder"/>.
/// </summary>
internal sealed class MshParser
{
    private readonly MshTokenizer _tokens;
    private readonly MshContents _contents = new();
    private readonly HashSet<string> _seen = [];

    private MshParser(MshTokenizer tokens) => _tokens = tokens;

    /// <summary>Reads the whole file.</summary>
    public static MshContents Parse(MshTokenizer tokens)
    {
        var parser = new MshParser(tokens);
        parser.MeshFormat();
        while (tokens.Next() is { } token)
        {
            parser.Section(token);
        }
        parser._contents.LineCount = tokens.Line;
        if (!parser._seen.Contains("Nodes")) throw tokens.Error("the file has no $Nodes section");
        if (!parser._seen.Contains("Elements")) throw tokens.Error("the file has no $Elements section");
        return parser._contents;
    }

    private void MeshFormat()
    {
        string? first = _tokens.Next();
        if (first is null) throw _tokens.Error("the file is empty; expected $MeshFormat");
        if (first != "$MeshFormat") throw _tokens.Error($"expected $MeshFormat at the start of an MSH file, found {MshTokenizer.Describe(first)}");
        string version = _tokens.Token("the MSH version");
        bool numeric = double.TryParse(version, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
        if (!numeric) throw _tokens.Error($"expected the MSH version (4.1), found '{version}'");
        if (number != 4.1)
            throw _tokens.Error($"MSH version {version} is not supported; only MSH 4.1 ASCII is read (save with -format msh41)");
        long fileType = _tokens.Integer("the file type (0 for ASCII)");
        if (fileType == 1)
            throw _tokens.Error("binary MSH is not supported; save as ASCII with -format msh41 and Mesh.Binary = 0");
        if (fileType != 0) throw _tokens.Error($"the file type is {fileType}; expected 0 (ASCII)");
        _tokens.Integer("the data size");
        _tokens.Expect("$EndMeshFormat");
        _seen.Add("MeshFormat");
    }

    private void Section(string header)
    {
        if (!header.StartsWith('$') || header.StartsWith("$End", StringComparison.Ordinal))
            throw _tokens.Error($"expected a section header such as $Nodes, found {MshTokenizer.Describe(header)}");
        string name = header[1..];
        int line = _tokens.Line;
        if (name is "MeshFormat" or "PhysicalNames" or "Entities" or "Nodes" or "Elements" && !_seen.Add(name))
            throw _tokens.Error($"a second ${name} section; a file may have only one");
        switch (name)
        {
            case "MeshFormat":
                break;
            case "PhysicalNames":
                PhysicalNames();
                break;
            case "Entities":
                Entities();
                break;
            case "Nodes":
                Nodes();
                break;
            case "Elements":
                Elements();
                break;
            case "PartitionedEntities":
                throw _tokens.Error("partitioned meshes ($PartitionedEntities) are not supported; save the mesh unpartitioned");
            default:
                Skip(name, line);
                break;
        }
    }

    private void Skip(string name, int line)
    {
        string end = "$End" + name;
        string? token;
        do
        {
            token = _tokens.Next();
        }
        while (token is not null && token != end);
        if (token is null) throw _tokens.Error($"the file ends inside the ${name} section that starts at line {line}; expected {end}");
    }

    private void PhysicalNames()
    {
        int count = _tokens.Count("the number of physical names");
        for (int i = 0; i < count; i++)
        {
            int dimension = (int)_tokens.Integer("the dimension of a physical group", 0, 3);
            int tag = (int)_tokens.Tag("a physical tag", int.MaxValue);
            string quoted = _tokens.RestOfLine();
            if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
                throw _tokens.Error($"expected the physical name in double quotes after '{dimension} {tag}', found '{quoted}'");
            if (!_contents.PhysicalNames.TryAdd((dimension, tag), quoted[1..^1]))
                throw _tokens.Error($"physical group {tag} of dimension {dimension} is named twice");
        }
        _tokens.Expect("$EndPhysicalNames", $" after {count} physical names");
    }

    private void Entities()
    {
        var entities = new Dictionary<(int, int), MshEntity>();
        var counts = new int[4];
        string[] kinds = ["points", "curves", "surfaces", "volumes"];
        for (int d = 0; d < 4; d++) counts[d] = _tokens.Count($"the number of {kinds[d]}");
        for (int d = 0; d < 4; d++)
        {
            for (int i = 0; i < counts[d]; i++)
            {
                int tag = (int)_tokens.Tag($"the tag of one of the {kinds[d]}", int.MaxValue);
                int line = _tokens.Line;
                int coordinates = d == 0 ? 3 : 6;
                for (int k = 0; k < coordinates; k++) _tokens.Real(d == 0 ? "a point coordinate" : "a bounding box coordinate");
                int physicalCount = _tokens.Count("the number of physical tags");
                var physical = new List<int>();
                for (int k = 0; k < physicalCount; k++)
                {
                    long value = _tokens.Integer("a physical tag", -int.MaxValue, int.MaxValue);
                    if (value == 0) throw _tokens.Error("a physical tag is 0; tags must be non-zero");
                    physical.Add((int)Math.Abs(value));
                }
                if (d > 0)
                {
                    int bounding = _tokens.Count("the number of bounding entities");
                    for (int k = 0; k < bounding; k++) _tokens.Integer("a bounding entity tag", -int.MaxValue, int.MaxValue);
                }
                if (!entities.TryAdd((d, tag), new MshEntity(d, tag, physical.ToArray(), line)))
                    throw _tokens.Error($"entity {tag} of dimension {d} is defined twice");
            }
        }
        _tokens.Expect("$EndEntities", $" after {counts.Sum()} entities");
        _contents.Entities = entities;
    }

    private void Nodes()
    {
        var nodes = _contents.Nodes;
        int blocks = _tokens.Count("the number of node blocks");
        int header = _tokens.Line;
        int total = _tokens.Count("the number of nodes");
        long minTag = _tokens.Integer("the smallest node tag", 0);
        long maxTag = _tokens.Integer("the largest node tag", 0);
        var tags = new List<long>();
        for (int b = 0; b < blocks; b++)
        {
            int dimension = (int)_tokens.Integer("the entity dimension of a node block", 0, 3);
            int headerLine = _tokens.Line;
            int entity = (int)_tokens.Tag("the entity tag of a node block", int.MaxValue);
            long parametric = _tokens.Integer("the parametric flag (0 or 1)", 0, 1);
            int count = _tokens.Count("the number of nodes in the block");
            nodes.Blocks.Add((dimension, entity, headerLine));
            tags.Clear();
            for (int i = 0; i < count; i++)
            {
                long tag = _tokens.Tag("a node tag");
                if (total > 0 && (tag < minTag || tag > maxTag))
                    throw _tokens.Error($"node tag {tag} is outside the range {minTag} to {maxTag} given in the $Nodes header at line {header}");
                tags.Add(tag);
            }
            int extra = parametric == 1 ? dimension : 0;
            foreach (long tag in tags)
            {
                double x = _tokens.Real("the x coordinate of a node");
                int line = _tokens.Line;
                double y = _tokens.Real("the y coordinate of a node");
                double z = _tokens.Real("the z coordinate of a node");
                for (int k = 0; k < extra; k++) _tokens.Real("a parametric coordinate of a node");
                if (nodes.Count >= total)
                    throw _tokens.Error($"the $Nodes header at line {header} announces {total} nodes, but the blocks hold more");
                if (!nodes.TryAdd(tag, x, y, z, line)) throw _tokens.Error($"node tag {tag} is used twice");
            }
        }
        if (nodes.Count != total)
            throw _tokens.Error($"the $Nodes header at line {header} announces {total} nodes, but its {blocks} blocks hold {nodes.Count}");
        _tokens.Expect("$EndNodes", $" after {blocks} node blocks");
    }

    private void Elements()
    {
        int blocks = _tokens.Count("the number of element blocks");
        int header = _tokens.Line;
        int total = _tokens.Count("the number of elements");
        long minTag = _tokens.Integer("the smallest element tag", 0);
        long maxTag = _tokens.Integer("the largest element tag", 0);
        var seen = new HashSet<long>();
        for (int b = 0; b < blocks; b++)
        {
            int dimension = (int)_tokens.Integer("the entity dimension of an element block", 0, 3);
            int headerLine = _tokens.Line;
            int entity = (int)_tokens.Tag("the entity tag of an element block", int.MaxValue);
            long code = _tokens.Integer("the element type of an element block");
            var type = MshElementType.Find(code, out string problem) ?? throw _tokens.Error(problem);
            if (type.Dimension != dimension)
                throw _tokens.Error($"element {type} is {type.Dimension}-dimensional, but the block is on an entity of dimension {dimension}");
            int count = _tokens.Count("the number of elements in the block");
            var block = new MshElementBlock(dimension, entity, type, headerLine);
            for (int i = 0; i < count; i++)
            {
                long tag = _tokens.Tag("an element tag");
                int line = _tokens.Line;
                if (total > 0 && (tag < minTag || tag > maxTag))
                    throw _tokens.Error($"element tag {tag} is outside the range {minTag} to {maxTag} given in the $Elements header at line {header}");
                if (seen.Count >= total)
                    throw _tokens.Error($"the $Elements header at line {header} announces {total} elements, but the blocks hold more");
                if (!seen.Add(tag)) throw _tokens.Error($"element tag {tag} is used twice");
                block.ElementTags.Add(tag);
                block.Lines.Add(line);
                for (int k = 0; k < type.NodeCount; k++) block.NodeTags.Add(_tokens.Tag($"node {k + 1} of {type.NodeCount} of element {tag}"));
            }
            _contents.ElementBlocks.Add(block);
        }
        if (seen.Count != total)
            throw _tokens.Error($"the $Elements header at line {header} announces {total} elements, but its {blocks} blocks hold {seen.Count}");
        _tokens.Expect("$EndElements", $" after {blocks} element blocks");
    }
}
