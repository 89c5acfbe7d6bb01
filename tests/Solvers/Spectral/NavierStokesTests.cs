using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers.Spectral;

public class NavierStokesTests
{
    private static readonly double TwoPi = 2 * Math.PI;

    private static Problem Flow(double nu, double amplitude, Expr psi0, double end) =>
        NavierStokes2D.Create().WithParameter("nu", nu).WithParameter("amplitude", amplitude).With(new InitialCondition(psi0)) with { Time = new TimeInterval(0, end) };

    [Test]
    public void TaylorGreenVortexDecaysAsExactlyAsCrankNicolsonAllows()
    {
        double nu = 0.01, decay = 8 * Math.PI * Math.PI * nu;
        // ψ0 = sin 2πx sin 2πy / (8π²), so w0 = sin 2πx sin 2πy: a function of ψ, whose advection vanishes.
        var problem = Flow(nu, 0, Sin(TwoPi * X) * Sin(TwoPi * Y) / (8 * Math.PI * Math.PI), 1);
        // Error against the exact decay e^(-8π²νt), and against the Crank–Nicolson factor ((1 - z/2)/(1 + z/2))^steps.
        (double Exact, double Discrete) Error(double dt)
        {
            var solution = new SpectralSolver(new SpectralOptions(GridPoints: 16, TimeStep: dt, OutputIntervals: 4)).Integrate(problem);
            var w = ((NavierStokesSolution)solution).Vorticity(4);
            var grid = solution.Grid;
            double z = decay * dt, factor = Math.Pow((1 - z / 2) / (1 + z / 2), Math.Round(1 / dt));
            double exact = 0, discrete = 0;
            for (int j = 0; j < w.Length; j++)
            {
                double mode = Math.Sin(TwoPi * grid.Coordinate(0, j % 16)) * Math.Sin(TwoPi * grid.Coordinate(1, j / 16));
                exact = Math.Max(exact, Math.Abs(w[j] - Math.Exp(-decay) * mode));
                discrete = Math.Max(discrete, Math.Abs(w[j] - factor * mode));
            }
            return (exact, discrete);
        }
        var (coarse, fine) = (Error(0.05), Error(0.025));
        TestContext.Out.WriteLine($"Taylor-Green errors {coarse.Exact:E3}, {fine.Exact:E3}, order {Math.Log2(coarse.Exact / fine.Exact):F3}; vs the Crank-Nicolson factor {fine.Discrete:E2}");
        Assert.That(Math.Log2(coarse.Exact / fine.Exact), Is.InRange(1.95, 2.05));
        Assert.That(fine.Discrete, Is.LessThan(1e-13));
    }

