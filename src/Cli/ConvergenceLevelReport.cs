using System.Text.Json.Serialization;

namespace PdeNet.Cli;

/// <summary>One level of a <see cref="ConvergenceReport"/>.</summary>
/// <param name="H">Mesh size (longest cell edge).</param>
/// <param name="Dofs">Unknowns.</param>
/// <param name="TimeSteps">Time steps (evolution problems only).</param>
/// <param name="L2">L2 error against the exact solution (at the final time of an evolution problem).</param>
/// <param name="H1">H1-seminorm error.</param>
/// <param name="RateL2">Observed L2 order against the previous level; absent on the first.</param>
/// <param name="RateH1">Observed H1 order; absent on the first.</param>
/// <param name="Seconds">Wall time of the solve.</param>
public sealed record ConvergenceLevelReport(
    [property: JsonPropertyName("h")] double H,
    [property: JsonPropertyName("dofs")] int Dofs,
    [property: JsonPropertyName("timeSteps"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TimeSteps,
    [property: JsonPropertyName("l2")] double L2,
    [property: JsonPropertyName("h1")] double H1,
    [property: JsonPropertyName("rateL2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RateL2,
    [property: JsonPropertyName("rateH1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RateH1,
    [property: JsonPropertyName("seconds")] double Seconds);
