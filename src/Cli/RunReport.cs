using System.Text.Json.Serialization;

namespace PdeNet.Cli;

/// <summary>The JSON object <c>pdenet solve --json</c> prints.</summary>
/// <param name="Problem">Problem name.</param>
/// <param name="Equation">The equation as printed.</param>
/// <param name="Parameters">Parameter values used.</param>
/// <param name="Runs">One entry per solver run.</param>
/// <param name="Files">Every file written.</param>
public sealed record RunReport(
    [property: JsonPropertyName("problem")] string Problem,
    [property: JsonPropertyName("equation")] string Equation,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("runs")] IReadOnlyList<SolverRunReport> Runs,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files);
