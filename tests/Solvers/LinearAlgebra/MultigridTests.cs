using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

public class MultigridTests
{
    private static (KrylovResult Result, double[] X, AlgebraicMultigrid Amg) SolveWithAmg(CsrMatrix a, double[] b, AmgOptions options)
    {
        var amg = new AlgebraicMultigrid(a, options);
        var x = new double[a.Size];
        var result = ConjugateGradient.Solve(a, b, x, amg, 1e-10, 500, options.Threads);
        return (result, x, amg);
    }

    [Test]
    public void AmgPreconditionedCgIterationsStayFlatUnderRefinementOfP1Poisson()
    {
        // poisson-square through the finite-element solver: 33², 65², 129², 257² unknowns.
        var problem = PoissonSquare.Create();
        int[] cells = [32, 64, 128, 256];
        var iterations = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            var solution = new FemSolver().Solve(problem, GridMesher.Triangulate(problem.Domain!, cells[i], cells[i]));
            Assert.That(solution.Metadata["linear_solver"], Is.EqualTo("cg+amg"));
            Assert.That((double)solution.Metadata["linear_relative_residual"], Is.LessThanOrEqualTo(1e-10));
            iterations[i] = (int)solution.Metadata["iterations"];
        }
        TestContext.Out.WriteLine($"CG+AMG iterations for {string.Join(", ", cells.Select(c => $"{c + 1}²"))} unknowns: {string.Join(", ", iterations)}");
        Assert.That(iterations.Max(), Is.LessThanOrEqualTo(1.3 * iterations.Min()), "iteration counts must stay within 30% under refinement");
        Assert.That(iterations.Max(), Is.LessThanOrEqualTo(25));
    }

    [Test]
    public void JacobiIterationsGrowUnderRefinementWhereAmgStaysFlat()
    {
        // The contrast that motivates multigrid: Jacobi-CG doubles its iterations with each halving of h.
        var counts = new[] { 32, 64 }.Select(m =>
        {
            var a = P1Matrices.Laplacian(m);
            var b = P1Matrices.Random(a.Size, 1);
            var x = new double[a.Size];
            return ConjugateGradient.Solve(a, b, x, new JacobiPreconditioner(a), 1e-10, 5000).Iterations;
        }).ToArray();
        TestContext.Out.WriteLine($"Jacobi-CG iterations at 33², 65²: {counts[0]}, {counts[1]}");
        Assert.That(counts[1], Is.GreaterThan(1.7 * counts[0]));
    }

    [TestCase(AmgSmoother.GaussSeidel)]
    [TestCase(AmgSmoother.Chebyshev)]
    public void AnisotropicAndJumpingCoefficientsStillConverge(AmgSmoother smoother)
    {
        var options = new AmgOptions(Smoother: smoother);
        // -(u_xx + 0.001 u_yy): the weak y-couplings fall below the strength threshold, so aggregates follow x.
        var anisotropic = P1Matrices.Operator(128, (_, _) => (1, 1e-3));
        // -div(k grad u) with k = 1000 on a checkerboard of 8 × 8 squares and 1 elsewhere.
        var jumping = P1Matrices.Operator(128, (x, y) => ((int)(8 * x) + (int)(8 * y)) % 2 == 0 ? (1000, 1000) : (1, 1));
        foreach (var (name, a) in new[] { ("anisotropic", anisotropic), ("jumping", jumping) })
        {
            var exact = P1Matrices.Random(a.Size, 2);
            var b = new double[a.Size];
            a.Multiply(exact, b);
            var (result, x, amg) = SolveWithAmg(a, b, options);
            var jacobi = ConjugateGradient.Solve(a, b, new double[a.Size], new JacobiPreconditioner(a), 1e-10, 20_000);
            TestContext.Out.WriteLine($"{name}, {smoother}: AMG-CG {result.Iterations} iterations ({amg.LevelCount} levels, operator complexity {amg.OperatorComplexity:F2}); Jacobi-CG {jacobi.Iterations}");
            Assert.That(result.Converged, Is.True);
            Assert.That(result.Iterations, Is.LessThanOrEqualTo(60));
            Assert.That(result.Iterations, Is.LessThan(jacobi.Iterations / 4));
            Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-6));
        }
    }

    [TestCase(AmgSmoother.GaussSeidel)]
    [TestCase(AmgSmoother.Chebyshev)]
    public void TheVCycleIsASymmetricPositiveDefiniteOperator(AmgSmoother smoother)
    {
        // 161² unknowns: several levels, and Gauss-Seidel in more than one block on the finest.
        var a = P1Matrices.Laplacian(160);
        var amg = new AlgebraicMultigrid(a, new AmgOptions(Smoother: smoother, Threads: 2));
        Assert.That(amg.LevelCount, Is.GreaterThanOrEqualTo(3));
        for (int seed = 0; seed < 3; seed++)
        {
            var x = P1Matrices.Random(a.Size, 10 + seed);
            var y = P1Matrices.Random(a.Size, 20 + seed);
            var bx = new double[a.Size];
            var by = new double[a.Size];
            amg.Apply(x, bx);
            amg.Apply(y, by);
            double xBy = Dot(x, by), yBx = Dot(y, bx);
            TestContext.Out.WriteLine($"{smoother}: x·By = {xBy:R}, y·Bx = {yBx:R}, x·Bx = {Dot(x, bx):E3}");
            Assert.That(Math.Abs(xBy - yBx), Is.LessThanOrEqualTo(1e-12 * Math.Sqrt(Dot(x, x) * Dot(by, by))));
            Assert.That(Dot(x, bx), Is.GreaterThan(0));
        }
    }

    [TestCase(AmgSmoother.GaussSeidel)]
    [TestCase(AmgSmoother.Chebyshev)]
    public void ResultsDoNotDependOnTheThreadCount(AmgSmoother smoother)
    {
        var a = P1Matrices.Laplacian(160);
        var b = P1Matrices.Random(a.Size, 3);
        var one = SolveWithAmg(a, b, new AmgOptions(Smoother: smoother, Threads: 1));
        var two = SolveWithAmg(a, b, new AmgOptions(Smoother: smoother, Threads: 2));
        TestContext.Out.WriteLine($"{smoother}: {one.Result.Iterations} and {two.Result.Iterations} iterations, max difference {P1Matrices.MaxDifference(one.X, two.X):E2}");
        Assert.That(two.Amg.LevelSizes, Is.EqualTo(one.Amg.LevelSizes));
        Assert.That(two.Result.Iterations, Is.EqualTo(one.Result.Iterations));
        Assert.That(P1Matrices.MaxDifference(one.X, two.X), Is.LessThanOrEqualTo(1e-14 * one.X.Max(Math.Abs)));
    }

    [Test]
    public void OneVCycleWithOneThreadAllocatesNothing()
    {
        var a = P1Matrices.Laplacian(160);
        var amg = new AlgebraicMultigrid(a, new AmgOptions(Threads: 1));
        var r = P1Matrices.Random(a.Size, 4);
        var z = new double[a.Size];
        amg.Apply(r, z);
        long before = GC.GetAllocatedBytesForCurrentThread();
        amg.Apply(r, z);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void ASmallMatrixIsSolvedExactlyOnOneLevel()
    {
        var a = P1Matrices.Laplacian(8);
        var amg = new AlgebraicMultigrid(a);
        Assert.That(amg.LevelCount, Is.EqualTo(1));
        var b = P1Matrices.Random(a.Size, 5);
        var x = new double[a.Size];
        var result = ConjugateGradient.Solve(a, b, x, amg, 1e-12, 10);
        Assert.That(result.Iterations, Is.EqualTo(1));
    }

    [Test]
    public void TheHierarchyCoarsensGeometricallyWithModestComplexity()
    {
        var amg = new AlgebraicMultigrid(P1Matrices.Laplacian(256));
        TestContext.Out.WriteLine($"levels {string.Join(", ", amg.LevelSizes)}; nonzeros {string.Join(", ", amg.LevelNonZeros)}; operator complexity {amg.OperatorComplexity:F3}");
        for (int l = 1; l < amg.LevelCount; l++) Assert.That(amg.LevelSizes[l], Is.LessThan(amg.LevelSizes[l - 1] / 4));
        Assert.That(amg.LevelSizes[^1], Is.LessThanOrEqualTo(amg.Options.CoarsestSize));
        Assert.That(amg.OperatorComplexity, Is.LessThan(1.6));
    }

    [Test]
    public void BadOptionsAreNamed()
    {
        Assert.That(() => new AmgOptions(StrengthThreshold: 1.5).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("StrengthThreshold"));
        Assert.That(() => new AmgOptions(Sweeps: 0).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Sweeps"));
        Assert.That(() => new AlgebraicMultigrid(P1Matrices.Laplacian(4), new AmgOptions(CoarsestSize: 0)), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("CoarsestSize"));
        var rectangular = new CsrMatrix([0, 1], [1], [1.0], 2);
        Assert.That(() => new AlgebraicMultigrid(rectangular), Throws.ArgumentException.With.Message.Contains("square"));
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();
}
