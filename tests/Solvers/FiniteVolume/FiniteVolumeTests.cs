using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Problems;
using PdeNet.Solvers.FiniteVolume;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers.FiniteVolume;

public class FiniteVolumeTests
{
    /// <summary>u_t = u_xx with u = e^(-κ²t) cos(κx + θ): Dirichlet at x = 0, Robin ∂u/∂n + 2u = g at x = 1.</summary>
    private static Problem Heat()
    {
        var u = Unknown.Scalar("u");
        double kappa = 1.3, theta = 0.4, alpha = 2;
        var exact = Exp(-kappa * kappa * T) * Cos(kappa * X + theta);
        var dudx = -kappa * Exp(-kappa * kappa * T) * Sin(kappa * X + theta);
        return Problem.Named("heat-robin")
            .On(new Interval(0, 1))
            .During(0, 0.5)
            .Solve(Dt(u) - Laplacian(u) == 0)
            .With(Dirichlet.On("left", exact))
            .With(Robin.On("right", alpha, dudx + alpha * exact))
            .With(new InitialCondition(exact))
            .Exact(exact);
    }

    private static double MaxError(FiniteVolumeSolution solution)
    {
        int last = solution.Times.Count - 1;
        double t = solution.Times[last], worst = 0;
        var values = solution.CellValues(last);
        for (int i = 0; i < values.Length; i++) worst = Math.Max(worst, Math.Abs(values[i] - Math.Exp(-1.69 * t) * Math.Cos(1.3 * solution.Centres[i] + 0.4)));
        return worst;
    }

    [TestCase(BoundaryTreatment.Faces, 2.0)]
    [TestCase(BoundaryTreatment.PdeBenchGhostCells, 1.0)]
    public void HeatEquationConvergesAtTheOrderOfTheBoundaryTreatment(BoundaryTreatment treatment, double order)
    {
        var problem = Heat();
        var errors = new[] { 16, 32, 64 }.Select(n => MaxError(new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: n, StepsPerOutput: 50, OutputIntervals: 10, Boundary: treatment)).Integrate(problem))).ToArray();
        var rates = errors.Zip(errors.Skip(1), (a, b) => Math.Log2(a / b)).ToArray();
        TestContext.Out.WriteLine($"{treatment}: errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}, rates {string.Join(", ", rates.Select(r => r.ToString("F2")))}");
        Assert.That(rates[^1], Is.InRange(order - 0.15, order + 0.25));
    }

    [Test]
    public void Bdf2IsSecondOrderInTime()
    {
        var problem = Heat();
        double[] Final(int steps)
        {
            var solution = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 200, StepsPerOutput: steps, OutputIntervals: 5)).Integrate(problem);
            return solution.CellValues(5).ToArray();
        }
        var reference = Final(256);
        var errors = new[] { 4, 8, 16 }.Select(s => Final(s).Zip(reference, (a, b) => Math.Abs(a - b)).Max()).ToArray();
        TestContext.Out.WriteLine($"time errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}");
        Assert.That(Math.Log2(errors[^2] / errors[^1]), Is.InRange(1.8, 2.3));
    }

    [TestCase(0.0, 1e-12)]
    [TestCase(3.5e-4, 1e-4)]
    public void DiffusionSorptionBalancesMassWithTheBoundaryFluxes(double kF, double tolerance)
    {
        // With k_f = 0 the storage is linear and the balance is exact; otherwise the time
        // discretisation of the nonlinear storage leaves a small imbalance.
        var problem = DiffusionSorption1D.Create().WithParameter("k_f", kF);
        double d = problem.ValueOf("D"), phi = problem.ValueOf("phi"), rhoS = problem.ValueOf("rho_s"), nF = problem.ValueOf("n_f"), eps = problem.ValueOf("eps");
        var s = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 256, StepsPerOutput: 5, OutputIntervals: 20)).Integrate(problem);
        double Mass(int k)
        {
            double dx = 1.0 / s.Cells, sum = 0;
            foreach (double u in s.CellValues(k)) sum += (u + (1 - phi) / phi * rhoS * kF * Math.Pow(u + eps, nF)) * dx;
            return sum;
        }
        int last = s.Times.Count - 1;
        double inflow = d * (s.BoundaryGradients[last].Right - s.BoundaryGradients[last].Left);
        double change = Mass(last) - Mass(0);
        double imbalance = Math.Abs(change - inflow) / change;
        TestContext.Out.WriteLine($"k_f = {kF}: mass change {change:E8}, boundary flux {inflow:E8}, relative imbalance {imbalance:E2}; {s.Metadata["steps"]} steps, Newton {s.Metadata["newton_iterations_max"]} at most, {s.Seconds:F2} s");
        Assert.That(imbalance, Is.LessThan(tolerance));
        Assert.That(s.CellValues(last).ToArray().Min(), Is.GreaterThan(0));
    }

    [Test]
    public void OtherFormsAreRefusedNamingTheTerm()
    {
        var u = Unknown.Scalar("u");
        var advection = Problem.Named("advection-diffusion").On(new Interval(0, 1)).During(0, 1)
            .Solve(Dt(u) + Dx(u) - Laplacian(u) == 0).With(Dirichlet.On("left, right", 0)).With(new InitialCondition(Sin(Math.PI * X)));
        Assert.That(() => new FiniteVolumeSolver().Integrate(advection), Throws.TypeOf<NotSupportedException>().With.Message.Contains("u_x"));
        Assert.That(() => new FiniteVolumeSolver().Integrate(Convection1D.Create()), Throws.TypeOf<NotSupportedException>().With.Message.Contains("periodic"));
    }
}
