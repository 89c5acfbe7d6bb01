using PdeNet.Core.Solving;
using PdeNet.Pinns;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>The solvers the command line reaches by name, and how run settings configure them.</summary>
public static class SolverCatalog
{
    /// <summary>Solver names with one line each.</summary>
    public static IReadOnlyList<(string Name, string Description)> Solvers { get; } =
    [
        ("fem", "finite-element reference: P1 or P2 Lagrange elements in 1D-3D, Newton + preconditioned Krylov, BDF2/θ time stepping"),
        ("pinn", "physics-informed neural network: tanh MLP trained with Adam on the symbolic residual"),
    ];

    /// <summary>Builds the solver called <paramref name="name"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No solver has that name.</exception>
    public static ISolver Create(string name, RunSettings settings) => name switch
    {
        "fem" => new FemSolver(FemOptions(settings)),
        "pinn" => new PinnSolver(new PinnOptions(
            Steps: settings.Epochs ?? new PinnOptions().Steps,
            Seed: settings.Seed,
            Threads: settings.Threads)),
        _ => throw new ArgumentException($"unknown solver '{name}'; the solvers are: {string.Join(", ", Solvers.Select(s => s.Name))}"),
    };

    /// <summary>The finite-element options of a run.</summary>
    public static FemOptions FemOptions(RunSettings settings)
    {
        var defaults = new FemOptions();
        return defaults with
        {
            Element = settings.Element,
            MeshSize = settings.MeshSize ?? defaults.MeshSize,
            CellsPerSide = settings.CellsPerSide,
            TimeSteps = settings.TimeSteps,
            Scheme = settings.Scheme ?? defaults.Scheme,
            OutputEvery = settings.OutputEvery ?? defaults.OutputEvery,
        };
    }
}
