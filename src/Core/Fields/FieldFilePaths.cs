namespace PdeNet.Core.Fields;

/// <summary>The two files that make up one field file.</summary>
/// <param name="Hdf5Path">The HDF5 file with the mesh, the field values and the metadata, <c>&lt;stem&gt;.h5</c>.</param>
/// <param name="XdmfPath">The XDMF 3 index that ParaView opens, <c>&lt;stem&gt;.xdmf</c>; it refers to the HDF5 file by its file name.</param>
public sealed record FieldFilePaths(string Hdf5Path, string XdmfPath)
{
    /// <summary>
    /// The paths for <paramref name="path"/>, which may be the stem or either file: a trailing
    /// <c>.h5</c> or <c>.xdmf</c> is dropped, then both extensions are appended.
    /// </summary>
    public static FieldFilePaths For(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("a field file path is needed", nameof(path));
        string stem = path;
        foreach (string extension in new[] { ".h5", ".xdmf" })
        {
            if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) stem = stem[..^extension.Length];
        }
        if (Path.GetFileName(stem).Length == 0) throw new ArgumentException($"'{path}' names a folder, not a field file", nameof(path));
        return new FieldFilePaths(stem + ".h5", stem + ".xdmf");
    }
}
