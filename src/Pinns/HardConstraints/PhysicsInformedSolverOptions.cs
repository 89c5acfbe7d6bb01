using PdeNet.Operators.Models;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// Options of <see cref="PhysicsInformedSolver"/>: one problem solved on a uniform space-time grid by the
/// physics-informed operator's constraint layer, its FNO basis network trained on the constraint rows alone.
/// </summary>
/// <param name="Constraint">Soft (pi-sc) or hard (pi-hc, pi-hc-moe).</param>
/// <param name="Experts">K experts of pi-hc-moe over the space axes (<see cref="PhysicsInformedOptions.ExpertSplits"/>); null for none.</param>
/// <param name="Times">nt, time levels of the grid, t₀ and the end included.</param>
/// <param name="Points">Grid points per space axis; null for 32 in 1D and 16 in 2D.</param>
/// <param name="Steps">Adam steps on the basis network (and the soft constraint's weights).</param>
/// <param name="LearningRate">Adam's learning rate (constant).</param>
/// <param name="Seed">Seed of the network's initial weights.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iterations per solve.</param>
/// <param name="Tolerance">Levenberg–Marquardt gradient and step tolerance.</param>
/// <param name="Ridge">Ridge λ on the weights.</param>
/// <param name="InitialWeight">Every weight starts each Levenberg–Marquardt solve at this value (0: u = 0, where every library
/// problem's rows are defined; the diffusion–sorption isotherm u^(n_f − 1) is not defined for the negative u other starts may give).</param>
/// <param name="Rows">Discretisation of the rows; null for <see cref="GridRowsOptions.Default"/>.</param>
public sealed record PhysicsInformedSolverOptions(
    ConstraintKind Constraint = ConstraintKind.Hard,
    int? Experts = null,
    int Times = 26,
    int? Points = null,
    int Steps = 100,
    double LearningRate = 1e-3,
    int Seed = 0,
    int? Threads = null,
    int MaxIterations = 50,
    double Tolerance = 1e-6,
    double Ridge = 1e-6,
    double InitialWeight = 0,
    GridRowsOptions? Rows = null)
{
    /// <summary>pi-sc, pi-hc or pi-hc-moe.</summary>
    public string Name => new PhysicsInformedVariant(Constraint, Experts).Name;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public PhysicsInformedSolverOptions Validate()
    {
        if (Times < 2) throw new ArgumentOutOfRangeException(nameof(Times), Times, "at least two time levels are needed");
        if (Points is < 3) throw new ArgumentOutOfRangeException(nameof(Points), Points, "at least three points per axis are needed");
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "cannot be negative");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be positive and finite");
        if (Constraint == ConstraintKind.Soft && Experts is not null)
            throw new ArgumentException("experts belong to the hard constraint; the soft constraint has none", nameof(Experts));
        return this;
    }
}
