using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Pinns;
using PdeNet.Pinns.Lagrangian;
using PdeNet.Problems;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// Viscous Burgers (u₀ = sin x + C, the Lagrangian PINN paper's setting) with the Lagrangian PINN and the
/// vanilla PINN, and reaction–diffusion (ρ = 5, the failure-mode paper's setting) with the vanilla PINN
/// and the Lagrangian PINN, each against the spectral reference on the 256 × 100 grid. Pictures go next to the report,
/// in <c>validation/reports/pinn-burgers-rd/</c>; the HDF5/XDMF fields into the output folder.
/// </summary>
internal sealed class BurgersReactionDiffusion(string reportsDirectory) : IValidation
{
    private static readonly int[] Seeds = [0, 1, 2];

    public string Name => "pinn-burgers-rd";

    public string Description => "Burgers (Lagrangian PINN vs PINN) and reaction-diffusion (PINN) against the spectral reference";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "Burgers and reaction–diffusion: PINNs against the spectral reference");
        var points = Enumerable.Range(0, 256).Select(i => 2 * Math.PI * i / 256).ToArray();
        var times = Enumerable.Range(0, 100).Select(k => k / 99.0).ToArray();
        report.Note("Errors on the 256 × 100 grid (x_i = 2π i/256, t_k = k/99) against the spectral reference (ETDRK4, 2/3 dealiasing). "
                    + "'rel. L2' is ‖u - u_ref‖/‖u_ref‖; 'rel. L2 of the fluctuation' divides by ‖u_ref - mean(u_ref)‖ instead, "
                    + "which is what matters when the mean is large (Burgers with C = 50, as the Lagrangian PINN paper measures it).");
        report.Note($"Vanilla PINN: {FailureModes.Vanilla(0).HiddenLayers.Length}×{FailureModes.Vanilla(0).HiddenLayers[0]} tanh as in the failure-mode study. "
                    + $"Lagrangian PINN: as in the failure-mode study ({FailureModes.Lagrangian(0, true).Labels} × {FailureModes.Lagrangian(0, true).Times} grid); "
                    + $"for Burgers Adam starts at {BurgersLagrangian(0).LearningRate} (decaying to {BurgersLagrangian(0).FinalLearningRate}): at the paper's 1e-2 the "
                    + "loss becomes NaN within 150 steps (the Eulerian viscous term J⁻¹∂(J⁻¹∂u/∂x₀)/∂x₀ divides by J = ∂x_L/∂x₀, which the steepening front drives towards 0).");
        var table = report.Table("Relative L2 against the spectral reference, mean ± std over seeds 0, 1, 2",
            "problem", "solver", "rel. L2", "rel. L2 of the fluctuation", "seconds (mean)");
        foreach (var (problem, solvers) in new (Problem, Func<int, ISolver>[])[]
                 {
                     (Burgers1D.Create(), [s => new LagrangianPinnSolver(BurgersLagrangian(s)), s => new PinnSolver(FailureModes.Vanilla(s))]),
                     (ReactionDiffusion1D.Create(), [s => new PinnSolver(FailureModes.Vanilla(s)), s => new LagrangianPinnSolver(FailureModes.Lagrangian(s, true))]),
                 })
        {
            var reference = new SpectralSolver().Solve(problem);
            report.Note($"{problem.Name}: {problem.Equation}, parameters {string.Join(", ", problem.Parameters.Select(p => $"{p.Name} = {problem.ValueOf(p)}"))}; spectral reference in {reference.Seconds:F2} s.");
            var fields = new List<Solution>();
            foreach (var create in solvers)
            {
                var errors = new List<double>();
                var fluctuation = new List<double>();
                var seconds = new List<double>();
                string name = "";
                foreach (int seed in Seeds)
                {
                    Console.Error.WriteLine($"  {problem.Name}, seed {seed}");
                    Solution solution;
                    try
                    {
                        solution = create(seed).Solve(problem);
                    }
                    catch (TrainingDivergedException e)
                    {
                        solution = e.LastGood;
                        report.Note($"{problem.Name}, seed {seed}: {e.Message} The errors are those of that last finite state.");
                    }
                    name = solution.SolverName;
                    var (relative, relativeFluctuation) = Errors(solution, reference, points, times);
                    errors.Add(relative);
                    fluctuation.Add(relativeFluctuation);
                    seconds.Add(solution.Seconds);
                    if (seed == 0) fields.Add(solution);
                }
                table([problem.Name, name, SeedStatistics.MeanStd(errors), SeedStatistics.MeanStd(fluctuation), seconds.Average()]);
                report.Figure($"{problem.Name}_{name}_rel_l2_mean", errors.Average());
                report.Figure($"{problem.Name}_{name}_rel_l2_fluctuation_mean", fluctuation.Average());
            }
            string directory = Path.Combine(outputDirectory, Name, problem.Name);
            Directory.CreateDirectory(directory);
            var mesh = GridMesher.Generate(problem.Domain!, [256], CellType.Interval);
            var files = Comparison.Of(problem, mesh, [reference, .. fields], reference).WriteTo(directory);
            string figures = Directory.CreateDirectory(Path.Combine(reportsDirectory, Name)).FullName;
            File.Copy(files.All.First(f => f.EndsWith("-fields.png", StringComparison.Ordinal)), Path.Combine(figures, $"{problem.Name}-fields.png"), overwrite: true);
            report.Note($"{problem.Name}, seed 0: ![{problem.Name}]({Name}/{problem.Name}-fields.png)");
        }
        report.Note($"Fields (HDF5/XDMF) and x–t pictures for seed 0: {Path.Combine(outputDirectory, Name)}.");
        return report;
    }

    /// <summary>The Lagrangian PINN of the failure-mode study with Adam at 1e-3 (see the report's note).</summary>
    private static LagrangianPinnOptions BurgersLagrangian(int seed) => FailureModes.Lagrangian(seed, true) with { LearningRate = 1e-3, FinalLearningRate = 1e-4 };

    private static (double Relative, double Fluctuation) Errors(Solution u, Solution reference, double[] points, double[] times)
    {
        double error = 0, norm = 0, sum = 0, squares = 0;
        int count = 0;
        foreach (double t in times)
        {
            var (a, b) = (u.Evaluate(points, t), reference.Evaluate(points, t));
            for (int i = 0; i < a.Length; i++)
            {
                error += (a[i] - b[i]) * (a[i] - b[i]);
                norm += b[i] * b[i];
                sum += b[i];
                squares += b[i] * b[i];
                count++;
            }
        }
        double mean = sum / count;
        return (Math.Sqrt(error / norm), Math.Sqrt(error / (squares - count * mean * mean)));
    }
}
