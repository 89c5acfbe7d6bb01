using PdeNet.Core.Problems;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Validation.References;

/// <summary>2D Navier–Stokes on the torus: exact decays, the energy budget, orders and cost.</summary>
internal static class NavierStokesStudies
{
    private const double TwoPi = 2 * Math.PI;

    public static void Run(ValidationReport report)
    {
        TaylorGreen(report);
        Kolmogorov(report);
        Budget(report);
        Cost(report);
    }

    private static Problem Flow(double nu, double amplitude, PdeNet.Core.Symbolic.Expr? psi0, double end)
    {
        var problem = NavierStokes2D.Create().WithParameter("nu", nu).WithParameter("amplitude", amplitude);
        if (psi0 is not null) problem = problem.With(new InitialCondition(psi0));
        return problem with { Time = new TimeInterval(0, end) };
    }

    private static void TaylorGreen(ValidationReport report)
    {
        double nu = 0.01, decay = 8 * Math.PI * Math.PI * nu;
        var problem = Flow(nu, 0, Sin(TwoPi * X) * Sin(TwoPi * Y) / (8 * Math.PI * Math.PI), 1);
        var add = report.Table("Taylor-Green vortex w = e^(-8 pi^2 nu t) sin 2 pi x sin 2 pi y (nu = 0.01, t = 1, 16^2): max vorticity error", "dt", "max error", "observed order");
        double previous = double.NaN, order = double.NaN;
        foreach (double dt in new[] { 0.1, 0.05, 0.025, 0.0125 })
        {
            var s = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 16, TimeStep: dt, OutputIntervals: 1)).Integrate(problem);
            var w = s.Vorticity(1);
            double error = 0;
            for (int j = 0; j < w.Length; j++)
                error = Math.Max(error, Math.Abs(w[j] - Math.Exp(-decay) * Math.Sin(TwoPi * s.Grid.Coordinate(0, j % 16)) * Math.Sin(TwoPi * s.Grid.Coordinate(1, j / 16))));
            order = Math.Log2(previous / error);
            add([dt, error, double.IsNaN(order) ? null : order]);
            previous = error;
        }
        report.Figure("taylor_green_order", order);
        report.Target("Taylor-Green decay converges at order 2 (Crank-Nicolson)", order is >= 1.95 and <= 2.05);
    }

    private static void Kolmogorov(ValidationReport report)
    {
        double nu = 0.01, a = 0.1, lambda = 8 * Math.PI * Math.PI, end = 2;
        var s = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 32, TimeStep: 0.005, OutputIntervals: 1)).Integrate(Flow(nu, a, 0, end));
        double amplitude = a / (lambda * nu) * (1 - Math.Exp(-lambda * nu * end)), error = 0;
        var w = s.Vorticity(1);
        for (int j = 0; j < w.Length; j++)
        {
            double phase = TwoPi * (s.Grid.Coordinate(0, j % 32) + s.Grid.Coordinate(1, j / 32));
            error = Math.Max(error, Math.Abs(w[j] - amplitude * (Math.Sin(phase) + Math.Cos(phase))));
        }
        var add = report.Table("Kolmogorov forcing 0.1(sin 2 pi (x+y) + cos 2 pi (x+y)) from rest (nu = 0.01, t = 2, 32^2, dt = 0.005): the flow stays a multiple of the forcing", "exact amplitude", "max vorticity error", "relative");
        add([amplitude, error, error / amplitude]);
        report.Figure("kolmogorov_relative_error", error / amplitude);
        report.Target("forced single-mode flow within 1e-5 relative", error / amplitude < 1e-5);
    }

    private static void Budget(ValidationReport report)
    {
        var add = report.Table("Default three-mode initial state, unforced: energy budget E(T) - E(0) + 2 nu int Z dt (T = 2, 64^2, 200 outputs) and inviscid drift", "nu", "dt", "E(0)", "E(T)", "budget error / E(0)", "enstrophy drift (nu = 0)", "max |mean w|");
        double worstBudget = 0;
        foreach (var (nu, dt) in new[] { (1e-3, 4e-3), (1e-3, 2e-3), (0.0, 4e-3), (0.0, 2e-3) })
        {
            var s = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 64, TimeStep: dt, OutputIntervals: 200)).Integrate(Flow(nu, 0, null, 2));
            int last = s.Times.Count - 1;
            double dissipated = 0;
            for (int k = 1; k <= last; k++) dissipated += (s.Times[k] - s.Times[k - 1]) * (s.Enstrophy(k) + s.Enstrophy(k - 1));
            dissipated *= nu;
            double budget = Math.Abs(s.Energy(last) - s.Energy(0) + dissipated) / s.Energy(0);
            double enstrophyDrift = nu == 0 ? Math.Abs(s.Enstrophy(last) / s.Enstrophy(0) - 1) : double.NaN;
            double mean = Enumerable.Range(0, last + 1).Max(k => Math.Abs(s.MeanVorticity(k)));
            worstBudget = Math.Max(worstBudget, budget);
            add([nu, dt, s.Energy(0), s.Energy(last), budget, double.IsNaN(enstrophyDrift) ? null : enstrophyDrift, mean]);
        }
        report.Figure("navier_stokes_budget_error", worstBudget);
        report.Target("energy budget closes to 1e-5 of E(0)", worstBudget < 1e-5);
        report.Note("With the 2/3 rule applied to a state that starts inside the kept modes, the semi-discrete system is the Galerkin truncation, which conserves energy and enstrophy without viscosity; the budget errors are those of the Heun-Crank-Nicolson time stepping and of the trapezoidal rule for int Z dt.");
    }

    private static void Cost(ValidationReport report)
    {
        var add = report.Table("Cost: default problem (nu = 1e-3), Heun-Crank-Nicolson", "grid", "steps", "dt", "seconds", "ms per step");
        foreach (var (n, end) in new[] { (64, 50.0), (128, 1.0), (256, 0.25) })
        {
            var s = new SpectralSolver(new SpectralOptions(GridPoints: n)).Integrate(Flow(1e-3, 0.1, null, end));
            long steps = (long)s.Metadata["steps"];
            add([$"{n}^2, T = {end}", steps, s.Metadata["time_step"], s.Seconds, 1000 * s.Seconds / steps]);
        }
        var lsm = new SpectralSolver().Integrate(Flow(1e-5, 0.1, null, 20));
        add([$"64^2, T = 20, nu = 1e-5 (LSM setting)", lsm.Metadata["steps"], lsm.Metadata["time_step"], lsm.Seconds, 1000 * lsm.Seconds / (long)lsm.Metadata["steps"]]);
        report.Note("The automatic step is 0.5 / max(|u|/h + |v|/h) per output interval; the FNO generator uses a fixed 1e-4 on 256^2.");
    }
}
