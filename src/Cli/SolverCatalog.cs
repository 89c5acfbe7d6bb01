using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Operators.Models;
using PdeNet.Pinns;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Pinns.Lagrangian;
using PdeNet.Solvers;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.FiniteVolume;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Cli;

/// <summary>The solvers the command line reaches by name, and how run settings configure them.</summary>
public static class SolverCatalog
{
    /// <summary>Solver names with one line each.</summary>
    public static IReadOnlyList<(string Name, string Description)> Solvers { get; } =
    [
        ("fem", "finite-element reference: P1 or P2 Lagrange elements in 1D-3D, Newton + preconditioned Krylov, BDF2/θ time stepping"),
        ("pinn", "physics-informed neural network: tanh MLP trained with Adam on the symbolic residual"),
        ("lpinn", "Lagrangian PINN for 1D periodic convection/Burgers: characteristics and state as two networks, Adam then L-BFGS"),
        ("spectral", "Fourier pseudo-spectral reference for periodic evolution problems: 1D u_t = nu u_xx - n(x, t, u, u_x) (ETDRK4), 2D Navier-Stokes vorticity"),
        ("finite-volume", "cell-centred finite-volume reference for 1D a(u) u_t = b(u) u_xx - q(u) on an interval (BDF2 + Newton), e.g. diffusion-sorption"),
        ("pi-sc", "physics-informed FNO basis with the constraint rows as a soft penalty, trained on the rows of the problem's space-time grid"),
        ("pi-hc", "physics-informed FNO basis with the rows as a hard constraint (Levenberg-Marquardt per solve, implicit gradient), trained on the rows"),
        ("pi-hc-moe", "pi-hc with a mixture of experts: the grid split over space into K experts (--experts, default 4), each solving its own rows"),
    ];

    /// <summary>The classical solvers that serve as references, in the order tried for a problem: the first that accepts it.</summary>
    public static IReadOnlyList<string> References => ReferenceSolvers.Names;

    /// <summary>Whether <paramref name="name"/> is a reference solver (its result is the reference itself).</summary>
    public static bool IsReference(string name) => References.Contains(name);

    /// <summary>The reference solver for <paramref name="problem"/>: spectral for periodic evolution problems, finite-volume for 1D diffusion on an interval, else finite elements.</summary>
    public static ISolver ReferenceFor(Problem problem, RunSettings settings) => ReferenceSolvers.For(problem, FemOptions(settings));

    /// <summary>Builds the solver called <paramref name="name"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No solver has that name.</exception>
    public static ISolver Create(string name, RunSettings settings) => name switch
    {
        "fem" => new FemSolver(FemOptions(settings)),
        "pinn" => new PinnSolver(new PinnOptions(
            Steps: settings.Epochs ?? new PinnOptions().Steps,
            LearningRate: settings.LearningRate ?? new PinnOptions().LearningRate,
            FinalLearningRate: settings.LearningRate / 10 ?? new PinnOptions().FinalLearningRate,
            Optimizer: settings.LbfgsIterations is null ? PinnOptimizer.Adam : PinnOptimizer.AdamThenLbfgs,
            LbfgsIterations: settings.LbfgsIterations ?? new PinnOptions().LbfgsIterations,
            Seed: settings.Seed,
            Threads: settings.Threads,
            Weighting: Weighting(settings.Weighting),
            RarEvery: settings.RarEvery)),
        "lpinn" => new LagrangianPinnSolver(new LagrangianPinnOptions(
            Steps: settings.Epochs ?? new LagrangianPinnOptions().Steps,
            LearningRate: settings.LearningRate ?? new LagrangianPinnOptions().LearningRate,
            FinalLearningRate: settings.LearningRate / 10 ?? new LagrangianPinnOptions().FinalLearningRate,
            LbfgsIterations: settings.LbfgsIterations ?? new LagrangianPinnOptions().LbfgsIterations,
            Seed: settings.Seed,
            Threads: settings.Threads)),
        "pi-sc" or "pi-hc" or "pi-hc-moe" => new PhysicsInformedSolver(PhysicsInformed(name, settings)),
        "spectral" => new SpectralSolver(),
        "finite-volume" => new FiniteVolumeSolver(),
        _ => throw new ArgumentException($"unknown solver '{name}'; the solvers are: {string.Join(", ", Solvers.Select(s => s.Name))}"),
    };

    /// <summary>The options of the physics-informed solver <paramref name="name"/> (pi-sc, pi-hc or pi-hc-moe) from <paramref name="settings"/>.</summary>
    public static PhysicsInformedSolverOptions PhysicsInformed(string name, RunSettings settings)
    {
        var variant = PhysicsInformedVariant.Parse(name, settings.Experts);
        var defaults = new PhysicsInformedSolverOptions();
        return new PhysicsInformedSolverOptions(variant.Constraint, variant.Experts,
            Times: settings.GridTimes ?? defaults.Times,
            Points: settings.GridPoints,
            Steps: settings.Epochs ?? defaults.Steps,
            LearningRate: settings.LearningRate ?? defaults.LearningRate,
            Seed: settings.Seed,
            Threads: settings.Threads);
    }

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
