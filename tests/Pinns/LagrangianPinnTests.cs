using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Pinns;
using PdeNet.Pinns.Lagrangian;
using PdeNet.Problems;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Pinns;

public class LagrangianPinnTests
{
    /// <summary>u_t + β u_x - ν u_xx + ρ u = 0 on the periodic [0, 2π), u₀ = sin x; exact e^{-(ν+ρ)t} sin(x - βt).</summary>
    private static Problem ConvectionDiffusion(double beta, double nu, double rho = 0)
    {
        var u = Unknown.Scalar("u");
        return Problem.Named("convection-diffusion-periodic").On(new Interval(0, 2 * Math.PI)).During(0, 1)
            .Solve(Dt(u) + beta * Dx(u) - nu * Dx(Dx(u)) + rho * u == 0)
            .With(Periodic.Between("left", "right", 2 * Math.PI))
            .With(new InitialCondition(Sin(X)))
            .Exact(Exp(-(nu + rho) * T) * Sin(X - beta * T));
    }

    /// <summary>Relative L2 error on the failure-mode paper's evaluation grid (256 x-points, 100 times).</summary>
    private static double GridError(Solution solution, Problem problem) =>
        ErrorNorms.RelativeL2OnGrid(solution, ExactSolution.Of(problem), Enumerable.Range(0, 256).Select(i => 2 * Math.PI * i / 256).ToArray(),
            Enumerable.Range(0, 100).Select(k => k / 99.0).ToArray());

    [Test]
    public void ReadsTheCharacteristicFormFromTheEquation()
    {
        var convection = LagrangianForm.Of(Convection1D.Create().WithParameter("beta", 20));
        Assert.That(convection.Viscosity, Is.EqualTo(0));
        Assert.That(convection.Speed.ToString(), Is.EqualTo("beta"));
        Assert.That(convection.Period, Is.EqualTo(2 * Math.PI).Within(1e-15));

        var u = Unknown.Scalar("u");
        var burgers = Problem.Named("burgers").On(new Interval(0, 2 * Math.PI)).During(0, 1)
            .Solve(2 * Dt(u) + 2 * u * Dx(u) - 0.02 * Dx(Dx(u)) - 10 * u * (1 - u) == 0)
            .With(Periodic.Between("left", "right", 2 * Math.PI))
            .With(new InitialCondition(Sin(X) + 1));
        var form = LagrangianForm.Of(burgers);
        Assert.That(form.Viscosity, Is.EqualTo(0.01).Within(1e-15));
        var layout = new VariableLayout(1, [u]);
        var speed = ExpressionCompiler.Compile(form.Speed, layout, burgers.ValueOf);
        var source = ExpressionCompiler.Compile(form.Source, layout, burgers.ValueOf);
        var v = new double[layout.Count];
        v[layout.JetOffset] = 0.3;
        Assert.That(speed(v), Is.EqualTo(0.3).Within(1e-15), "c = u");
        Assert.That(source(v), Is.EqualTo(-5 * 0.3 * 0.7).Within(1e-14), "s = -ρ u (1 - u) / 2");
    }

    [Test]
    public void RefusesWhatItCannotSolveAndSaysWhy()
    {
        var u = Unknown.Scalar("u");
        var periodic = Periodic.Between("left", "right", 2 * Math.PI);
        var dispersive = Problem.Named("kdv").On(new Interval(0, 2 * Math.PI)).During(0, 1)
            .Solve(Dt(u) + Dx(Dx(Dx(u))) == 0).With(periodic).With(new InitialCondition(Sin(X)));
        Assert.That(() => LagrangianForm.Of(dispersive), Throws.TypeOf<NotSupportedException>().With.Message.Contains("u_xxx"));
        var dirichlet = Problem.Named("walls").On(new Interval(0, 1)).During(0, 1)
            .Solve(Dt(u) + Dx(u) == 0).With(Dirichlet.On("left", 0)).With(new InitialCondition(Sin(X)));
        Assert.That(() => LagrangianForm.Of(dirichlet), Throws.TypeOf<NotSupportedException>().With.Message.Contains("periodic"));
        var quadraticSpeed = Problem.Named("q").On(new Interval(0, 2 * Math.PI)).During(0, 1)
            .Solve(Dt(u) + Dx(u) * Dx(u) == 0).With(periodic).With(new InitialCondition(Sin(X)));
        Assert.That(() => LagrangianForm.Of(quadraticSpeed), Throws.TypeOf<NotSupportedException>().With.Message.Contains("depends on u_x"));
        Assert.That(() => new LagrangianPinnSolver().Solve(PoissonSquare.Create()), Throws.TypeOf<NotSupportedException>().With.Message.Contains("interval"));
    }

    [Test]
    public void CuresTheConvectionFailureModeWhereTheVanillaPinnFails()
    {
        // β = 30: the published vanilla PINN error is 0.90. Both get a small budget of a few seconds.
        var problem = Convection1D.Create().WithParameter("beta", 30);
        var lagrangian = new LagrangianPinnSolver(new LagrangianPinnOptions(StateHidden: [30, 30], CharacteristicHidden: [30, 30], Labels: 64, Times: 25,
            Steps: 300, LbfgsIterations: 100, Threads: 2)).Solve(problem);
        var vanilla = new PinnSolver(new PinnOptions(Hidden: [50, 50, 50, 50], InteriorPoints: 500, BoundaryPoints: 100, InitialPoints: 256,
            BoundaryWeight: 1, InitialWeight: 1, Optimizer: PinnOptimizer.Lbfgs, LbfgsIterations: 200, Threads: 2)).Solve(problem);
        double lagrangianError = GridError(lagrangian, problem), vanillaError = GridError(vanilla, problem);
        TestContext.Out.WriteLine($"beta = 30: Lagrangian PINN {lagrangianError:E3} ({lagrangian.Seconds:F1} s), vanilla PINN {vanillaError:E3} ({vanilla.Seconds:F1} s)");
        Assert.That(lagrangianError, Is.LessThan(2e-2));
        Assert.That(vanillaError, Is.GreaterThan(0.3));
    }

    [Test]
    public void DiffusionActsInTheEulerianCoordinate()
    {
        var problem = ConvectionDiffusion(beta: 5, nu: 0.5, rho: 0.5);
        var solution = new LagrangianPinnSolver(new LagrangianPinnOptions(StateHidden: [30, 30, 30], CharacteristicHidden: [30, 30], Labels: 64, Times: 25,
            Steps: 500, LbfgsIterations: 200, Threads: 2)).Solve(problem);
        double error = GridError(solution, problem);
        TestContext.Out.WriteLine($"convection-diffusion-reaction: {error:E3} ({solution.Seconds:F1} s)");
        Assert.That(error, Is.LessThan(2e-2));
    }

    [Test]
    public void SoftInitialConditionsAsInThePaperAlsoTrain()
    {
        var problem = Convection1D.Create().WithParameter("beta", 10);
        var solution = new LagrangianPinnSolver(new LagrangianPinnOptions(StateHidden: [30, 30], CharacteristicHidden: [30, 30], Labels: 64, Times: 25,
            HardInitial: false, Steps: 500, LbfgsIterations: 300, Threads: 2)).Solve(problem);
        Assert.That(solution.History!.Names, Is.EqualTo(new[] { "loss", "characteristics", "state", "initial" }));
        double error = GridError(solution, problem);
        TestContext.Out.WriteLine($"soft initial conditions, beta = 10: {error:E3} ({solution.Seconds:F1} s)");
        Assert.That(error, Is.LessThan(0.1));
    }
}