    [Test]
    public void KolmogorovForcingDrivesTheExactSingleModeFlow()
    {
        // From rest the flow stays a multiple of the forcing, whose advection vanishes:
        // w = A(t) (sin 2π(x+y) + cos 2π(x+y)), A' = -8π²ν A + a.
        double nu = 0.01, a = 0.1, lambda = 8 * Math.PI * Math.PI, end = 2;
        var problem = Flow(nu, a, 0, end);
        var solution = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 16, TimeStep: 0.005, OutputIntervals: 10)).Integrate(problem);
        double amplitude = a / (lambda * nu) * (1 - Math.Exp(-lambda * nu * end));
        double worst = 0;
        var grid = solution.Grid;
        var w = solution.Vorticity(10);
        for (int j = 0; j < w.Length; j++)
        {
            double s = TwoPi * (grid.Coordinate(0, j % 16) + grid.Coordinate(1, j / 16));
            worst = Math.Max(worst, Math.Abs(w[j] - amplitude * (Math.Sin(s) + Math.Cos(s))));
        }
        TestContext.Out.WriteLine($"amplitude {amplitude:F6}, max vorticity error {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-6 * amplitude));
    }

    [Test]
    public void MeanVorticityStaysZeroAndTheEnergyBudgetCloses()
    {
        // The default three-mode initial state, unforced, at ν = 1e-3: nonlinear transfer.
        var problem = NavierStokes2D.Create().WithParameter("amplitude", 0) with { Time = new TimeInterval(0, 2) };
        double nu = problem.ValueOf("nu");
        var solution = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 32, TimeStep: 2e-3, OutputIntervals: 200)).Integrate(problem);
        int last = solution.Times.Count - 1;
        double mean = Enumerable.Range(0, last + 1).Max(k => Math.Abs(solution.MeanVorticity(k)));
        // dE/dt = -2ν Z for the dealiased (Galerkin) system; integrate Z by the trapezoidal rule.
        double dissipated = 0;
        for (int k = 1; k <= last; k++) dissipated += (solution.Times[k] - solution.Times[k - 1]) * (solution.Enstrophy(k) + solution.Enstrophy(k - 1));
        dissipated *= nu;
        double e0 = solution.Energy(0), e1 = solution.Energy(last);
        double budget = Math.Abs(e1 - e0 + dissipated) / e0;
        TestContext.Out.WriteLine($"max |mean w| {mean:E2}; E0 {e0:E6}, E(T) {e1:E6}, 2ν∫Z {dissipated:E6}, budget error {budget:E2}; Z0 {solution.Enstrophy(0):F6}, Z(T) {solution.Enstrophy(last):F6}");
        Assert.That(mean, Is.LessThan(1e-13));
        Assert.That(e1, Is.LessThan(e0));
        Assert.That(budget, Is.LessThan(1e-6));
    }

    [Test]
    public void InviscidEnergyAndEnstrophyDriftVanishesAtSecondOrder()
    {
        var problem = NavierStokes2D.Create().WithParameter("amplitude", 0).WithParameter("nu", 0) with { Time = new TimeInterval(0, 1) };
        (double Energy, double Enstrophy) Drift(double dt)
        {
            var s = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 32, TimeStep: dt, OutputIntervals: 1)).Integrate(problem);
            return (Math.Abs(s.Energy(1) / s.Energy(0) - 1), Math.Abs(s.Enstrophy(1) / s.Enstrophy(0) - 1));
        }
        var (coarse, fine) = (Drift(0.02), Drift(0.01));
        TestContext.Out.WriteLine($"relative drift: energy {coarse.Energy:E2} -> {fine.Energy:E2}, enstrophy {coarse.Enstrophy:E2} -> {fine.Enstrophy:E2}");
        Assert.That(fine.Energy, Is.LessThan(1e-5));
        Assert.That(fine.Enstrophy, Is.LessThan(1e-5));
        Assert.That(coarse.Energy / fine.Energy, Is.GreaterThan(3.5));
        Assert.That(coarse.Enstrophy / fine.Enstrophy, Is.GreaterThan(3.5));
    }

    [Test]
    public void HeunIsSecondOrderAndTheFnoEulerSchemeFirstOrder()
    {
        var problem = NavierStokes2D.Create() with { Time = new TimeInterval(0, 1) };
        double[] Final(SpectralScheme scheme, double dt) =>
            new SpectralSolver(new SpectralOptions(GridPoints: 32, Scheme: scheme, TimeStep: dt, OutputIntervals: 1)).Integrate(problem).GridValues(1).ToArray();
        var reference = Final(SpectralScheme.HeunCrankNicolson, 1e-3);
        double Error(SpectralScheme scheme, double dt) => Final(scheme, dt).Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        double heun = Math.Log2(Error(SpectralScheme.HeunCrankNicolson, 0.04) / Error(SpectralScheme.HeunCrankNicolson, 0.02));
        double euler = Math.Log2(Error(SpectralScheme.EulerCrankNicolson, 0.02) / Error(SpectralScheme.EulerCrankNicolson, 0.01));
        TestContext.Out.WriteLine($"observed orders: Heun-CN {heun:F2}, Euler-CN {euler:F2}");
        Assert.That(heun, Is.InRange(1.8, 2.2));
        Assert.That(euler, Is.InRange(0.85, 1.15));
    }
}
