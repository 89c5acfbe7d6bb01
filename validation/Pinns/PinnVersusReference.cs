using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Pinns;
using PdeNet.Problems;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers;
using PdeNet.Solvers.Fem;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// The PINN across the problem library against each problem's classical reference (finite elements, or the
/// spectral solver for periodic evolution problems): relative L2 against the reference and the exact solution,
/// training and reference times, field and error pictures next to the report (<c>validation/reports/pinn-vs-reference/</c>)
/// and the HDF5/XDMF files in the output folder. One budget for every problem, seed 0.
/// </summary>
internal sealed class PinnVersusReference(string reportsDirectory) : IValidation
{
    private static readonly string[] Problems = [PoissonLShape.Name, Helmholtz2D.Name, Heat2D.Name, NonlinearDiffusion.Name, Burgers1D.Name];

    /// <summary>The PINN of every problem: 3 tanh layers of 50, 2000 interior points, 5000 Adam steps, then L-BFGS.</summary>
    public static PinnOptions Options => new(Steps: 5000, Optimizer: PinnOptimizer.AdamThenLbfgs, LbfgsIterations: 500, Threads: 1, LogEvery: 100);

    public string Name => "pinn-vs-reference";

    public string Description => "the PINN on five library problems against the finite-element or spectral reference";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "The PINN across the problem library against the classical reference");
        var options = Options;
        report.Note($"PINN (seed {options.Seed}): {string.Join("-", options.HiddenLayers)} tanh, {options.InteriorPoints} interior, {options.BoundaryPoints} boundary and "
                    + $"{options.InitialPoints} initial points, boundary weight {options.BoundaryWeight}, Adam {options.Steps} steps from {options.LearningRate} to "
                    + $"{options.FinalLearningRate}, then L-BFGS up to {options.LbfgsIterations} iterations, {options.Precision}, one thread. "
                    + "Reference: finite elements with the default options (P1, BDF2 with 100 steps in time), or the Fourier pseudo-spectral solver for periodic evolution problems.");
        report.Note("Relative L2 errors are integrated on the reference's mesh (and over time at 101 instants for evolution problems).");
        var table = report.Table("PINN against the reference",
            "problem", "equation", "reference", "unknowns", "rel. L2 vs reference", "rel. L2 vs exact", "reference rel. L2 vs exact", "PINN seconds", "reference seconds");
        string figures = Directory.CreateDirectory(Path.Combine(reportsDirectory, Name)).FullName;
        var cache = new RunCache(outputDirectory, Name, $"{options} {string.Join("-", options.HiddenLayers)}");
        foreach (string name in Problems)
        {
            Console.Error.WriteLine($"  {name}");
            var problem = ProblemLibrary.Get(name);
            var run = cache.GetOrRun(name, () =>
            {
                var reference = ReferenceSolvers.For(problem).Solve(problem);
                var pinn = new PinnSolver(options).Solve(problem);
                var mesh = ReferenceSolvers.ComparisonMesh(reference, problem.Domain!, new FemOptions());
                var comparison = Comparison.Of(problem, mesh, [reference, pinn], reference);
                string directory = Directory.CreateDirectory(Path.Combine(outputDirectory, Name, name)).FullName;
                var files = comparison.WriteTo(directory);
                foreach (string picture in files.All.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
                    File.Copy(picture, Path.Combine(figures, $"{name}-{Path.GetFileName(picture)[(name.Length + 1)..]}"), overwrite: true);
                var (referenceRow, pinnRow) = (comparison.Rows[0], comparison.Rows[1]);
                double unknowns = reference.Metadata.TryGetValue("dofs", out var dofs) ? Convert.ToDouble(dofs, System.Globalization.CultureInfo.InvariantCulture) : mesh.NodeCount;
                return [unknowns, pinnRow.RelativeL2VsReference ?? double.NaN, pinnRow.RelativeL2VsExact ?? double.NaN, referenceRow.RelativeL2VsExact ?? double.NaN, pinn.Seconds, reference.Seconds];
            });
            static object? Known(double value) => double.IsNaN(value) ? null : value;
            table([name, problem.Equation!.ToString(), ReferenceSolvers.For(problem).Name, (int)run[0], run[1], Known(run[2]), Known(run[3]), run[4], run[5]]);
            report.Figure($"{name}_pinn_rel_l2_vs_reference", run[1]);
            foreach (string picture in Directory.GetFiles(figures, $"{name}-*.png").Order(StringComparer.Ordinal))
                report.Note($"{name}: ![{Path.GetFileName(picture)}]({Name}/{Path.GetFileName(picture)})");
        }
        report.Note("burgers-1d: u has the mean C = 50, so a small relative L2 of u can hide an O(1) error of the travelling front; "
                    + "pinn-burgers-rd measures the error relative to the fluctuation u - mean(u) (about 1.2 for this PINN, 0.055 for the Lagrangian PINN).");
        report.Note($"HDF5/XDMF files (reference, PINN, exact solution where known, errors): {Path.Combine(outputDirectory, Name)}.");
        return report;
    }
}
