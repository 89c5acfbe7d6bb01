using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers.Spectral;

public class SpectralEvolution1DTests
{
    private static double MaxError(PeriodicGridSolution solution, int snapshot, Func<double, double, double> exact)
    {
        double t = solution.Times[snapshot], worst = 0;
        var values = solution.GridValues(snapshot);
        for (int j = 0; j < values.Length; j++) worst = Math.Max(worst, Math.Abs(values[j] - exact(solution.Grid.Coordinate(0, j), t)));
        return worst;
    }

    private static double Rate(double coarse, double fine, double ratio = 2) => Math.Log(coarse / fine) / Math.Log(ratio);

    [Test]
    public void ConvectionIsReproducedToRoundOff()
    {
        var problem = Convection1D.Create().WithParameter("beta", 30);
        var solution = new SpectralSolver(new SpectralOptions(GridPoints: 256)).Integrate(problem);
        double worst = Enumerable.Range(0, solution.Times.Count).Max(k => MaxError(solution, k, (x, t) => Math.Sin(x - 30 * t)));
        var points = new[] { 0.1234, 1.5, 3.3, 6.0 };
        double offGrid = points.Max(x => Math.Abs(solution.Evaluate([x], 0.537)[0] - Math.Sin(x - 30 * 0.537)));
        TestContext.Out.WriteLine($"max error on the grid {worst:E2}, between grid points and output times {offGrid:E2}; metadata {string.Join(", ", solution.Metadata)}");
        Assert.That(worst, Is.LessThan(1e-12));
        Assert.That(solution.Metadata["explicit_term"], Is.EqualTo("none"));
        Assert.That(solution.Metadata["linear_advection"], Is.EqualTo(30.0));
        // Between output times the cubic interpolation in t dominates: (βΔt)^4/24 with βΔt = 0.3.
        Assert.That(offGrid, Is.LessThan(1e-3));
    }

    [Test]
    public void ReactionDiffusionEtdrk4AndStrangAgreeAndConvergeAtTheirOrders()
    {
        var problem = ReactionDiffusion1D.Create();
        PeriodicGridSolution Run(SpectralScheme scheme, double dt) =>
            new SpectralSolver(new SpectralOptions(GridPoints: 64, Scheme: scheme, TimeStep: dt, OutputIntervals: 10)).Integrate(problem);
        double Difference(PeriodicGridSolution a, PeriodicGridSolution b)
        {
            int last = a.Times.Count - 1;
            var (u, v) = (a.GridValues(last).ToArray(), b.GridValues(last).ToArray());
            return u.Zip(v, (p, q) => Math.Abs(p - q)).Max();
        }
        var reference = Run(SpectralScheme.Etdrk4, 1e-3);
        var etdrk4 = new[] { 0.05, 0.025 }.Select(dt => Difference(Run(SpectralScheme.Etdrk4, dt), reference)).ToArray();
        var strang = new[] { 0.02, 0.01, 0.005 }.Select(dt => Difference(Run(SpectralScheme.Strang, dt), reference)).ToArray();
        var fineStrang = Difference(Run(SpectralScheme.Strang, 2.5e-4), reference);
        TestContext.Out.WriteLine($"ETDRK4 errors {string.Join(", ", etdrk4.Select(e => e.ToString("E2")))}, rate {Rate(etdrk4[0], etdrk4[1]):F2}");
        TestContext.Out.WriteLine($"Strang errors {string.Join(", ", strang.Select(e => e.ToString("E2")))}, rates {Rate(strang[0], strang[1]):F2}, {Rate(strang[1], strang[2]):F2}; at dt = 2.5e-4: {fineStrang:E2}");
        Assert.That(Rate(etdrk4[0], etdrk4[1]), Is.InRange(3.6, 4.6));
        Assert.That(Rate(strang[1], strang[2]), Is.InRange(1.9, 2.1));
        Assert.That(fineStrang, Is.LessThan(1e-5));
    }

    [Test]
    public void BurgersMatchesColeHopfAndConservesMass()
    {
        var problem = Burgers1D.Create().WithParameter("nu", 0.05).WithParameter("C", 2);
        var solution = new SpectralSolver(new SpectralOptions(GridPoints: 256)).Integrate(problem);
        var exact = BurgersColeHopf.Sine(0.05, 1, 1, mean: 2);
        double worst = 0;
        foreach (int k in new[] { 25, 50, 100 }) worst = Math.Max(worst, MaxError(solution, k, exact.Value));
        var mass = Enumerable.Range(0, solution.Times.Count).Select(k => solution.GridValues(k).ToArray().Average()).ToArray();
        double drift = mass.Max(m => Math.Abs(m - mass[0]));
        TestContext.Out.WriteLine($"max error vs Cole-Hopf {worst:E2}, mass drift {drift:E2}, {solution.Metadata["steps"]} steps, tail {solution.Metadata["spectral_tail"]:E1}, {solution.Seconds:F2} s");
        Assert.That(worst, Is.LessThan(1e-8));
        Assert.That(drift, Is.LessThan(1e-13));
    }

    [Test]
    public void AutomaticResolutionRefinesTheGridForASteepFront()
    {
        var problem = Burgers1D.Create().WithParameter("C", 50);
        var solution = new SpectralSolver(new SpectralOptions(ResolutionTolerance: 1e-8)).Integrate(problem);
        var exact = BurgersColeHopf.Sine(0.01, 1, 1, mean: 50);
        double worst = MaxError(solution, solution.Times.Count - 1, exact.Value);
        TestContext.Out.WriteLine($"{solution.Grid.Points} points, tail {solution.Metadata["spectral_tail"]:E1}, max error at t = 1 vs Cole-Hopf {worst:E2}, {solution.Seconds:F2} s");
        Assert.That(solution.Grid.Points, Is.GreaterThan(256));
        Assert.That(solution.Metadata["resolution_met"], Is.True);
        Assert.That(worst, Is.LessThan(1e-8));
    }

    [Test]
    public void TheClassicShockReachesThePublishedSteepestSlope()
    {
        var problem = BurgersShock1D.Create();
        var exact = BurgersColeHopf.Sine(0.01 / Math.PI, -1, Math.PI);
        double coleHopf = exact.Slope(0, BurgersShock1D.SteepestTime);
        var shortened = problem with { Time = new TimeInterval(0, BurgersShock1D.SteepestTime) };
        var solution = new SpectralSolver(new SpectralOptions(GridPoints: 1024, Courant: 1, OutputIntervals: 1)).Integrate(shortened);
        var values = solution.GridValues(1).ToArray();
        // Slope at x = 0 from the spectral derivative.
        var fft = new RealFourierTransform(values.Length);
        var spectrum = new System.Numerics.Complex[values.Length / 2 + 1];
        fft.Forward(values, spectrum);
        var grid = solution.Grid;
        for (int k = 0; k < spectrum.Length; k++) spectrum[k] *= new System.Numerics.Complex(0, grid.OddWavenumber(0, k));
        var slope = new double[values.Length];
        fft.Inverse(spectrum, slope);
        double spectral = slope[values.Length / 2];
        TestContext.Out.WriteLine($"steepest slope: Cole-Hopf {coleHopf:F5}, spectral (n = 1024) {spectral:F5}, published -{BurgersShock1D.SteepestSlope}; {solution.Metadata["steps"]} steps, {solution.Seconds:F2} s");
        Assert.That(coleHopf, Is.EqualTo(-BurgersShock1D.SteepestSlope).Within(2e-3));
        Assert.That(spectral, Is.EqualTo(coleHopf).Within(1e-3 * Math.Abs(coleHopf)));
    }
}
