using PdeNet.Core.Metrics;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Pinns;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;

namespace PdeNet.Tests.Pinns;

[Explicit]
public class ScratchTiming
{
    [TestCase(5000, 1.0, 1e-3, 1e-4)]
    [TestCase(5000, 10.0, 1e-3, 1e-4)]
    [TestCase(5000, 10.0, 3e-3, 1e-5)]
    public void Time(int steps, double weight, double lr, double final)
    {
        var problem = PoissonLShape.Create();
        var mesh = GridMesher.Triangulate(problem.Domain!, 1.0 / 64);
        var fem = new FemSolver().Solve(problem, mesh);
        var pinn = new PinnSolver(new PinnOptions(Steps: steps, BoundaryWeight: weight, LearningRate: lr, FinalLearningRate: final)).Solve(problem);
        var exact = ExactSolution.Of(problem);
        TestContext.Out.WriteLine($"w={weight} lr={lr}->{final} pinn {pinn.Seconds:F1}s ({1000 * pinn.Seconds / steps:F1} ms/step), relL2 vs fem {ErrorNorms.RelativeL2(pinn, fem, mesh):E3}, vs exact {ErrorNorms.RelativeL2(pinn, exact, mesh):E3}, loss {pinn.History!["loss"][^1]:E3}; fem {fem.Seconds:F2}s vs exact {ErrorNorms.RelativeL2(fem, exact, mesh):E3}");
    }
}
