using System.Text.Json.Serialization;

namespace PdeNet.Cli;

/// <summary>One solver run in a <see cref="RunReport"/>.</summary>
/// <param name="Solver">Solver name.</param>
/// <param name="RelL2VsExact">Relative L2 error against the exact solution, when there is one.</param>
/// <param name="RelL2VsReference">Relative L2 error against the reference, when one was computed.</param>
/// <param name="MaxAbsError">Largest nodal error against the exact solution (or the reference).</param>
/// <param name="Seconds">Wall time of the solve.</param>
/// <param name="Files">Files that show this run.</param>
/// <param name="Details">Solver facts: options, sizes, iteration counts, final loss.</param>
public sealed record SolverRunReport(
    [property: JsonPropertyName("solver")] string Solver,
    [property: JsonPropertyName("relL2VsExact"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RelL2VsExact,
    [property: JsonPropertyName("relL2VsReference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RelL2VsReference,
    [property: JsonPropertyName("maxAbsError"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxAbsError,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, object> Details);
