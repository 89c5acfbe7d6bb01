using PdeNet.Solvers.Fem;

namespace PdeNet.Tests.Solvers;

/// <summary>
/// Manufactured-solution convergence rates with Dirichlet, Neumann and Robin parts: P1 converges
/// at order 2 in L2 and 1 in H1, P2 at 3 and 2 (tolerance 0.1 in 1D and 2D, 0.15 in 3D, on the
/// finest pair of meshes).
/// </summary>
public class FemRateTests
{
    [TestCase(1, FiniteElement.P1, new[] { 8, 16, 32 }, 0.1)]
    [TestCase(1, FiniteElement.P2, new[] { 8, 16, 32 }, 0.1)]
    [TestCase(2, FiniteElement.P1, new[] { 8, 16, 32 }, 0.1)]
    [TestCase(2, FiniteElement.P2, new[] { 4, 8, 16 }, 0.1)]
    [TestCase(3, FiniteElement.P1, new[] { 4, 8, 16 }, 0.15)]
    [TestCase(3, FiniteElement.P2, new[] { 2, 4, 8 }, 0.15)]
    public void ManufacturedSolutionConvergesAtTheOptimalRates(int d, FiniteElement element, int[] cells, double tolerance)
    {
        var problem = FemTestCases.Mixed(d, FemTestCases.SmoothExact(d));
        var levels = FemTestCases.Study(problem, element, FemTestCases.Grids(d, cells));
        int k = element == FiniteElement.P2 ? 2 : 1;
        Assert.That(levels[^1].RateL2, Is.EqualTo(k + 1).Within(tolerance), "L2 rate");
        Assert.That(levels[^1].RateH1, Is.EqualTo(k).Within(tolerance), "H1 rate");
    }
}
