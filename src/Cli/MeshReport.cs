using System.Text.Json.Serialization;

namespace PdeNet.Cli;

/// <summary>The JSON object <c>pdenet mesh --json</c> prints.</summary>
/// <param name="Source">The problem name or the .msh file meshed.</param>
/// <param name="CellType">Cell type of the mesh.</param>
/// <param name="Nodes">Number of nodes.</param>
/// <param name="Cells">Number of cells.</param>
/// <param name="BoundaryParts">Each boundary part with its number of facets.</param>
/// <param name="MinAngleDeg">Smallest angle of any cell, degrees (2D meshes; null otherwise).</param>
/// <param name="MaxAngleDeg">Largest angle of any cell, degrees (2D meshes; null otherwise).</param>
/// <param name="Seconds">Time taken to make or read the mesh.</param>
/// <param name="Files">Files written.</param>
public sealed record MeshReport(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("cellType")] string CellType,
    [property: JsonPropertyName("nodes")] int Nodes,
    [property: JsonPropertyName("cells")] int Cells,
    [property: JsonPropertyName("boundaryParts")] IReadOnlyDictionary<string, int> BoundaryParts,
    [property: JsonPropertyName("minAngleDeg")] double? MinAngleDeg,
    [property: JsonPropertyName("maxAngleDeg")] double? MaxAngleDeg,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);
