using PdeNet.Core.Solving;
using PdeNet.Pinns;
using PdeNet.Pinns.Lagrangian;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>The solvers the command line reaches by name, and how run settings configure them.</summary>
public static class SolverCatalog
{
    /// <summary>Solver names with one line each.</summary>
    public static IReadOnlyList<(string Name, string Description)> Solvers { get; } =
    [
        ("fem", "finite-element reference: P1 Lagrange elements, Newton + preconditioned Krylov"),
        ("pinn", "physics-informed neural network: tanh MLP trained with Adam on the symbolic residual"),
        ("lpinn", "Lagrangian PINN for 1D periodic convection/Burgers: characteristics and state as two networks, Adam then L-BFGS"),
    ];

    /// <summary>Builds the solver called <paramref name="name"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No solver has that name.</exception>
    public static ISolver Create(string name, RunSettings settings) => name switch
    {
        "fem" => new FemSolver(FemOptions(settings)),
        "pinn" => new PinnSolver(new PinnOptions(
            Steps: settings.Epochs ?? new PinnOptions().Steps,
            Optimizer: settings.LbfgsIterations is null ? PinnOptimizer.Adam : PinnOptimizer.AdamThenLbfgs,
            LbfgsIterations: settings.LbfgsIterations ?? new PinnOptions().LbfgsIterations,
            Seed: settings.Seed,
            Threads: settings.Threads)),
        "lpinn" => new LagrangianPinnSolver(new LagrangianPinnOptions(
            Steps: settings.Epochs ?? new LagrangianPinnOptions().Steps,
            LbfgsIterations: settings.LbfgsIterations ?? new LagrangianPinnOptions().LbfgsIterations,
            Seed: settings.Seed,
            Threads: settings.Threads)),
        _ => throw new ArgumentException($"unknown solver '{name}'; the solvers are: {string.Join(", ", Solvers.Select(s => s.Name))}"),
    };

    /// <summary>The finite-element options of a run.</summary>
    public static FemOptions FemOptions(RunSettings settings) =>
        settings.MeshSize is { } h ? new FemOptions(MeshSize: h) : new FemOptions();
}
