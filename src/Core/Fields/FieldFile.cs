using System.Globalization;
using System.Reflection;
using PdeNet.Core.IO;

namespace PdeNet.Core.Fields;

/// <summary>
/// Field files: a mesh, nodal fields at one or more times, and run metadata, stored as
/// <c>&lt;stem&gt;.h5</c> (HDF5, the layout DOLFINx writes plus what is needed to rebuild the mesh)
/// and <c>&lt;stem&gt;.xdmf</c> (the XDMF 3 index ParaView opens). The layout is described in
/// docs/hdf5-layout.md. The .h5 alone holds everything <see cref="Read"/> needs.
/// </summary>
public static class FieldFile
{
    /// <summary>
    /// Writes <paramref name="fields"/>, their mesh and <paramref name="metadata"/> to
    /// <c>&lt;stem&gt;.h5</c> and <c>&lt;stem&gt;.xdmf</c>, replacing existing files. Both files are
    /// written to temporary names and renamed, the .h5 first, so a failed write leaves nothing
    /// under the final names; all input is checked before anything is written.
    /// </summary>
    /// <param name="path">The stem, or either file's path (a trailing .h5 or .xdmf is dropped). Its folder must exist.</param>
    /// <param name="fields">
    /// At least one field, all on the same <see cref="PdeNet.Geometry.Meshes.Mesh"/> instance. A
    /// name may occur once per time; the fields of one name must agree on components, units and
    /// attributes (they are stored once, on the field's group). Field attributes may not use the
    /// keys "units" and "components".
    /// </param>
    /// <param name="metadata">
    /// Run metadata stored as root attributes: string, double, long, int, bool or double[] values.
    /// The keys "pdenet_version" and "created" are written by this method and may not be given.
    /// </param>
    /// <returns>The paths of the two files written.</returns>
    /// <exception cref="ArgumentException">
    /// No fields, fields on different meshes, a repeated name and time, inconsistent steps of one
    /// field, or a metadata or attribute value of another type (the message names the key).
    /// </exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static FieldFilePaths Write(string path, IReadOnlyList<Field> fields, IReadOnlyDictionary<string, object>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var paths = FieldFilePaths.For(path);
        if (Path.GetFileName(paths.Hdf5Path).Contains(':'))
            throw new ArgumentException($"'{path}': XDMF separates file and dataset with ':', so the file name may not contain one", nameof(path));
        if (fields.Count == 0) throw new ArgumentException("a field file needs at least one field; its mesh is the fields' mesh", nameof(fields));
        var mesh = fields[0].Mesh;
        var stranger = fields.FirstOrDefault(f => !ReferenceEquals(f.Mesh, mesh));
        if (stranger is not null)
            throw new ArgumentException($"field '{stranger.Name}' at t = {stranger.Time} lives on another mesh than field '{fields[0].Name}'; a field file holds one mesh", nameof(fields));

        var series = FieldSeries.Group(fields);
        var root = MetadataValue.ToStored(metadata ?? new Dictionary<string, object>(), "metadata", FieldFileLayout.ReservedRootAttributes, nameof(metadata));
        root[FieldFileLayout.VersionAttribute] = Version;
        root[FieldFileLayout.CreatedAttribute] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        var hdf5 = FieldFileHdf5Writer.Build(mesh, series, root);
        var xdmf = FieldFileXdmf.Build(mesh, series, Path.GetFileName(paths.Hdf5Path));
        AtomicFile.Write(paths.XdmfPath, xdmfTemporary =>
        {
            FieldFileXdmf.Save(xdmf, xdmfTemporary);
            AtomicFile.Write(paths.Hdf5Path, hdf5Temporary => hdf5.Write(hdf5Temporary));
        });
        return paths;
    }

    /// <summary>
    /// Reads a field file written by <see cref="Write"/>: the mesh (with boundary facets, part
    /// names, grid, cell tags and subdomain names), every field (name, values, components, time,
    /// units, attributes) and the metadata. Only the .h5 is read.
    /// </summary>
    /// <param name="path">The .h5 or .xdmf path, or the stem.</param>
    /// <exception cref="FileNotFoundException">The .h5 file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not HDF5, or a dataset or attribute is missing or malformed; the message
    /// names the file and the item, e.g. "out/x.h5: no dataset /Mesh/mesh/geometry".
    /// </exception>
    public static FieldFileContents Read(string path) => FieldFileHdf5Reader.Read(FieldFilePaths.For(path).Hdf5Path);

    /// <summary>The informational version of this assembly, stored as "pdenet_version".</summary>
    public static string Version { get; } =
        typeof(FieldFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(FieldFile).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
