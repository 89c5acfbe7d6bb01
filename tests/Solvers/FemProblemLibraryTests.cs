using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Fem.Convergence;

namespace PdeNet.Tests.Solvers;

/// <summary>The finite-element reference on the problems of the library: each against its exact solution.</summary>
public class FemProblemLibraryTests
{
    private static IReadOnlyList<FemConvergenceLevel> Study(Problem problem, FiniteElement element, int levels, int coarsest) =>
        FemTestCases.Study(problem, element, FemConvergenceStudy.UniformMeshes(problem.Domain!, levels, coarsest));

    [TestCase("poisson-disk-hole", FiniteElement.P1, 3, 4, 2)]
    [TestCase("diffusion-variable", FiniteElement.P1, 3, 8, 2)]
    [TestCase("nonlinear-diffusion", FiniteElement.P2, 3, 4, 3)]
    [TestCase("convection-diffusion-2d", FiniteElement.P1, 3, 16, 2)]
    public void SteadyProblemsConvergeAtTheElementsRates(string name, FiniteElement element, int levels, int coarsest, int order)
    {
        var study = Study(ProblemLibrary.Get(name), element, levels, coarsest);
        Assert.That(study[^1].RateL2, Is.EqualTo(order).Within(0.1));
        Assert.That(study[^1].RateH1, Is.EqualTo(order - 1).Within(0.1));
    }

    [Test]
    public void HelmholtzPlaneWaveIsResolvedByP2()
    {
        var problem = ProblemLibrary.Get(Helmholtz2D.Name);
        var solution = new FemSolver(new FemOptions(Element: FiniteElement.P2, CellsPerSide: 16)).Solve(problem);
        double relative = ErrorNorms.RelativeL2(solution, ExactSolution.Of(problem), ((FemSolution)solution).Mesh);
        TestContext.Out.WriteLine($"helmholtz-2d P2 16 x 16: relative L2 {relative:E3}, {solution.Metadata["linear_solver"]}");
        Assert.That(relative, Is.LessThan(1e-3));
    }

    [Test]
    public void HeatProblemFollowsItsModalSolution()
    {
        var problem = ProblemLibrary.Get(Heat2D.Name);
        var solution = (FemSolution)new FemSolver(new FemOptions(Element: FiniteElement.P2, CellsPerSide: 8, TimeSteps: 40)).Solve(problem);
        var exact = ExactSolution.Of(problem);
        foreach (double t in new[] { 0.25, 1.0 })
        {
            double relative = ErrorNorms.RelativeL2(solution, exact, solution.Mesh, t);
            TestContext.Out.WriteLine($"heat-2d P2 8 x 8, BDF2 40 steps: relative L2 at t = {t}: {relative:E3}");
            Assert.That(relative, Is.LessThan(5e-3));
        }
    }
}
