using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Pinns;
using PdeNet.Problems;
using PdeNet.Reporting.Plots;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// The PINN's inverse problems, adaptive loss weights and residual-based refinement, each measured:
/// the diffusivity of heat-1d fitted to observations (with its trajectory), fixed against adaptive loss
/// weights on helmholtz-2d at equal budget, and where refinement puts points on the L-shape and what it
/// does to the error. Figures go next to the report, in <c>validation/reports/pinn-inverse/</c>.
/// </summary>
internal sealed class PinnInverse(string reportsDirectory) : IValidation
{
    private static readonly int[] Seeds = [0, 1, 2];
    private const double TrueDiffusivity = 0.1, Guess = 0.5;

    public string Name => "pinn-inverse";

    public string Description => "PINN inverse heat problem (fitted k), adaptive loss weights vs fixed ones, residual-based refinement";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "PINN inverse problems, adaptive loss weights and residual-based refinement");
        string figures = Directory.CreateDirectory(Path.Combine(reportsDirectory, Name)).FullName;
        report.Note("Timings were taken on a 2-core machine shared with several other jobs (load average above 15); they vary by a factor of several "
                    + "between identical runs and need a quiet re-run before they are quoted.");
        Inverse(report, figures);
        Weighting(report, figures);
        Refinement(report, PoissonLShape.Create(), (0, 0), "the re-entrant corner (0, 0), where the solution is singular",
            "The disk of radius 0.1 about the corner covers 0.8% of the L-shape's area (3π/4 · 0.01 of 3).");
        Refinement(report, Peak(), (0.5, 0.5), "the peak (0.5, 0.5)", "The disk of radius 0.1 about the peak covers 3.1% of the square.");
        return report;
    }

    /// <summary>u_t = k u_xx with k unknown: 200 observations of the exact solution, the guess k = 0.5.</summary>
    private static void Inverse(ValidationReport report, string figures)
    {
        var problem = Heat1D.Create();
        var exact = ExactSolution.Of(problem);
        var mesh = PdeNet.Geometry.Meshes.Meshing.For(problem.Domain!, 1.0 / 128);
        var options = new PinnOptions(Hidden: [20, 20], Steps: 500, LearningRate: 1e-2, FinalLearningRate: 1e-3, InteriorPoints: 500, BoundaryPoints: 100, InitialPoints: 100,
            Trainable: new() { ["k"] = Guess }, Optimizer: PinnOptimizer.AdamThenLbfgs, LbfgsIterations: 500, Threads: 1, LogEvery: 25);
        report.Note($"Inverse heat problem: {problem.Equation} on (0, 1) × (0, 1), k_true = {TrueDiffusivity}, initial guess k = {Guess}; 200 observations of "
                    + $"exp(−k_true π² t) sin(πx) at uniformly random (x, t); PINN {string.Join("x", options.HiddenLayers)} tanh, {options.InteriorPoints} interior, "
                    + $"{options.BoundaryPoints} boundary and {options.InitialPoints} initial points, Adam {options.Steps} steps ({options.LearningRate} → {options.FinalLearningRate}) "
                    + $"then L-BFGS up to {options.LbfgsIterations} iterations; k is a trainable scalar in the residual.");
        var add = report.Table("Inverse heat problem: fitted diffusivity", "seed", "observation noise", "fitted k", "relative error of k", "rel. L2 of u at t = 1", "L-BFGS iterations", "seconds");
        var errors = new List<double>();
        PinnSolution? first = null;
        foreach (int seed in Seeds)
        {
            var pinn = Fit(problem, options with { Seed = seed, Observations = Observe(problem, 200, seed, 0) });
            first ??= pinn;
            double k = pinn.Fitted["k"], error = Math.Abs(k - TrueDiffusivity) / TrueDiffusivity;
            errors.Add(error);
            add([seed, "none", k.ToString("F6"), error, ErrorNorms.RelativeL2(pinn, exact, mesh, 1.0), pinn.Metadata["lbfgs_iterations"], pinn.Seconds]);
        }
        var noisy = Fit(problem, options with { Observations = Observe(problem, 200, 0, 0.01) });
        double noisyK = noisy.Fitted["k"];
        add([0, "Gaussian, σ = 0.01 (max u = 1)", noisyK.ToString("F6"), Math.Abs(noisyK - TrueDiffusivity) / TrueDiffusivity, ErrorNorms.RelativeL2(noisy, exact, mesh, 1.0), noisy.Metadata["lbfgs_iterations"], noisy.Seconds]);
        report.Figure("inverse_k_relative_error_max", errors.Max());
        report.Figure("inverse_k_noisy", noisyK);
        report.Target("the fitted diffusivity within 2% of k_true for every seed (noise-free observations)", errors.Max() <= 0.02);

        // The trajectory of seed 0: a table every 100 steps and a figure with k_true beside it.
        var history = first!.History!;
        var trajectory = report.Table("Trajectory of k (seed 0; Adam steps, then L-BFGS iterations)", "step", "k", "loss", "data term");
        var plotted = new TrainingHistory();
        for (int i = 0; i < history.Count; i++)
        {
            if (history.Steps[i] % 100 == 0 || i == history.Count - 1) trajectory([history.Steps[i], history["k"][i].ToString("F6"), history["loss"][i], history["data"][i]]);
            plotted.Add(history.Steps[i], new Dictionary<string, double> { ["fitted k"] = history["k"][i], ["k_true"] = TrueDiffusivity });
        }
        LossCurvePlot.Save(Path.Combine(figures, "k-trajectory.png"), plotted, new LossCurveOptions { Title = "heat-1d: fitted diffusivity k (seed 0)", YLabel = "k", LogScale = false });
        report.Note("Figure: ![k trajectory](pinn-inverse/k-trajectory.png)");
    }

    /// <summary>Fixed and adaptive loss weights on helmholtz-2d with a₁ = a₂ = 1 at equal budget.</summary>
    private static void Weighting(ValidationReport report, string figures)
    {
        var problem = Helmholtz2D.Create().WithParameter("a2", 1);
        var exact = ExactSolution.Of(problem);
        var mesh = PdeNet.Geometry.Meshes.Meshing.For(problem.Domain!, 1.0 / 32);
        var budget = new PinnOptions(Hidden: [30, 30, 30], Steps: 1000, LearningRate: 1e-3, FinalLearningRate: 1e-3, InteriorPoints: 500, BoundaryPoints: 200, Threads: 1, LogEvery: 20);
        (string Name, PinnOptions Options)[] schemes =
        [
            ("static, boundary weight 1", budget with { BoundaryWeight = 1 }),
            ("static, boundary weight 10 (default)", budget with { BoundaryWeight = 10 }),
            ("learning-rate annealing (authors' code)", budget with { Weighting = new LearningRateAnnealing() }),
            ("learning-rate annealing (paper's formula)", budget with { Weighting = new LearningRateAnnealing(WeightedGradient: false) }),
            ("ReLoBRaLo (α 0.999, T 0.1, E[ρ] 0.999)", budget with { Weighting = new ReLoBRaLo() }),
            ("ReLoBRaLo (α 0.9, T 0.1, E[ρ] 0.99)", budget with { Weighting = new ReLoBRaLo(Alpha: 0.9, ExpectedRho: 0.99) }),
        ];
        report.Note($"Loss weights: {problem.Equation} on (−1, 1)² with u = sin(πx) sin(πy) (helmholtz-2d, a₂ = 1): the residual carries 2π² − 1, so the PDE loss "
                    + $"starts about 300 times larger than the boundary loss. Every scheme gets the same budget: {string.Join("x", budget.HiddenLayers)} tanh, "
                    + $"{budget.InteriorPoints} interior + {budget.BoundaryPoints} boundary points, Adam {budget.LearningRate}, {budget.Steps} steps; seeds {string.Join(", ", Seeds)}.");
        var add = report.Table("Loss weighting at equal budget (rel. L2 vs exact)", "scheme", "mean", "std", "per seed", "final w_boundary (seed 0)", "final w_pde (seed 0)", "seconds, mean");
        var boundary = new Dictionary<string, TrainingHistory>();
        var means = new Dictionary<string, double>();
        var weights = new TrainingHistory();
        TrainingHistory? lra = null, relobralo = null;
        foreach (var (name, options) in schemes)
        {
            var errors = new List<double>();
            var seconds = new List<double>();
            Solution? seedZero = null;
            foreach (int seed in Seeds)
            {
                var pinn = new PinnSolver(options with { Seed = seed }).Solve(problem);
                seedZero ??= pinn;
                errors.Add(ErrorNorms.RelativeL2(pinn, exact, mesh));
                seconds.Add(pinn.Seconds);
            }
            var history = seedZero!.History!;
            double mean = errors.Average(), std = SeedStatistics.StandardDeviation(errors);
            means[name] = mean;
            bool adaptive = history.Names.Contains("w_boundary");
            add([name, mean, std, string.Join(" / ", errors.Select(e => e.ToString("G3"))), adaptive ? history["w_boundary"][^1] : options.BoundaryWeight, adaptive ? history["w_pde"][^1] : 1.0, seconds.Average()]);
            boundary[name] = history;
            if (options.Weighting is LearningRateAnnealing { WeightedGradient: true }) lra = history;
            if (options.Weighting is ReLoBRaLo { Alpha: 0.999 }) relobralo = history;
        }
        report.Figure("weighting_rel_l2_means", means);

        // Figures (seed 0): the boundary loss of every scheme, and the boundary weight of the adaptive ones.
        var terms = new TrainingHistory();
        var first = boundary.Values.First();
        for (int i = 0; i < first.Count; i++) terms.Add(first.Steps[i], boundary.ToDictionary(b => b.Key, b => b.Value["boundary"][i]));
        LossCurvePlot.Save(Path.Combine(figures, "boundary-loss.png"), terms, new LossCurveOptions { Title = "helmholtz-2d: boundary loss by weighting scheme (seed 0)", YLabel = "mean squared boundary residual", Width = 1100 });
        for (int i = 0; i < lra!.Count; i++)
            weights.Add(lra.Steps[i], new Dictionary<string, double> { ["LRA w_boundary"] = lra["w_boundary"][i], ["ReLoBRaLo w_boundary"] = relobralo!["w_boundary"][i], ["ReLoBRaLo w_pde"] = relobralo["w_pde"][i] });
        LossCurvePlot.Save(Path.Combine(figures, "weights.png"), weights, new LossCurveOptions { Title = "helmholtz-2d: adaptive loss weights (seed 0)", YLabel = "weight" });
        report.Note("Figures: ![boundary loss](pinn-inverse/boundary-loss.png) ![weights](pinn-inverse/weights.png)");
        report.Target("learning-rate annealing ends with a lower mean error than unit weights", means[schemes[2].Name] < means[schemes[0].Name]);
    }

    /// <summary>
    /// Residual-based refinement at equal step budget on <paramref name="problem"/>, whose difficulty sits at <paramref name="centre"/>:
    /// the error with and without it, and the share of the added points within 0.1 of the centre.
    /// </summary>
    private static void Refinement(ValidationReport report, Problem problem, (double X, double Y) centre, string feature, string area)
    {
        var exact = ExactSolution.Of(problem);
        var mesh = PdeNet.Geometry.Meshes.Meshing.For(problem.Domain!, 1.0 / 64);
        var budget = new PinnOptions(Hidden: [20, 20, 20], Steps: 2000, LearningRate: 3e-3, FinalLearningRate: 3e-4, InteriorPoints: 500, BoundaryPoints: 200, Threads: 1, LogEvery: 100);
        var refined = budget with { RarEvery = 200, RarPoints = 50, RarCandidates = 10000 };
        report.Note($"Refinement on {problem.Name} ({problem.Equation}), difficulty at {feature}: {string.Join("x", budget.HiddenLayers)} tanh, {budget.Steps} Adam steps, "
                    + $"{budget.InteriorPoints} interior points; with RAR every {refined.RarEvery} steps the {refined.RarPoints} points of largest |residual| among "
                    + $"{refined.RarCandidates} random candidates join them (up to {refined.RarPoints * (budget.Steps / refined.RarEvery)} more points). {area}");
        var add = report.Table($"Residual-based refinement on {problem.Name} (rel. L2 vs exact)", "seed", "fixed points", "with RAR", "points added", "share of added points within 0.1 of the feature", "seconds, fixed / RAR");
        foreach (int seed in Seeds.Take(2))
        {
            var plain = new PinnSolver(budget with { Seed = seed }).Solve(problem);
            var rar = (PinnSolution)new PinnSolver(refined with { Seed = seed }).Solve(problem);
            var points = rar.RefinedPoints;
            int count = points.Count / 2;
            int near = Enumerable.Range(0, count).Count(i => Math.Sqrt(Math.Pow(points[2 * i] - centre.X, 2) + Math.Pow(points[2 * i + 1] - centre.Y, 2)) < 0.1);
            add([seed, ErrorNorms.RelativeL2(plain, exact, mesh), ErrorNorms.RelativeL2(rar, exact, mesh), count, (double)near / count, $"{plain.Seconds:F0} / {rar.Seconds:F0}"]);
        }
    }

    /// <summary>−Δu = f on the unit square with the narrow Gaussian u = exp(−|x − (0.5, 0.5)|² / (2 · 0.05²)) as exact solution and boundary data.</summary>
    private static Problem Peak()
    {
        var square = PdeNet.Geometry.Domains.Rectangle.UnitSquare;
        var u = PdeNet.Core.Symbolic.Unknown.Scalar("u");
        var exact = Expr.Exp(-(Expr.Pow(Expr.X - 0.5, 2) + Expr.Pow(Expr.Y - 0.5, 2)) / (2 * 0.05 * 0.05));
        return Problem.Named("poisson-peak").On(square).Solve(-Expr.Laplacian(u) == Expr.Named("f", -Expr.Laplacian(exact)))
            .With(Dirichlet.On(square.Boundary, exact)).Exact(exact);
    }

    private static PinnSolution Fit(Problem problem, PinnOptions options) => (PinnSolution)new PinnSolver(options).Solve(problem);

    /// <summary>n observations of the exact solution at random (x, t), with Gaussian noise of <paramref name="noise"/> × max|u| (max|u| = 1).</summary>
    private static Observations Observe(Problem problem, int n, int seed, double noise)
    {
        var random = new Random(1000 + seed);
        return Observations.Of(ExactSolution.Of(problem), Enumerable.Range(0, 2 * n).Select(_ => random.NextDouble()).ToArray(), noise, seed);
    }
}
