using System.Numerics;
using PdeNet.Core.Symbolic;
using PdeNet.Problems;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Tests.Solvers;

public class NavierStokesParametricTests
{
    // The automatic (Courant 0.5) step keeps these tests fast; its error, about 1e-4 relative, is far below the residuals measured here.
    private static SpectralSolver Solver(NavierStokesParametric2D problem, int? gridPoints = null, double? timeStep = null) =>
        new(new SpectralOptions(GridPoints: gridPoints, TimeStep: timeStep, OutputIntervals: problem.TimeCount - 1));

    [Test]
    public void DefaultsChangeTheVorticityWhileTheGridRowsStayAccurate()
    {
        const int n = 16;
        var problem = new NavierStokesParametric2D();
        var solver = Solver(problem);
        double change = 0, initial = 0, residual = 0, rate = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int index = 0; index < 10; index++)
        {
            var w = problem.Reference(problem.Draw(0, index, n), solver);
            int last = (problem.TimeCount - 1) * n * n;
            for (int p = 0; p < n * n; p++)
            {
                change += Math.Pow(w[last + p] - w[p], 2);
                initial += w[p] * w[p];
            }
            var (r, wt) = VorticityResidual(w, n, problem.TimeCount, problem.EndTime / (problem.TimeCount - 1), problem.Viscosity);
            residual += r;
            rate += wt;
        }
        double relativeChange = Math.Sqrt(change / initial), relativeResidual = Math.Sqrt(residual / rate);
        TestContext.Out.WriteLine($"nu {problem.Viscosity}, T {problem.EndTime}, K {problem.Field.Modes}, nt {problem.TimeCount}, R {n}: ||w(T) - w0||/||w0|| = {relativeChange:G3}, BDF2 + spectral residual ||r||/||w_t|| = {relativeResidual:G3} over 10 samples ({watch.Elapsed.TotalSeconds:F1} s)");
        Assert.That(relativeChange, Is.InRange(0.3, 1.0));
        Assert.That(relativeResidual, Is.LessThan(0.05));
    }

    [Test]
    public void OutputAtResolution16DoesNotDependOnTheSolverGrid()
    {
        var problem = new NavierStokesParametric2D();
        var sample = problem.Draw(0, 0, 16);
        // At the same time step the 64² grid is converged (the time error of the automatic step, ~1e-4, is why the data use a fixed one).
        double step = 2 * problem.ReferenceTimeStep!.Value;
        var coarse = problem.Reference(sample, Solver(problem, 64, step));
        var fine = problem.Reference(sample, Solver(problem, 128, step));
        double Difference(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(q => q * q));
        TestContext.Out.WriteLine($"solver grid 64 vs 128 at time step {step}: relative L2 difference of the R = 16 output {Difference(coarse, fine):G3}");
        Assert.That(Difference(coarse, fine), Is.LessThan(1e-10));
        var halved = problem.Reference(sample, Solver(problem, 64, step / 2));
        TestContext.Out.WriteLine($"time step {step} vs {step / 2} on the 64² grid: {Difference(coarse, halved):G3}");
        Assert.That(Difference(coarse, halved), Is.LessThan(1e-6));
    }

    [Test]
    public void SamplesAreSeededAndStartAtTheirInput()
    {
        var problem = new NavierStokesParametric2D(times: 3);
        const int n = 8;
        var sample = problem.Draw(3, 7, n);
        var w0 = sample.Inputs["w0"];
        Assert.That(w0, Has.Length.EqualTo(n * n));
        Assert.That(problem.Draw(3, 7, n).Inputs["w0"], Is.EqualTo(w0), "a pure function of (seed, index)");
        Assert.That(problem.Draw(3, 8, n).Inputs["w0"], Is.Not.EqualTo(w0));
        var field = problem.InitialState(3, 7);
        Assert.That(w0[2 * n + 5], Is.EqualTo(field.Value(2.0 / n, 5.0 / n)).Within(1e-14), "row-major, x slowest");
        Assert.That(problem.Coordinates(n)[0], Is.EqualTo(Enumerable.Range(0, n).Select(i => (double)i / n)));
        Assert.That(problem.OutputTimes(n), Is.EqualTo(new[] { 0.0, 0.5, 1.0 }));
        Assert.That(() => problem.Draw(0, 0, 3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("resolution"));

        var w = problem.Reference(sample, Solver(problem));
        Assert.That(w, Has.Length.EqualTo(3 * n * n));
        Assert.That(w[..(n * n)], Is.EqualTo(w0), "the output at t = 0 is the input");
        Assert.That(w.All(double.IsFinite), Is.True);
    }

    [Test]
    public void OutputIsTheSolversVorticityAtTheGridPoints()
    {
        var problem = new NavierStokesParametric2D(times: 3);
        const int n = 16, m = 64;
        var sample = problem.Draw(1, 4, n);
        var solver = Solver(problem, m);
        var output = problem.Reference(sample, solver);
        var solution = (NavierStokesSolution)solver.Solve(sample.Problem!);
        Assert.That(solution.Times, Is.EqualTo(problem.OutputTimes(n)).Within(1e-12));
        double scale = output.Max(Math.Abs), worst = 0;
        for (int k = 0; k < 3; k++)
        {
            var grid = solution.Vorticity(k);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++) worst = Math.Max(worst, Math.Abs(output[(k * n + i) * n + j] - grid[m / n * i + m * (m / n * j)]));
            }
        }
        Assert.That(worst, Is.LessThan(1e-12 * scale), "the solver's grid vorticity (x fastest) at (i/n, j/n), and w0 at t = 0");
    }

    [Test]
    public void ObservedIsTheTemplatesVorticity()
    {
        var problem = new NavierStokesParametric2D();
        var template = problem.Template;
        var observed = problem.Observed;
        Assert.That(template.Unknown.Name, Is.EqualTo("psi"));
        Assert.That(template.Time!.End, Is.EqualTo(problem.EndTime));
        Assert.That(template.ValueOf(template.Parameters.Single(p => p.Name == "nu")), Is.EqualTo(problem.Viscosity));
        Assert.That(template.Equation!.Residual.Contains(e => ReferenceEquals(e, observed)), Is.True, "the same expression object as in the equation");

        var psi = template.Unknown;
        var xx = psi.Base.DifferentiateSpace(0).DifferentiateSpace(0);
        var yy = psi.Base.DifferentiateSpace(1).DifferentiateSpace(1);
        var layout = new VariableLayout(2, [xx, yy]);
        var lowered = ExpressionCompiler.Compile(Lowering.Lower(observed, 2), layout, p => p.DefaultValue);
        var expected = ExpressionCompiler.Compile(Lowering.Lower(-(Expr)xx - yy, 2), layout, p => p.DefaultValue);
        var random = new Random(5);
        for (int trial = 0; trial < 5; trial++)
        {
            var v = Enumerable.Range(0, layout.Count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            Assert.That(lowered(v), Is.EqualTo(expected(v)).Within(1e-14), "-(psi_xx + psi_yy)");
        }
        Assert.That(ParametricProblemLibrary.Get(NavierStokesParametric2D.ProblemName), Is.InstanceOf<NavierStokesParametric2D>());
        Assert.That(ParametricProblemLibrary.Names, Does.Contain("navier-stokes-2d-vorticity"));
    }

    /// <summary>
    /// Σ r² and Σ w_t² over levels 1 … nt − 1 of the vorticity equation r = w_t + u·∇w − ν Δw − f on the
    /// n × n output grid (x slowest): w_t by BDF2 (backward Euler at level 1), space derivatives spectral.
    /// </summary>
    private static (double Residual, double Rate) VorticityResidual(double[] w, int n, int times, double dt, double nu)
    {
        // The grid is x slowest, so the transform's fast axis (its "x") is y here.
        var fft = new RealFourierTransform2D(n);
        int c = n / 2 + 1, size = n * n;
        double K(int k) => 2 * Math.PI * (k <= n / 2 ? k : k - n);
        double Odd(int k) => k == n / 2 ? 0 : K(k);
        double[] Apply(Complex[] spectrum, Func<int, int, Complex> multiplier)
        {
            var work = new Complex[spectrum.Length];
            for (int b = 0; b < n; b++)
            {
                for (int a = 0; a < c; a++) work[a + c * b] = multiplier(b, a) * spectrum[a + c * b];
            }
            var values = new double[size];
            fft.Inverse(work, values);
            return values;
        }
        double residual = 0, rate = 0;
        for (int k = 1; k < times; k++)
        {
            var level = w.AsSpan(k * size, size);
            var spectrum = new Complex[n * c];
            fft.Forward(level, spectrum);
            double Lambda(int kx, int ky) => K(kx) * K(kx) + K(ky) * K(ky);
            var u = Apply(spectrum, (kx, ky) => Lambda(kx, ky) == 0 ? 0 : new Complex(0, Odd(ky) / Lambda(kx, ky)));
            var v = Apply(spectrum, (kx, ky) => Lambda(kx, ky) == 0 ? 0 : new Complex(0, -Odd(kx) / Lambda(kx, ky)));
            var wx = Apply(spectrum, (kx, _) => new Complex(0, Odd(kx)));
            var wy = Apply(spectrum, (_, ky) => new Complex(0, Odd(ky)));
            var laplacian = Apply(spectrum, (kx, ky) => -Lambda(kx, ky));
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    int p = i * n + j;
                    double x = (double)i / n, y = (double)j / n;
                    double wt = k == 1
                        ? (w[k * size + p] - w[(k - 1) * size + p]) / dt
                        : (3 * w[k * size + p] - 4 * w[(k - 1) * size + p] + w[(k - 2) * size + p]) / (2 * dt);
                    double f = 0.1 * (Math.Sin(2 * Math.PI * (x + y)) + Math.Cos(2 * Math.PI * (x + y)));
                    double r = wt + u[p] * wx[p] + v[p] * wy[p] - nu * laplacian[p] - f;
                    residual += r * r;
                    rate += wt * wt;
                }
            }
        }
        return (residual, rate);
    }
}
