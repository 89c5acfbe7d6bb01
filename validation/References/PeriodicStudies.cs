using PdeNet.Core.Problems;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Validation.References;

/// <summary>The 1D periodic problems: convection, reaction–diffusion, Burgers.</summary>
internal static class PeriodicStudies
{
    private static double MaxError(PeriodicGridSolution s, int k, Func<double, double, double> exact)
    {
        var values = s.GridValues(k);
        double worst = 0;
        for (int j = 0; j < values.Length; j++) worst = Math.Max(worst, Math.Abs(values[j] - exact(s.Grid.Coordinate(0, j), s.Times[k])));
        return worst;
    }

    private static double Difference(PeriodicGridSolution a, PeriodicGridSolution b)
    {
        int last = a.Times.Count - 1;
        var (u, v) = (a.GridValues(last).ToArray(), b.GridValues(last).ToArray());
        return u.Zip(v, (p, q) => Math.Abs(p - q)).Max();
    }

    public static void Convection(ValidationReport report)
    {
        var add = report.Table("convection-1d: u_t + beta u_x = 0, u0 = sin x, 256 points, 100 output intervals (ETDRK4)", "beta", "max error on the grid (all outputs)", "rel. L2 on the 256 x 101 grid", "steps", "seconds");
        double worst = 0;
        foreach (double beta in new[] { 1.0, 10, 30, 50 })
        {
            var s = new SpectralSolver(new SpectralOptions(GridPoints: 256)).Integrate(Convection1D.Create().WithParameter("beta", beta));
            double max = 0, error = 0, norm = 0;
            for (int k = 0; k < s.Times.Count; k++)
            {
                var values = s.GridValues(k);
                for (int j = 0; j < values.Length; j++)
                {
                    double exact = Math.Sin(s.Grid.Coordinate(0, j) - beta * s.Times[k]);
                    max = Math.Max(max, Math.Abs(values[j] - exact));
                    error += (values[j] - exact) * (values[j] - exact);
                    norm += exact * exact;
                }
            }
            worst = Math.Max(worst, max);
            add([beta, max, Math.Sqrt(error / norm), s.Metadata["steps"], s.Seconds]);
        }
        report.Figure("convection_max_error", worst);
        report.Target("convection reproduced to round-off (max error < 1e-12 for beta up to 50)", worst < 1e-12);
        report.Note("Convection is linear with constant coefficients, so the whole equation is the exactly integrated linear part: one step per output interval and nothing explicit.");
    }

    public static void ReactionDiffusion(ValidationReport report)
    {
        var problem = ReactionDiffusion1D.Create();
        PeriodicGridSolution Run(SpectralScheme scheme, double dt) =>
            new SpectralSolver(new SpectralOptions(GridPoints: 128, Scheme: scheme, TimeStep: dt)).Integrate(problem);
        var reference = Run(SpectralScheme.Etdrk4, 1e-4);
        var add = report.Table("reaction-diffusion-1d (nu = 3, rho = 5, t = 1): 128 points: max difference at t = 1 from ETDRK4 with dt = 1e-4", "scheme", "dt", "max difference", "observed order", "seconds");
        double strangOrder = double.NaN, etdOrder = double.NaN;
        foreach (var (scheme, steps) in new[] { (SpectralScheme.Etdrk4, new[] { 0.01, 0.005, 0.0025 }), (SpectralScheme.Strang, new[] { 0.01, 0.005, 0.0025, 0.00125 }) })
        {
            double previous = double.NaN;
            foreach (double dt in steps)
            {
                var s = Run(scheme, dt);
                double difference = Difference(s, reference);
                double order = Math.Log2(previous / difference);
                add([scheme.ToString(), dt, difference, double.IsNaN(order) ? null : order, s.Seconds]);
                previous = difference;
                if (scheme == SpectralScheme.Strang) strangOrder = order;
                else etdOrder = order;
            }
        }
        report.Figure("reaction_diffusion_strang_order", strangOrder);
        report.Figure("reaction_diffusion_etdrk4_order", etdOrder);
        report.Target("Strang splitting (exact logistic step) converges at order 2 (1.9 to 2.1) to the ETDRK4 solution", strangOrder is >= 1.9 and <= 2.1);
        report.Note("The failure-mode paper's generator takes a full reaction step then a full diffusion step (Lie splitting, first order) and labels its 100 snapshots with t = linspace(0, 1, 100) while stepping by 1/100; PdeNet's Strang and ETDRK4 solutions are second and fourth order at the stated times.");
    }

