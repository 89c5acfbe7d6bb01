using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Neural.Training.Weighting;
using PdeNet.Pinns;
using PdeNet.Problems;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Pinns;

public class AdaptivePinnTests
{
    /// <summary>n observations of the exact solution of <paramref name="problem"/> at random (x, t) in (0, 1)².</summary>
    internal static Observations Observe(Problem problem, int n, int seed)
    {
        var random = new Random(seed);
        return Observations.Of(ExactSolution.Of(problem), Enumerable.Range(0, 2 * n).Select(_ => random.NextDouble()).ToArray());
    }

    [Test]
    public void LearningRateAnnealingBeatsUnitWeightsWhenTheResidualDwarfsTheBoundaryTerm()
    {
        // Δu + u = q on (−1, 1)² with u = sin(πx) sin(πy): the residual carries the factor 2π² − 1, so its loss starts
        // about 300 times larger than the boundary misfit and, with unit weights, Adam neglects the boundary.
        var problem = StiffHelmholtz2D.Create().WithParameter("a2", 1);
        var mesh = GridMesher.Triangulate(problem.Domain!, 1.0 / 16);
        var exact = ExactSolution.Of(problem);
        var budget = new PinnOptions(Hidden: [20, 20], Steps: 500, LearningRate: 2e-3, FinalLearningRate: 1e-3, InteriorPoints: 300, BoundaryPoints: 100,
            BoundaryWeight: 1, Threads: 1, LogEvery: 100);
        var unit = new PinnSolver(budget).Solve(problem);
        var annealed = new PinnSolver(budget with { Weighting = new LearningRateAnnealing() }).Solve(problem);
        double unitError = ErrorNorms.RelativeL2(unit, exact, mesh), annealedError = ErrorNorms.RelativeL2(annealed, exact, mesh);
        var weights = annealed.History!["w_boundary"];
        TestContext.Out.WriteLine($"rel. L2 vs exact after 500 steps: unit weights {unitError:E3}, annealed {annealedError:E3}; w_boundary {string.Join(", ", weights.Select(w => w.ToString("G3")))}");
        // Measured: unit 1.48 (seed 0), annealed 0.127; the boundary weight settles near 13.
        Assert.That(annealedError, Is.LessThan(0.3));
        Assert.That(annealedError, Is.LessThan(unitError / 3));
        Assert.That(weights[^1], Is.GreaterThan(3), "the boundary weight grew");
        Assert.That(annealed.History.Names, Does.Contain("w_pde"));
        Assert.That(annealed.Metadata["weighting"], Does.Contain("lra"));
        Assert.That(unit.History!.Names, Has.None.StartsWith("w_"), "fixed weights are not logged");
    }

    [Test]
    public void InverseHeatProblemRecoversTheDiffusivity()
    {
        // u_t = k u_xx with k = 0.1 unknown, 200 observations of exp(−kπ²t) sin(πx), initial guess k = 0.5.
        var problem = Heat1D.Create();
        var options = new PinnOptions(Hidden: [20, 20], Steps: 200, LearningRate: 1e-2, FinalLearningRate: 1e-3, InteriorPoints: 300, BoundaryPoints: 60, InitialPoints: 60,
            Observations: Observe(problem, 200, seed: 5), Trainable: new() { ["k"] = 0.5 }, Optimizer: PinnOptimizer.AdamThenLbfgs, LbfgsIterations: 200, Threads: 1, LogEvery: 50);
        var pinn = (PinnSolution)new PinnSolver(options).Solve(problem);
        double k = pinn.Fitted["k"];
        var trajectory = pinn.History!["k"];
        TestContext.Out.WriteLine($"fitted k = {k:G6} in {pinn.Seconds:F1} s; trajectory {string.Join(", ", trajectory.Select(v => v.ToString("G4")))}");
        // Measured: k = 0.09949 (0.5% low) after 200 Adam steps and 200 L-BFGS iterations.
        Assert.That(k, Is.EqualTo(0.1).Within(2).Percent);
        Assert.That(trajectory[0], Is.EqualTo(0.5).Within(1e-6), "the trajectory starts at the guess");
        Assert.That(trajectory[^1], Is.EqualTo(k));
        Assert.That(pinn.Metadata["fitted_k"], Is.EqualTo(k));
        Assert.That(pinn.Metadata["initial_guess_k"], Is.EqualTo(0.5));
        Assert.That(pinn.History.Names, Does.Contain("data"));
        Assert.That(pinn.Problem.ValueOf("k"), Is.EqualTo(0.1), "the problem itself is left as it was");
        var error = ErrorNorms.RelativeL2(pinn, ExactSolution.Of(problem), Meshing.For(problem.Domain!, 1.0 / 64), 1.0);
        Assert.That(error, Is.LessThan(2e-2), "the fitted field matches the exact one at t = 1");
    }

