using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Fem.Convergence;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers;

/// <summary>Problems, meshes and rate checks shared by the finite-element verification tests.</summary>
internal static class FemTestCases
{
    public static Domain UnitDomain(int d) => d switch
    {
        1 => new Interval(0, 1),
        2 => Rectangle.UnitSquare,
        _ => Box.UnitCube,
    };

    /// <summary>The product of sin(π(x_i + 1/4)) times exp(x/2): smooth, nonzero on every side.</summary>
    public static Expr SmoothExact(int d)
    {
        Expr u = Exp(X / 2);
        for (int i = 0; i < d; i++) u *= Sin(Pi * (CoordinateAlong(i) + 0.25));
        return u;
    }

    /// <summary>
    /// -div(k grad u) + c u = f on the unit interval, square or cube with the manufactured solution
    /// <paramref name="exact"/>: Dirichlet on the low sides (left; left, bottom; left, front, bottom),
    /// Neumann on the remaining side walls (right; right, back) and Robin (α = 2) on the last one
    /// (right in 1D, top in 2D and 3D). Every datum is derived from the exact solution.
    /// </summary>
    public static Problem Mixed(int d, Expr exact, Expr? k = null, Expr? c = null, string name = "mixed")
    {
        var domain = UnitDomain(d);
        var u = Unknown.Scalar("u");
        k ??= 1;
        c ??= 0;
        var alpha = Param("alpha", 2, "Robin coefficient");
        var flux = NormalDerivative(exact, d);
        var problem = Problem.Named(name).On(domain)
            .Solve(-Div(k * Grad(u)) + c * u == -Div(k * Grad(exact)) + c * exact)
            .Exact(exact);
        return d switch
        {
            1 => problem.With(Dirichlet.On("left", exact)).With(Robin.On("right", alpha, flux + alpha * exact)),
            2 => problem.With(Dirichlet.On("left, bottom", exact)).With(Neumann.On("right", flux)).With(Robin.On("top", alpha, flux + alpha * exact)),
            _ => problem.With(Dirichlet.On("left, front, bottom", exact)).With(Neumann.On("right, back", flux)).With(Robin.On("top", alpha, flux + alpha * exact)),
        };
    }

    /// <summary>Grid meshes of the unit domain with the given numbers of cells per axis.</summary>
    public static IReadOnlyList<Mesh> Grids(int d, params int[] cells)
    {
        var cellType = d switch { 1 => CellType.Interval, 2 => CellType.Triangle, _ => CellType.Tetrahedron };
        return cells.Select(n => GridMesher.Generate(UnitDomain(d), Enumerable.Repeat(n, d).ToArray(), cellType)).ToArray();
    }

    /// <summary>Runs a convergence study and prints it.</summary>
    public static IReadOnlyList<FemConvergenceLevel> Study(Problem problem, FiniteElement element, IReadOnlyList<Mesh> meshes, FemOptions? options = null)
    {
        var levels = FemConvergenceStudy.Run(problem, (options ?? new FemOptions()) with { Element = element }, meshes);
        foreach (var level in levels)
            TestContext.Out.WriteLine($"{problem.Name} {element} h = {level.H:G4} dofs = {level.Dofs}: L2 {level.L2:E3} (rate {level.RateL2:F3}), H1 {level.H1:E3} (rate {level.RateH1:F3}), {level.Seconds:F2} s");
        return levels;
    }

    /// <summary>Moves every node off the boundary by up to <paramref name="fraction"/> of the grid spacing along each axis, seeded.</summary>
    public static Mesh Distort(Mesh mesh, double spacing, double fraction, int seed)
    {
        var boundary = new HashSet<int>(mesh.BoundaryFacets);
        var random = new Random(seed);
        var coordinates = (double[])mesh.Coordinates.Clone();
        int d = mesh.GeometricDimension;
        for (int node = 0; node < mesh.NodeCount; node++)
        {
            if (boundary.Contains(node)) continue;
            for (int i = 0; i < d; i++) coordinates[node * d + i] += (2 * random.NextDouble() - 1) * fraction * spacing;
        }
        return new Mesh(mesh.CellType, d, coordinates, mesh.Cells, mesh.BoundaryFacets, mesh.BoundaryFacetParts, mesh.PartNames);
    }
}
