namespace PdeNet.Operators.Models;

/// <summary>A named configuration from a paper or its official code.</summary>
/// <param name="Name">Preset name, e.g. "mgno-darcy".</param>
/// <param name="Description">What it reproduces and where the numbers come from.</param>
/// <param name="Spec">The network specification.</param>
/// <param name="OfficialParameterCount">The parameter count of the same configuration in the official code.</param>
public sealed record OperatorPreset(string Name, string Description, OperatorModelSpec Spec, long OfficialParameterCount);
