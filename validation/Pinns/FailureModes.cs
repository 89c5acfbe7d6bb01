using PdeNet.Core.Metrics;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Pinns;
using PdeNet.Pinns.Lagrangian;
using PdeNet.Problems;
using PdeNet.Reporting.Comparisons;
using PdeNet.Reporting.Plots;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// The convection failure mode of PINNs (Krishnapriyan et al. 2021) and its cure by the Lagrangian
/// PINN (Mojgani et al. 2022): u_t + β u_x = 0 on the periodic [0, 2π), u₀ = sin x, t ∈ [0, 1], for
/// β ∈ {1, 10, 20, 30, 40, 50} over three seeds, relative L2 error on the 256 × 100 grid against the
/// exact solution sin(x - βt). Pictures go next to the report, in <c>validation/reports/failure-modes/</c>; the
/// HDF5/XDMF fields into the output folder. Each training runs on one thread.
/// </summary>
internal sealed class FailureModes(string reportsDirectory) : IValidation
{
    private static readonly double[] Speeds = [1, 10, 20, 30, 40, 50];
    private static readonly int[] Seeds = [0, 1, 2];
    private static readonly Dictionary<double, double> Published = new() { [1] = 7.8e-3, [10] = 1.1e-2, [20] = 0.75, [30] = 0.90, [40] = 0.96 };

    /// <summary>The vanilla PINN of the failure-mode paper's code: 2-50-50-50-50-1 tanh, N_f = 100 collocation points,
    /// 256 initial points, 100 periodic pairs, unit loss weights, L-BFGS.</summary>
    public static PinnOptions Vanilla(int seed) => new(Hidden: [50, 50, 50, 50], InteriorPoints: 100, InitialPoints: 256, BoundaryPoints: 100,
        BoundaryWeight: 1, InitialWeight: 1, Optimizer: PinnOptimizer.Lbfgs, LbfgsIterations: 2000, Seed: seed, LogEvery: 100, Threads: 1);

    /// <summary>The Lagrangian PINN: the paper's branches (5 and 2 tanh layers of 50) on a 128 × 50 label–time grid.</summary>
    public static LagrangianPinnOptions Lagrangian(int seed, bool hardInitial) => new(Labels: 128, Times: 50, HardInitial: hardInitial,
        Steps: 500, LbfgsIterations: 300, Seed: seed, LogEvery: 100, Threads: 1);

    public string Name => "failure-modes";

