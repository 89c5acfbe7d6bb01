using PdeNet.Solvers.Fem;
using PdeNet.Solvers.LinearAlgebra;
using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

public class LinearSolverTests
{
    private static (double[] B, double[] Exact) System(CsrMatrix a, int seed)
    {
        var exact = P1Matrices.Random(a.Size, seed);
        var b = new double[a.Size];
        a.Multiply(exact, b);
        return (b, exact);
    }

    [Test]
    public void TheMethodFollowsTheMatrix()
    {
        var laplacian = P1Matrices.Laplacian(64);
        var (b, exact) = System(laplacian, 1);
        var x = new double[laplacian.Size];
        var report = LinearSolver.Solve(laplacian, b, x, new LinearSolverOptions());
        TestContext.Out.WriteLine($"{report.Method}: {report.Result.Iterations} iterations; {report.Preconditioner}");
        Assert.That(report.Method, Is.EqualTo("cg+amg"));
        Assert.That(report.Preconditioner, Does.StartWith("amg: 3 levels"));
        Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-7));

        var convection = P1Matrices.Operator(64, (_, _) => (0.01, 0.01), 1, 0.5);
        (b, exact) = System(convection, 2);
        x = new double[convection.Size];
        report = LinearSolver.Solve(convection, b, x, new LinearSolverOptions(Preconditioner: PreconditionerKind.Jacobi));
        Assert.That(report.Method, Is.EqualTo("gmres+jacobi"));
        Assert.That(report.Result.Converged, Is.True);
        Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-6));
    }

    [Test]
    public void AnIndefiniteSymmetricSystemFallsBackToGmres()
    {
        // -Δu - 30 u: 30 lies between the first two Dirichlet eigenvalues 2π² and 5π² of the unit square.
        var helmholtz = P1Matrices.Operator(64, (_, _) => (1, 1), reaction: -30);
        var (b, exact) = System(helmholtz, 3);
        var x = new double[helmholtz.Size];
        var report = LinearSolver.Solve(helmholtz, b, x, new LinearSolverOptions());
        TestContext.Out.WriteLine($"{report.Method}: {report.Result.Iterations} iterations, residual {report.Result.RelativeResidual:E2}");
        Assert.That(report.Method, Is.EqualTo("gmres+amg"));
        Assert.That(report.Result.Converged, Is.True);
        Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-6));
    }

    [Test]
    public void APreconditionerBuiltOnceServesSeveralRightHandSides()
    {
        var a = P1Matrices.Laplacian(64);
        var options = new LinearSolverOptions(Threads: 1);
        var amg = LinearSolver.Preconditioner(a, options);
        Assert.That(amg, Is.TypeOf<AlgebraicMultigrid>());
        for (int seed = 4; seed < 6; seed++)
        {
            var (b, exact) = System(a, seed);
            var x = new double[a.Size];
            var report = LinearSolver.Solve(a, b, x, amg, options);
            Assert.That(report.Result.Converged, Is.True);
            Assert.That(P1Matrices.MaxDifference(x, exact), Is.LessThan(1e-7));
        }
    }

    [Test]
    public void FemOptionsCarryTheLinearSolverChoiceAndRefuseBadValues()
    {
        var options = new FemOptions(Preconditioner: PreconditionerKind.Jacobi, Threads: 2, Tolerance: 1e-8);
        Assert.That(options.LinearSolverOptions, Is.EqualTo(new LinearSolverOptions(PreconditionerKind.Jacobi, null, 1e-8, options.MaxIterations, Threads: 2)));
        Assert.That(() => new FemOptions(Threads: -1).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Threads"));
        Assert.That(() => new FemOptions(Preconditioner: (PreconditionerKind)7).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Preconditioner"));
        Assert.That(() => new LinearSolverOptions(Restart: 0).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Restart"));
    }
}
