using System.Text.Json.Serialization;

namespace PdeNet.Cli;

/// <summary>The JSON object <c>pdenet convergence --json</c> prints.</summary>
/// <param name="Problem">Problem name.</param>
/// <param name="Equation">The equation as printed.</param>
/// <param name="Element">p1 or p2.</param>
/// <param name="Parameters">Parameter values used.</param>
/// <param name="Levels">One entry per mesh, coarse to fine.</param>
public sealed record ConvergenceReport(
    [property: JsonPropertyName("problem")] string Problem,
    [property: JsonPropertyName("equation")] string Equation,
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("levels")] IReadOnlyList<ConvergenceLevelReport> Levels);
