using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>What a convergence run was asked to do, from the command line.</summary>
/// <param name="Problem">Problem name in the library.</param>
/// <param name="Parameters">Parameter settings "name=value".</param>
/// <param name="Element">P1 or P2.</param>
/// <param name="Levels">Number of meshes; null for the default of the dimension.</param>
/// <param name="Coarsest">Cells per side of the coarsest mesh; null for the default of the dimension.</param>
/// <param name="TimeSteps">Time steps on the coarsest mesh for an evolution problem; null for 8.</param>
/// <param name="Scheme">Time scheme; null for BDF2.</param>
/// <param name="Json">Print one JSON object on stdout instead of the table.</param>
public sealed record ConvergenceSettings(
    string Problem,
    IReadOnlyList<string> Parameters,
    FiniteElement Element,
    int? Levels,
    int? Coarsest,
    int? TimeSteps,
    TimeScheme? Scheme,
    bool Json);
