using PdeNet.Geometry.Meshes;

namespace PdeNet.Core.Fields;

/// <summary>Everything a field file holds, as returned by <see cref="FieldFile.Read"/>.</summary>
/// <param name="Mesh">The mesh with its boundary facets, boundary part names and, if it has them, its grid and its cell tags with the subdomain names.</param>
/// <param name="Fields">All fields, each on <paramref name="Mesh"/>, sorted by time and then by name (ordinal).</param>
/// <param name="Metadata">
/// The run metadata given to <see cref="FieldFile.Write"/> (values are string, double, long, int,
/// bool or double[]), without the two attributes every file carries, which are the next two members.
/// </param>
/// <param name="PdeNetVersion">Informational version of the PdeNet.Core assembly that wrote the file.</param>
/// <param name="Created">When the file was written (UTC).</param>
public sealed record FieldFileContents(
    Mesh Mesh,
    IReadOnlyList<Field> Fields,
    IReadOnlyDictionary<string, object> Metadata,
    string PdeNetVersion,
    DateTimeOffset Created)
{
    /// <summary>The field named <paramref name="name"/> at time <paramref name="time"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such field.</exception>
    public Field FieldAt(string name, double time) =>
        Fields.FirstOrDefault(f => f.Name == name && f.Time == time)
        ?? throw new KeyNotFoundException($"no field '{name}' at t = {time}; the file has {string.Join(", ", Fields.Select(f => $"{f.Name}@{f.Time}"))}");
}