    [Test]
    public void RefinementAddsPointsWhereTheResidualPeaks()
    {
        // A source with a narrow peak at (0.75, 0.25): an untrained network leaves its residual largest there.
        var square = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var peak = 100 * Exp(-(Pow(X - 0.75, 2) + Pow(Y - 0.25, 2)) / 0.002);
        var problem = Problem.Named("planted").On(square).Solve(-Laplacian(u) == peak).With(Dirichlet.On(square.Boundary, 0));
        var options = new PinnOptions(Hidden: [10, 10], Steps: 1, LearningRate: 1e-6, FinalLearningRate: 1e-6, InteriorPoints: 100, BoundaryPoints: 40,
            RarEvery: 1, RarPoints: 20, RarCandidates: 5000, Threads: 1);
        var pinn = (PinnSolution)new PinnSolver(options).Solve(problem);
        var added = pinn.RefinedPoints;
        Assert.That(added, Has.Count.EqualTo(40), "20 points of 2 coordinates");
        var distances = Enumerable.Range(0, 20).Select(i => Math.Sqrt(Math.Pow(added[2 * i] - 0.75, 2) + Math.Pow(added[2 * i + 1] - 0.25, 2))).ToArray();
        TestContext.Out.WriteLine($"distances of the added points to the peak: {string.Join(", ", distances.Select(d => d.ToString("F3")))}");
        // Among 5000 uniform candidates about 90 lie where the source exceeds 5 (distance < 0.077); the 20 largest residuals are nearest the peak.
        Assert.That(distances, Is.All.LessThan(0.077));
        Assert.That(pinn.Metadata["rar_points_added"], Is.EqualTo(20));
    }

    [Test]
    public void BadInverseSettingsAreNamed()
    {
        var problem = Heat1D.Create();
        var unknown = Assert.Throws<ArgumentException>(() => new PinnSolver(new PinnOptions(Steps: 1, Trainable: new() { ["kappa"] = 1 })).Solve(problem));
        Assert.That(unknown!.Message, Is.EqualTo("problem 'heat-1d' has no parameter 'kappa' to fit; its parameters are: k (Parameter 'Trainable')"));
        var shape = Assert.Throws<ArgumentException>(() => new PinnSolver(new PinnOptions(Steps: 1, Observations: new Observations([0.5, 0.1, 0.2], [1.0, 2.0]))).Solve(problem));
        Assert.That(shape!.Message, Does.StartWith("the observations for 'heat-1d' have 2 values but 3 coordinates; each point needs 2 (the coordinates, time last)"));
        var reserved = Assert.Throws<ArgumentException>(() => new PinnOptions(Trainable: new() { ["loss"] = 1 }).Validate());
        Assert.That(reserved!.Message, Does.Contain("cannot be called 'loss'"));
        var square = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var g = Param("g", 1, "boundary value");
        var lifted = Problem.Named("lifted").On(square).Solve(-Laplacian(u) == 0).With(Dirichlet.On(square.Boundary, g));
        var hard = Assert.Throws<ArgumentException>(() => new PinnSolver(new PinnOptions(Steps: 1, HardDirichlet: true, Trainable: new() { ["g"] = 2 })).Solve(lifted));
        Assert.That(hard!.Message, Does.Contain("uses g, which is to be fitted"));
    }
}