    public string Description => "vanilla PINN vs Lagrangian PINN on 1D convection, beta 1..50, three seeds";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "The PINN convection failure mode and the Lagrangian PINN");
        var vanilla = Vanilla(0);
        var lagrangian = Lagrangian(0, true);
        report.Note($"Problem: {Convection1D.Name}, u_t + beta u_x = 0 on the periodic [0, 2π), u0 = sin x, t in [0, 1]. Error: relative L2 on the 256 × 100 grid "
                    + "(x_i = 2π i/256, t_k = k/99) against sin(x - beta t).");
        report.Note($"Vanilla PINN (as in the failure-mode paper's code): {string.Join("-", vanilla.HiddenLayers)} tanh, {vanilla.InteriorPoints} collocation points, "
                    + $"{vanilla.InitialPoints} initial points, {vanilla.BoundaryPoints} periodic pairs, unit weights, L-BFGS up to {vanilla.LbfgsIterations} iterations.");
        report.Note($"Lagrangian PINN: state branch {string.Join("-", lagrangian.StateLayers)}, characteristic branch {string.Join("-", lagrangian.CharacteristicLayers)} tanh, "
                    + $"{lagrangian.Labels} × {lagrangian.Times} label–time grid, weights {lagrangian.CharacteristicWeight}/{lagrangian.StateWeight}/{lagrangian.InitialWeight}, "
                    + $"Adam (AMSGrad) {lagrangian.Steps} steps from {lagrangian.LearningRate} to {lagrangian.FinalLearningRate}, then L-BFGS up to {lagrangian.LbfgsIterations} iterations. "
                    + "'hard IC' imposes the initial conditions by construction (the default); 'soft IC' is the paper's penalty (weight 1000), run for seed 0.");
        var points = Enumerable.Range(0, 256).Select(i => 2 * Math.PI * i / 256).ToArray();
        var times = Enumerable.Range(0, 100).Select(k => k / 99.0).ToArray();
        var perRun = report.Table("Per run", "beta", "seed", "vanilla PINN", "Lagrangian PINN (hard IC)", "vanilla seconds", "Lagrangian seconds");
        var summary = report.Table("Relative L2 on the 256 × 100 grid, mean ± std over seeds",
            "beta", "published vanilla", "vanilla PINN", "Lagrangian PINN (hard IC)", "Lagrangian PINN (soft IC, seed 0)");
        double worstLagrangian = 0;
        string figures = Directory.CreateDirectory(Path.Combine(reportsDirectory, Name)).FullName;
        var curves = new TrainingHistory();
        var cache = new RunCache(outputDirectory, Name, $"{vanilla} {string.Join("-", vanilla.HiddenLayers)} {lagrangian} {string.Join("-", lagrangian.StateLayers)} {string.Join("-", lagrangian.CharacteristicLayers)}");
        foreach (double beta in Speeds)
        {
            var problem = Convection1D.Create().WithParameter("beta", beta);
            var exact = ExactSolution.Of(problem);
            var vanillaErrors = new List<double>();
            var lagrangianErrors = new List<double>();
            foreach (int seed in Seeds)
            {
                Console.Error.WriteLine($"  beta = {beta}, seed {seed}");
                var run = cache.GetOrRun($"beta={beta} seed={seed}", () =>
                {
                    var plain = new PinnSolver(Vanilla(seed)).Solve(problem);
                    var characteristic = new LagrangianPinnSolver(Lagrangian(seed, true)).Solve(problem);
                    if (seed == 0 && beta is 30 or 50) WriteFields(outputDirectory, problem, beta, plain, characteristic);
                    return [ErrorNorms.RelativeL2OnGrid(plain, exact, points, times), ErrorNorms.RelativeL2OnGrid(characteristic, exact, points, times), plain.Seconds, characteristic.Seconds];
                });
                vanillaErrors.Add(run[0]);
                lagrangianErrors.Add(run[1]);
                perRun([beta, seed, run[0], run[1], run[2], run[3]]);
            }
            double softError = cache.GetOrRun($"beta={beta} soft", () =>
                [ErrorNorms.RelativeL2OnGrid(new LagrangianPinnSolver(Lagrangian(0, false)).Solve(problem), exact, points, times)])[0];
            summary([beta, Published.TryGetValue(beta, out double published) ? published : null, SeedStatistics.MeanStd(vanillaErrors), SeedStatistics.MeanStd(lagrangianErrors), softError]);
            report.Figure($"vanilla_beta{beta}_mean", vanillaErrors.Average());
            report.Figure($"lpinn_beta{beta}_mean", lagrangianErrors.Average());
            report.Figure($"lpinn_soft_beta{beta}", softError);
            worstLagrangian = Math.Max(worstLagrangian, lagrangianErrors.Max());
            curves.Add((int)beta, new Dictionary<string, double>
            {
                ["vanilla PINN (mean)"] = vanillaErrors.Average(),
                ["Lagrangian PINN, hard IC (mean)"] = lagrangianErrors.Average(),
                ["Lagrangian PINN, soft IC"] = softError,
            });
        }
        LossCurvePlot.Save(Path.Combine(figures, "error-vs-beta.png"), curves,
            new LossCurveOptions { Title = "1D convection: relative L2 error against beta", XLabel = "beta", YLabel = "relative L2 on the 256 × 100 grid" });
        report.Note("Seconds are wall-clock on one thread each and include whatever else the machine was running; a run finished before an interruption "
                    + "is taken from the output folder's run cache with its own seconds. The vanilla PINN's errors above 1 mean a wrong, not a vanishing, prediction.");
        report.Note("Figure: ![error against beta](failure-modes/error-vs-beta.png)");
        report.Note("Fields, exact solution and errors in x–t, seed 0: ![beta 30](failure-modes/beta30-fields.png) ![beta 50](failure-modes/beta50-fields.png)");
        report.Note($"HDF5/XDMF fields (both solvers, the exact solution and the errors) for beta = 30 and 50, seed 0: {Path.Combine(outputDirectory, Name)}.");
        report.Target("Lagrangian PINN (hard IC) relative L2 ≤ 1e-2 at every beta and seed", worstLagrangian <= 1e-2);
        return report;
    }

    private void WriteFields(string outputDirectory, PdeNet.Core.Problems.Problem problem, double beta, Solution plain, Solution characteristic)
    {
        string directory = Path.Combine(outputDirectory, Name, $"beta{beta}");
        Directory.CreateDirectory(directory);
        var mesh = GridMesher.Generate(problem.Domain!, [256], CellType.Interval);
        var files = Comparison.Of(problem, mesh, [plain, characteristic]).WriteTo(directory, new Dictionary<string, object> { ["beta"] = beta });
        string panel = files.All.First(f => f.EndsWith("-fields.png", StringComparison.Ordinal));
        File.Copy(panel, Path.Combine(reportsDirectory, Name, $"beta{beta}-fields.png"), overwrite: true);
    }
}
