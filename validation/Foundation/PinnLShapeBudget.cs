using PdeNet.Core.Metrics;
using PdeNet.Core.Solving;
using PdeNet.Pinns;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Validation.Pinns;

namespace PdeNet.Validation.Foundation;

/// <summary>The demo's PINN (default options, 5000 steps) on the L-shape over several seeds:
/// relative L2 against the P1 reference (h = 1/64) and the exact solution, and training time.</summary>
internal sealed class PinnLShapeBudget : IValidation
{
    private static readonly int[] Seeds = [0, 1, 2];

    public string Name => "pinn-lshape";

    public string Description => "the demo's PINN budget on poisson-lshape over three seeds against the FEM reference";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "PINN on the L-shape with the demo's budget, against the P1 reference");
        var problem = PoissonLShape.Create();
        var reference = (FemSolution)new FemSolver().Solve(problem);
        var exact = ExactSolution.Of(problem);
        var options = new PinnOptions();
        report.Note($"PINN: {string.Join("x", options.HiddenLayers)} {options.Activation.ToString().ToLowerInvariant()}, {options.InteriorPoints} interior + {options.BoundaryPoints} boundary points, "
                    + $"Adam {options.LearningRate:G3} decaying to {options.FinalLearningRate:G3}, {options.Steps} steps, boundary weight {options.BoundaryWeight}, {options.Precision}.");
        report.Note($"Reference: P1 on the grid mesh, h = {new FemOptions().MeshSize:G4}, {reference.Mesh.NodeCount} unknowns, rel. L2 vs exact {ErrorNorms.RelativeL2(reference, exact, reference.Mesh):E3}.");
        var add = report.Table("Per seed", "seed", "rel. L2 vs FEM", "rel. L2 vs exact", "max abs error", "final loss", "seconds");
        var errors = new List<double>();
        var times = new List<double>();
        foreach (int seed in Seeds)
        {
            var pinn = new PinnSolver(options with { Seed = seed }).Solve(problem);
            double versusReference = ErrorNorms.RelativeL2(pinn, reference, reference.Mesh);
            errors.Add(versusReference);
            times.Add(pinn.Seconds);
            add([seed, versusReference, ErrorNorms.RelativeL2(pinn, exact, reference.Mesh), ErrorNorms.MaxAbs(pinn, exact, reference.Mesh), pinn.History!["loss"][^1], pinn.Seconds]);
        }
        double mean = errors.Average(), std = SeedStatistics.StandardDeviation(errors);
        report.Figure("rel_l2_vs_fem_mean", mean);
        report.Figure("rel_l2_vs_fem_std", std);
        report.Figure("seconds_mean", times.Average());
        report.Table("Summary", "rel. L2 vs FEM, mean", "std", "worst", "training seconds, mean")([mean, std, errors.Max(), times.Average()]);
        report.Target("relative L2 vs the FEM reference ≤ 5e-2 for every seed", errors.Max() <= 5e-2);
        return report;
    }
}
