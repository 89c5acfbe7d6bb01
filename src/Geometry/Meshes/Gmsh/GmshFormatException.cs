namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>
/// Thrown by <see cref="GmshReader"/> when a .msh file cannot be turned into a mesh: it is not
/// MSH 4.1 ASCII, it is malformed or truncated, its counts disagree, it refers to nodes or
/// entities it does not define, it uses an element type that is not supported, or its cells do
/// not form a valid mesh. The message reads "&lt;file&gt;, line &lt;n&gt;: &lt;what was expected or found&gt;".
/// </summary>
public sealed class GmshFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> of <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file (or source name) being read.</param>
    /// <param name="line">1-based line the problem was found at.</param>
    /// <param name="problem">What was expected or found, without the location.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public GmshFormatException(string fileName, int line, string problem, Exception? inner = null)
        : base($"{fileName}, line {line}: {problem}", inner)
    {
        FileName = fileName;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file (or the source name given to <see cref="GmshReader.Parse"/>) being read.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line the problem was found at; for a truncated file, its last line.</summary>
    public int Line { get; }

    /// <summary>What was expected or found, the message without the file and line.</summary>
    public string Problem { get; }
}
