using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Operators.Models;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Problems;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Pinns.HardConstraints;

/// <summary>One problem solved by the physics-informed solvers, their basis network trained on the rows alone.</summary>
[NonParallelizable]
public class PhysicsInformedSolverTests
{
    /// <summary>Relative L2 against the exact solution at 33 points and 11 times of [0, 1].</summary>
    private static double ErrorOnHeat(Solution solution)
    {
        var points = Enumerable.Range(0, 33).Select(i => i / 32.0).ToArray();
        var times = Enumerable.Range(0, 11).Select(n => n / 10.0).ToArray();
        return ErrorNorms.RelativeL2OnGrid(solution, ExactSolution.Of(solution.Problem), points, times);
    }

    private static PhysicsInformedSolverOptions Options(ConstraintKind constraint, int steps) =>
        new(constraint, Times: 11, Points: 16, Steps: steps, Seed: 2, Threads: 1);

    [Test]
    public void HardConstraintSolvesTheHeatEquationFromItsRowsAloneAndTheSoftOneDoesNot()
    {
        var problem = ProblemLibrary.Get(Heat1D.Name);
        var untrained = (GridSnapshotSolution)new PhysicsInformedSolver(Options(ConstraintKind.Hard, 0)).Solve(problem);
        var hard = (GridSnapshotSolution)new PhysicsInformedSolver(Options(ConstraintKind.Hard, 20)).Solve(problem);
        var soft = new PhysicsInformedSolver(Options(ConstraintKind.Soft, 20)).Solve(problem);
        double rowsBefore = (double)untrained.Metadata["largest_row_residual"], rowsAfter = (double)hard.Metadata["largest_row_residual"];
        TestContext.Out.WriteLine($"heat-1d, 11 x 16 grid, 20 steps: pi-hc rel. L2 {ErrorOnHeat(hard):E2} (untrained {ErrorOnHeat(untrained):E2}), " +
                                  $"largest row {rowsBefore:E2} -> {rowsAfter:E2}; pi-sc {ErrorOnHeat(soft):E2}");
        Assert.That(hard.SolverName, Is.EqualTo("pi-hc"));
        Assert.That(hard.History!.Count, Is.EqualTo(20));
        Assert.That(rowsAfter, Is.LessThan(rowsBefore / 2), "training on the rows makes the basis meet them better");
        Assert.That(ErrorOnHeat(hard), Is.LessThan(0.05));
        Assert.That(ErrorOnHeat(soft), Is.GreaterThan(5 * ErrorOnHeat(hard)), "the soft constraint has barely started after 20 steps");
    }

    [Test]
    public void TheSameSeedGivesTheSameSolution()
    {
        var problem = ProblemLibrary.Get(Heat1D.Name);
        var options = Options(ConstraintKind.Hard, 2) with { Experts = 2 };
        var a = new PhysicsInformedSolver(options).Solve(problem);
        var b = new PhysicsInformedSolver(options).Solve(problem);
        Assert.That(a.SolverName, Is.EqualTo("pi-hc-moe"));
        double[] x = [0.1, 0.37, 0.5, 0.93];
        Assert.That(a.Evaluate(x, 0.55), Is.EqualTo(b.Evaluate(x, 0.55)));
    }

    [Test]
    public void GridSolutionIsBilinearInSpaceLinearInTimeAndWrapsAPeriodicAxis()
    {
        // u = (1 + t)(2 + x + 3y + xy) is reproduced exactly by the interpolant between grid points; on the periodic
        // y axis the cell between its last point and the period end interpolates towards the first point.
        var problem = ProblemLibrary.Get(NavierStokes2D.Name);
        var grid = new SpaceTimeGrid([0, 1, 2], [[0, 0.25, 0.5, 0.75], [0, 0.25, 0.5, 0.75]]);
        var values = new double[grid.Points];
        for (int n = 0; n < 3; n++)
            for (long s = 0; s < grid.SpatialPoints; s++)
            {
                var p = grid.Position(s);
                values[n * grid.SpatialPoints + s] = (1 + grid.Times[n]) * (2 + p[0] + 3 * p[1] + p[0] * p[1]);
            }
        var solution = new GridSnapshotSolution(problem, "grid", grid, [true, true], values);
        double[] inside = [0.1, 0.3, 0.6, 0.7];
        var u = solution.Evaluate(inside, 1.5);
        Assert.That(u[0], Is.EqualTo(2.5 * (2 + 0.1 + 0.9 + 0.03)).Within(1e-12));
        Assert.That(u[1], Is.EqualTo(2.5 * (2 + 0.6 + 2.1 + 0.42)).Within(1e-12));
        // Between y = 0.75 and the period end 1 (= 0): halfway between the values at y = 0.75 and y = 0, at x = 0.
        var wrapped = solution.Evaluate([0, 0.875], 0);
        Assert.That(wrapped[0], Is.EqualTo(0.5 * ((2 + 2.25) + 2)).Within(1e-12));
        Assert.That(() => solution.Evaluate(inside, 2.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void SteadyOrThreeDimensionalProblemsAndSoftExpertsAreRefused()
    {
        Assert.That(() => new PhysicsInformedSolver(new PhysicsInformedSolverOptions(ConstraintKind.Soft, Experts: 2)), Throws.ArgumentException.With.Message.Contains("experts"));
        var steady = ProblemLibrary.Get(PoissonSquare.Name);
        Assert.That(() => new PhysicsInformedSolver(new PhysicsInformedSolverOptions()).Solve(steady),
            Throws.InstanceOf<NotSupportedException>().With.Message.Contains(PoissonSquare.Name).And.Message.Contains("steady"));
    }
}
