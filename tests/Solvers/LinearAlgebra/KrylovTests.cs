using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

public class KrylovTests
{
    /// <summary>-0.01 Δu + (1, 0.5)·∇u on 129² unknowns: convection dominates (cell Péclet number about 0.4).</summary>
    private static CsrMatrix ConvectionDiffusion() => P1Matrices.Operator(128, (_, _) => (0.01, 0.01), 1, 0.5);

    [TestCase(PreconditionerKind.Amg)]
    [TestCase(PreconditionerKind.Jacobi)]
    public void GmresSolvesANonsymmetricConvectionDiffusionSystem(PreconditionerKind kind)
    {
        var a = ConvectionDiffusion();
        Assert.That(a.Asymmetry(), Is.GreaterThan(1e-3));
        var exact = P1Matrices.Random(a.Size, 6);
        var b = new double[a.Size];
        a.Multiply(exact, b);
        IPreconditioner preconditioner = kind == PreconditionerKind.Amg ? new AlgebraicMultigrid(a) : new JacobiPreconditioner(a);
        var x = new double[a.Size];
        var result = GeneralizedMinimalResidual.Solve(a, b, x, preconditioner, 1e-10, 2000, restart: 30);
        TestContext.Out.WriteLine($"GMRES(30)+{kind}: {result.Iterations} iterations, relative residual {result.RelativeResidual:E2}");
        Assert.That(result.Converged, Is.True);
        var r = new double[a.Size];
        a.Multiply(x, r);
        double residual = Math.Sqrt(r.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(v => v * v));
        Assert.That(residual, Is.LessThanOrEqualTo(1e-10), "the reported residual is the true one");
        Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-6));
        if (kind == PreconditionerKind.Amg) Assert.That(result.Iterations, Is.LessThanOrEqualTo(60));
    }

    [Test]
    public void GmresWithAShortRestartStillConvergesAndBiCgStabAgrees()
    {
        var a = ConvectionDiffusion();
        var b = P1Matrices.Random(a.Size, 7);
        var amg = new AlgebraicMultigrid(a);
        var gmres = new double[a.Size];
        var result = GeneralizedMinimalResidual.Solve(a, b, gmres, amg, 1e-10, 2000, restart: 5);
        var bicgstab = new double[a.Size];
        var other = BiConjugateGradientStabilized.Solve(a, b, bicgstab, amg, 1e-10, 2000);
        TestContext.Out.WriteLine($"GMRES(5)+AMG {result.Iterations}, BiCGStab+AMG {other.Iterations} iterations");
        Assert.That(result.Converged && other.Converged, Is.True);
        Assert.That(P1Matrices.MaxDifference(gmres, bicgstab), Is.LessThan(1e-7 * bicgstab.Max(Math.Abs)));
    }

    [Test]
    public void GmresStopsAtTheIterationLimitAndReportsIt()
    {
        var a = ConvectionDiffusion();
        var b = P1Matrices.Random(a.Size, 8);
        var result = GeneralizedMinimalResidual.Solve(a, b, new double[a.Size], new JacobiPreconditioner(a), 1e-12, 7, restart: 3);
        Assert.That(result.Converged, Is.False);
        Assert.That(result.Iterations, Is.EqualTo(7));
    }

    [Test]
    public void KrylovIteratesDoNotDependOnTheThreadCount()
    {
        var a = ConvectionDiffusion();
        var b = P1Matrices.Random(a.Size, 9);
        var jacobi = new JacobiPreconditioner(a);
        var x1 = new double[a.Size];
        var x2 = new double[a.Size];
        var r1 = GeneralizedMinimalResidual.Solve(a, b, x1, jacobi, 1e-8, 400, 20, threads: 1);
        var r2 = GeneralizedMinimalResidual.Solve(a, b, x2, jacobi, 1e-8, 400, 20, threads: 2);
        Assert.That(r2.Iterations, Is.EqualTo(r1.Iterations));
        Assert.That(x2, Is.EqualTo(x1));
    }

    [Test]
    public void TheFiniteElementSolverUsesGmresWithAmgForConvectionDiffusionAndConverges()
    {
        // -0.05 Δu + (1, 0.5)·∇u = f with u = sin(πx) sin(πy): nonsymmetric Jacobian.
        var u = Unknown.Scalar("u");
        var exact = Sin(Pi * X) * Sin(Pi * Y);
        Expr Operator(Expr w) => -0.05 * Laplacian(w) + Dx(w) + 0.5 * Dy(w);
        var problem = Problem.Named("convection-diffusion").On(Rectangle.UnitSquare)
            .Solve(Operator(u) == Operator(exact))
            .With(Dirichlet.On(Rectangle.UnitSquare.Boundary, 0))
            .Exact(exact);
        var errors = new List<double>();
        foreach (int m in new[] { 32, 64 })
        {
            var solution = new FemSolver().Solve(problem, GridMesher.Triangulate(Rectangle.UnitSquare, m, m));
            Assert.That(solution.Metadata["linear_solver"], Is.EqualTo("gmres+amg"));
            TestContext.Out.WriteLine($"{m}²: {solution.Metadata["iterations"]} GMRES iterations");
            errors.Add(FemErrorNorms.Of(solution, exact).L2);
        }
        double rate = Math.Log2(errors[0] / errors[1]);
        TestContext.Out.WriteLine($"L2 errors {errors[0]:E3}, {errors[1]:E3}; rate {rate:F3}");
        Assert.That(rate, Is.InRange(1.8, 2.2));
    }
}
