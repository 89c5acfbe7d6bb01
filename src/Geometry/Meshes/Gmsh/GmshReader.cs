namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Reads gmsh meshes in the MSH 4.1 ASCII format (<c>gmsh -2 x.geo -format msh41</c>) into a
/// <see cref="Mesh"/>. Supported: 2D and 3D meshes of 3- and 6-node triangles, 4- and 9-node
/// quadrangles, 4- and 10-node tetrahedra or 8-node hexahedra, one cell type per mesh.
/// <list type="bullet">
/// <item>The cells are the elements of the highest dimension d in the file, with nodes in VTK
/// order (<see cref="CellType"/>), counter-clockwise in 2D and positively oriented in 3D
/// (mirrored where gmsh wrote them the other way round).</item>
/// <item>The boundary facets are the facets of exactly one cell, every one of them, oriented
/// outwards. Each takes the name of the physical group of dimension d-1 whose elements cover it
/// (the name from $PhysicalNames, or "physical &lt;tag&gt;"), or <see cref="UntaggedBoundaryPart"/>
/// when none does. Every physical group of dimension d-1 is a part, even one that covers no
/// boundary facet (an interface inside the domain).</item>
/// <item>Physical groups of dimension d become subdomains (<see cref="Mesh.CellTags"/>,
/// <see cref="Mesh.SubdomainNames"/>); cells outside all of them get
/// <see cref="UntaggedSubdomain"/>. Without such groups, <see cref="Mesh.CellTags"/> is null.</item>
/// <item>Nodes no cell uses are dropped; the others keep their file order. 2D meshes have
/// gdim 2 and must lie in the plane z = 0; 3D meshes have gdim 3.</item>
/// </list>
/// Other sections ($Periodic, $NodeData, $Comments, ...) are skipped. The details are in
/// docs/gmsh.md.
/// </summary>
public static class GmshReader
{
    /// <summary>Part name of boundary facets that no physical group of dimension d-1 covers.</summary>
    public const string UntaggedBoundaryPart = "boundary";

    /// <summary>Subdomain name of cells outside every physical group of dimension d, when the file has such groups.</summary>
    public const string UntaggedSubdomain = "domain";

    /// <summary>Reads the .msh file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of an MSH 4.1 ASCII file.</param>
    /// <exception cref="GmshFormatException">The file is not a valid MSH 4.1 ASCII mesh of a supported kind; the message names the file, the line and what was expected.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Mesh Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Reads MSH 4.1 ASCII text from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text, from its first line.</param>
    /// <param name="sourceName">The name error messages give the text, usually its file name.</param>
    /// <exception cref="GmshFormatException">The text is not a valid MSH 4.1 ASCII mesh of a supported kind; the message names <paramref name="sourceName"/>, the line and what was expected.</exception>
    /// <exception cref="IOException">The reader fails.</exception>
    public static Mesh Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var contents = MshParser.Parse(new MshTokenizer(reader, sourceName));
        return new GmshMeshBuilder(contents, sourceName).Build();
    }
}
