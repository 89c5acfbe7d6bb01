using PdeNet.Core.Solving;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Pinns;
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
    ];

    /// <summary>Builds the solver called <paramref name="name"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No solver has that name.</exception>
    public static ISolver Create(string name, RunSettings settings) => name switch
    {
        "fem" => new FemSolver(FemOptions(settings)),
        "pinn" => new PinnSolver(new PinnOptions(
            Steps: settings.Epochs ?? new PinnOptions().Steps,
            Seed: settings.Seed,
            Threads: settings.Threads,
            Weighting: Weighting(settings.Weighting),
            RarEvery: settings.RarEvery)),
        _ => throw new ArgumentException($"unknown solver '{name}'; the solvers are: {string.Join(", ", Solvers.Select(s => s.Name))}"),
    };

    /// <summary>The loss-weighting schemes by name, with their published defaults.</summary>
    public static IReadOnlyList<(string Name, LossWeighting? Scheme)> Weightings { get; } =
    [
        ("static", null),
        ("lra", new LearningRateAnnealing()),
        ("relobralo", new ReLoBRaLo()),
    ];

    /// <summary>The weighting scheme called <paramref name="name"/> (null for the static weights).</summary>
    /// <exception cref="ArgumentException">No scheme has that name.</exception>
    public static LossWeighting? Weighting(string name) =>
        Weightings.FirstOrDefault(w => w.Name == name) is { Name: not null } found
            ? found.Scheme
            : throw new ArgumentException($"unknown weighting '{name}'; the weightings are: {string.Join(", ", Weightings.Select(w => w.Name))}");

    /// <summary>The finite-element options of a run.</summary>
    public static FemOptions FemOptions(RunSettings settings) =>
        settings.MeshSize is { } h ? new FemOptions(MeshSize: h) : new FemOptions();
}
