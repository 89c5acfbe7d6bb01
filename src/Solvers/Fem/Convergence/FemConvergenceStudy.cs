using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Fem.Convergence;

/// <summary>
/// Convergence studies of the finite-element solver against a problem's exact solution: solve on
/// a sequence of uniformly refined meshes and report h, the L2 and H1-seminorm errors and the
/// observed orders. Evolution problems are measured at the final time, with the number of time
/// steps raised with each refinement so that the temporal error (order 1 for backward Euler and
/// θ ≠ 1/2, order 2 for Crank–Nicolson and BDF2) shrinks as fast as the spatial L2 error h^(k+1).
/// </summary>
public static class FemConvergenceStudy
{
    /// <summary>Solves <paramref name="problem"/> on each mesh and measures the errors.</summary>
    /// <param name="problem">A problem with an exact solution.</param>
    /// <param name="options">Solver options (element, quadrature, time scheme; <see cref="FemOptions.TimeSteps"/> is the count on the first mesh, 8 when not set).</param>
    /// <param name="meshes">Meshes from coarse to fine.</param>
    /// <param name="progress">Receives one report per level; may be null.</param>
    /// <exception cref="ProblemDefinitionException">The problem has no exact solution.</exception>
    public static IReadOnlyList<FemConvergenceLevel> Run(Problem problem, FemOptions options, IReadOnlyList<Mesh> meshes, IProgress<SolverProgress>? progress = null)
    {
        var exact = problem.ExactSolution ?? throw new ProblemDefinitionException($"problem '{problem.Name}' has no exact solution to measure convergence against");
        if (meshes.Count == 0) throw new ArgumentException("give at least one mesh", nameof(meshes));
        var levels = new List<FemConvergenceLevel>();
        double h0 = meshes[0].MaxEdgeLength();
        int baseSteps = options.TimeSteps ?? (options.TimeStep is { } dt && problem.Time is { } time ? options.StepsOver(time.Length).Steps : 8);
        double temporalOrder = options.Scheme is TimeScheme.CrankNicolson or TimeScheme.Bdf2 ? 2 : 1;
        for (int i = 0; i < meshes.Count; i++)
        {
            var mesh = meshes[i];
            double h = mesh.MaxEdgeLength();
            int? steps = problem.IsTimeDependent ? (int)Math.Ceiling(baseSteps * Math.Pow(h0 / h, (options.ElementDegree + 1) / temporalOrder) - 1e-9) : null;
            var levelOptions = options with { TimeSteps = steps, TimeStep = null };
            var solution = new FemSolver(levelOptions).Solve(problem, mesh);
            double finalTime = problem.Time?.End ?? 0;
            var (l2, h1) = FemErrorNorms.Of(solution, exact, finalTime);
            double? rateL2 = null, rateH1 = null;
            if (i > 0)
            {
                var previous = levels[^1];
                double ratio = Math.Log(previous.H / h);
                rateL2 = Math.Log(previous.L2 / l2) / ratio;
                rateH1 = Math.Log(previous.H1 / h1) / ratio;
            }
            levels.Add(new FemConvergenceLevel(h, mesh.CellCount, solution.Space.DofCount, steps, l2, h1, rateL2, rateH1, solution.Seconds));
            progress?.Report(new SolverProgress("convergence", i + 1, meshes.Count, new Dictionary<string, double> { ["h"] = h, ["l2"] = l2, ["h1"] = h1 }));
        }
        return levels;
    }

    /// <summary>
    /// Nested uniform meshes of <paramref name="domain"/>: for domains bounded by grid lines or planes
    /// the grid mesher's simplices on n0, 2n0, 4n0, ... cells per axis; for other 2D domains the quality
    /// mesher's triangles at size h0, refined uniformly with new boundary nodes moved onto the boundary.
    /// </summary>
    /// <param name="domain">The domain.</param>
    /// <param name="levels">Number of meshes, at least 2.</param>
    /// <param name="coarsest">Cells per axis of the coarsest grid mesh (for other domains, the coarsest h is the smallest extent divided by it).</param>
    /// <exception cref="NotSupportedException">A 3D domain the grid mesher cannot mesh.</exception>
    public static IReadOnlyList<Mesh> UniformMeshes(Domain domain, int levels, int coarsest)
    {
        if (levels < 2) throw new ArgumentOutOfRangeException(nameof(levels), levels, "a convergence study needs at least two levels");
        if (coarsest < 1) throw new ArgumentOutOfRangeException(nameof(coarsest), coarsest, "the coarsest mesh needs at least one cell per axis");
        var meshes = new List<Mesh>();
        var cellType = domain.Dimension switch { 1 => CellType.Interval, 2 => CellType.Triangle, _ => CellType.Tetrahedron };
        try
        {
            for (int level = 0; level < levels; level++)
                meshes.Add(GridMesher.Generate(domain, Enumerable.Repeat(coarsest << level, domain.Dimension).ToArray(), cellType));
            return meshes;
        }
        catch (NotSupportedException) when (domain.Dimension == 2)
        {
            var box = domain.Bounds;
            double h0 = Math.Min(box.Extent(0), box.Extent(1)) / coarsest;
            var mesh = TriangleMesher.Triangulate(domain, h0);
            meshes.Clear();
            meshes.Add(mesh);
            for (int level = 1; level < levels; level++) meshes.Add(mesh = MeshRefinement.Uniform(mesh, domain));
            return meshes;
        }
    }
}
