using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>What a solve run was asked to do, from the command line.</summary>
/// <param name="Problem">Problem name in the library.</param>
/// <param name="Solver">Solver name (see <see cref="SolverCatalog.Solvers"/>).</param>
/// <param name="Parameters">Parameter settings "name=value".</param>
/// <param name="OutputDirectory">Where files go; created if its parent exists.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Epochs">Training steps of a trained solver; null for its default.</param>
/// <param name="MeshSize">Mesh size h of the reference mesh; null for the default.</param>
/// <param name="WithReference">Also run the finite-element reference and measure against it.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="Json">Print one JSON object on stdout instead of the table.</param>
/// <param name="LbfgsIterations">L-BFGS iterations after Adam; null for the solver's default (the PINN then uses Adam alone).</param>
/// <param name="Element">Finite element of the reference: P1 or P2.</param>
/// <param name="CellsPerSide">Cells per axis of a structured reference mesh (instead of <paramref name="MeshSize"/>); null for none.</param>
/// <param name="TimeSteps">Time steps of the reference for an evolution problem; null for the default.</param>
/// <param name="Scheme">Time scheme of the reference; null for the default (BDF2).</param>
/// <param name="OutputEvery">Keep every k-th time step of the reference; null for every step.</param>
/// <param name="Weighting">Loss weighting of a PINN: static, lra (learning-rate annealing) or relobralo.</param>
/// <param name="RarEvery">PINN residual-based adaptive refinement every this many steps (0: never).</param>
/// <param name="LearningRate">Adam's initial learning rate of a trained solver (it decays tenfold over the steps); null for the solver's default.</param>
/// <param name="Experts">K experts of pi-hc-moe; null for its default.</param>
/// <param name="GridTimes">Time levels of a physics-informed solver's space-time grid; null for its default.</param>
/// <param name="GridPoints">Points per space axis of a physics-informed solver's grid; null for its default.</param>
public sealed record RunSettings(
    string Problem,
    string Solver,
    IReadOnlyList<string> Parameters,
    string OutputDirectory,
    int Seed,
    int? Epochs,
    double? MeshSize,
    bool WithReference,
    int? Threads,
    bool Json,
    int? LbfgsIterations = null,
    FiniteElement Element = FiniteElement.P1,
    int? CellsPerSide = null,
    int? TimeSteps = null,
    TimeScheme? Scheme = null,
    int? OutputEvery = null,
    string Weighting = "static",
    int RarEvery = 0,
    double? LearningRate = null,
    int? Experts = null,
    int? GridTimes = null,
    int? GridPoints = null);
