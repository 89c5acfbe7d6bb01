namespace PdeNet.Cli;

/// <summary>What a solve run was asked to do, from the command line.</summary>
/// <param name="Problem">Problem name in the library.</param>
/// <param name="Solver">Solver name: fem or pinn.</param>
/// <param name="Parameters">Parameter settings "name=value".</param>
/// <param name="OutputDirectory">Where files go; created if its parent exists.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Epochs">Training steps of a trained solver; null for its default.</param>
/// <param name="MeshSize">Mesh size h of the reference mesh; null for the default.</param>
/// <param name="WithReference">Also run the finite-element reference and measure against it.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="Json">Print one JSON object on stdout instead of the table.</param>
/// <param name="Weighting">Loss weighting of a PINN: static, lra (learning-rate annealing) or relobralo.</param>
/// <param name="RarEvery">PINN residual-based adaptive refinement every this many steps (0: never).</param>
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
    string Weighting = "static",
    int RarEvery = 0);