    public static void Burgers(ValidationReport report)
    {
        var add = report.Table("burgers-1d: u_t + u u_x = nu u_xx, u0 = sin x + C, t = 1, automatic resolution (tail < 1e-10), against the Cole-Hopf solution", "nu", "C", "grid points", "max error at t = 1", "mass drift", "steps", "seconds");
        double worst = 0, drift = 0;
        foreach (var (nu, c) in new[] { (0.1, 0.0), (0.01, 0.0), (0.01, 50.0) })
        {
            var s = new SpectralSolver().Integrate(Burgers1D.Create().WithParameter("nu", nu).WithParameter("C", c));
            var exact = BurgersColeHopf.Sine(nu, 1, 1, c);
            int last = s.Times.Count - 1;
            double error = MaxError(s, last, exact.Value);
            double mean0 = s.GridValues(0).ToArray().Average();
            double massDrift = Enumerable.Range(0, last + 1).Max(k => Math.Abs(s.GridValues(k).ToArray().Average() - mean0));
            worst = Math.Max(worst, error);
            drift = Math.Max(drift, massDrift);
            add([nu, c, s.Grid.Points, error, massDrift, s.Metadata["steps"], s.Seconds]);
        }
        report.Figure("burgers_max_error_vs_cole_hopf", worst);
        report.Figure("burgers_mass_drift", drift);
        report.Target("Burgers within 1e-6 of Cole-Hopf at t = 1", worst < 1e-6);
        report.Target("Burgers mean conserved to 1e-12", drift < 1e-12);
    }

    public static void BurgersShock(ValidationReport report)
    {
        double t = BurgersShock1D.SteepestTime, published = BurgersShock1D.SteepestSlope;
        double coleHopf = -BurgersColeHopf.Sine(0.01 / Math.PI, -1, Math.PI).Slope(0, t);
        var add = report.Table($"burgers-shock-1d: u0 = -sin(pi x) on [-1, 1], nu = 0.01/pi: |u_x(0, t)| at t = 1.6037/pi (published 152.00516, Basdevant et al. 1986)", "grid points", "|u_x(0, t)|", "relative error vs published", "steps", "seconds");
        add(["Cole-Hopf (trapezoidal quadrature)", coleHopf, Math.Abs(coleHopf - published) / published, null, null]);
        double finest = double.NaN;
        foreach (int n in new[] { 1024, 2048, 4096 })
        {
            var problem = BurgersShock1D.Create() with { Time = new TimeInterval(0, t) };
            var s = new SpectralSolver(new SpectralOptions(GridPoints: n, OutputIntervals: 1)).Integrate(problem);
            finest = Math.Abs(Slope(s));
            add([n, finest, Math.Abs(finest - published) / published, s.Metadata["steps"], s.Seconds]);
        }
        report.Figure("burgers_shock_slope", finest);
        report.Target("steepest slope within 1e-5 of the published 152.00516 (4096 points) and Cole-Hopf within 1e-6", Math.Abs(finest - published) / published < 1e-5 && Math.Abs(coleHopf - published) / published < 1e-6);
    }

    private static double Slope(PeriodicGridSolution s)
    {
        var values = s.GridValues(1).ToArray();
        int n = values.Length;
        var fft = new RealFourierTransform(n);
        var spectrum = new System.Numerics.Complex[n / 2 + 1];
        fft.Forward(values, spectrum);
        for (int k = 0; k < spectrum.Length; k++) spectrum[k] *= new System.Numerics.Complex(0, s.Grid.OddWavenumber(0, k));
        var slope = new double[n];
        fft.Inverse(spectrum, slope);
        return slope[n / 2];
    }
}
