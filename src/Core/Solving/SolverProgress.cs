namespace PdeNet.Core.Solving;

/// <summary>What a solver reports while it works: its stage, the step within that stage, and
/// current values (losses, residual norms) by name.</summary>
/// <param name="Stage">What the solver is doing, for example "meshing", "assembling", "training".</param>
/// <param name="Step">Steps done in this stage.</param>
/// <param name="TotalSteps">Steps this stage will take (0 when unknown).</param>
/// <param name="Values">Current values by name, for example "loss", "pde", "boundary".</param>
public sealed record SolverProgress(string Stage, int Step, int TotalSteps, IReadOnlyDictionary<string, double> Values);
