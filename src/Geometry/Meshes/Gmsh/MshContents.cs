namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>What the sections of an MSH 4.1 file hold, before it is turned into a mesh.</summary>
internal sealed class MshContents
{
    /// <summary>Names from $PhysicalNames by (dimension, physical tag).</summary>
    public Dictionary<(int Dimension, int Tag), string> PhysicalNames { get; } = [];

    /// <summary>Entities from $Entities by (dimension, tag), or null when the file has no $Entities section.</summary>
    public Dictionary<(int Dimension, int Tag), MshEntity>? Entities { get; set; }

    /// <summary>The nodes of $Nodes.</summary>
    public MshNodes Nodes { get; } = new();

    /// <summary>The element blocks of $Elements, in file order.</summary>
    public List<MshElementBlock> ElementBlocks { get; } = [];

    /// <summary>The number of lines in the file.</summary>
    public int LineCount { get; set; }
}
