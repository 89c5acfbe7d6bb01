using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

/// <summary>
/// Patch tests: a solution that lies in the discrete space (linear for P1, quadratic for P2) is
/// reproduced to rounding error on unstructured and distorted meshes, with Dirichlet, Neumann
/// and Robin data.
/// </summary>
public class FemPatchTests
{
    private static Expr Polynomial(int d, FiniteElement element)
    {
        Expr u = 1 + 2 * X;
        if (d > 1) u -= 3 * Y;
        if (d > 2) u += 0.5 * Z;
        if (element == FiniteElement.P2)
        {
            u += X * X - 0.7 * X;
            if (d > 1) u += 1.5 * X * Y - Y * Y;
            if (d > 2) u += Z * Z - 2 * Y * Z;
        }
        return u;
    }

    private static void AssertReproduced(Problem problem, Mesh mesh, FiniteElement element)
    {
        var solution = new FemSolver(new FemOptions(Element: element)).Solve(problem, mesh);
        var (l2, h1) = FemErrorNorms.Of(solution, problem.ExactSolution!);
        TestContext.Out.WriteLine($"{element} on {mesh.CellCount} {mesh.CellType} cells: L2 {l2:E2}, H1 {h1:E2}");
        Assert.That(l2, Is.LessThan(1e-10));
        Assert.That(h1, Is.LessThan(1e-9));
    }

    [TestCase(1, FiniteElement.P1), TestCase(1, FiniteElement.P2)]
    [TestCase(2, FiniteElement.P1), TestCase(2, FiniteElement.P2)]
    [TestCase(3, FiniteElement.P1), TestCase(3, FiniteElement.P2)]
    public void PolynomialsOfTheSpaceAreReproducedOnDistortedGrids(int d, FiniteElement element)
    {
        int n = d == 3 ? 3 : 6;
        var mesh = FemTestCases.Distort(FemTestCases.Grids(d, n)[0], 1.0 / n, 0.2, seed: 11);
        AssertReproduced(FemTestCases.Mixed(d, Polynomial(d, element)), mesh, element);
    }

    [TestCase(FiniteElement.P1), TestCase(FiniteElement.P2)]
    public void PolynomialsOfTheSpaceAreReproducedOnAnUnstructuredMeshWithSlantedNaturalBoundaries(FiniteElement element)
    {
        // A pentagon meshed by the quality mesher; Neumann and Robin data on slanted edges use the facet normal.
        var domain = Polygon.Of((0, 0), (1.2, 0.1), (1.5, 0.9), (0.6, 1.4), (-0.2, 0.8));
        var exact = Polynomial(2, element);
        var u = Unknown.Scalar("u");
        var flux = NormalDerivative(exact, 2);
        var problem = Problem.Named("patch").On(domain)
            .Solve(-Laplacian(u) == -Laplacian(exact))
            .With(Neumann.On("edge1", flux))
            .With(Robin.On("edge2", 3, flux + 3 * exact))
            .With(Dirichlet.On("edge0, edge3, edge4", exact))
            .Exact(exact);
        var mesh = TriangleMesher.Triangulate(domain, 0.3);
        AssertReproduced(problem, mesh, element);
    }
}
