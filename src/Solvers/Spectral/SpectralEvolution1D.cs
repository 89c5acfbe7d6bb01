using System.Globalization;
using System.Numerics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The Fourier pseudo-spectral integration of u_t = ν u_xx - n(x, t, u, u_x) on a periodic
/// interval. With ū the mean of u(x, t0), the linear part L = ν ∂xx - a - b ∂x (a = ∂n/∂u and
/// b = ∂n/∂u_x at (ū, 0)) is diagonal in Fourier space and integrated exactly; the rest
/// n - a u - b u_x is evaluated on the grid with u_x computed spectrally and its transform
/// dealiased by the 2/3 rule. Time stepping is ETDRK4 or Strang splitting (exact linear step,
/// exact Riccati reaction step).
/// </summary>
internal sealed class SpectralEvolution1D
{
    private readonly PeriodicEvolutionEquation _equation;
    private readonly PeriodicGrid _grid;
    private readonly SpectralOptions _options;
    private readonly SpectralScheme _scheme;
    private readonly RealFourierTransform _fft;
    private readonly Complex[] _linear;
    private readonly double _a, _b;
    private readonly Func<double[], double>? _rest, _restInU, _restInUx;
    private readonly RiccatiReaction? _reaction;
    private readonly double[] _u, _ux, _r, _x, _jet;
    private readonly Complex[] _work;
    private readonly VariableLayout _layout;
    private readonly int _uSlot, _uxSlot;

    public SpectralEvolution1D(Problem problem, SpectralOptions options, int points)
    {
        _equation = PeriodicEvolutionEquation.Of(problem);
        _options = options;
        _scheme = options.Scheme switch
        {
            SpectralScheme.Automatic or SpectralScheme.Etdrk4 => SpectralScheme.Etdrk4,
            SpectralScheme.Strang => SpectralScheme.Strang,
            var other => throw new ArgumentException($"the scheme {other} integrates 2D Navier–Stokes; 1D problems use Etdrk4 or Strang", nameof(options)),
        };
        _grid = PeriodicGrid.Of(problem, points);
        int n = _grid.Points;
        _fft = new RealFourierTransform(n);
        (_u, _ux, _r, _x) = (new double[n], new double[n], new double[n], new double[n]);
        _work = new Complex[n / 2 + 1];
        for (int j = 0; j < n; j++) _x[j] = _grid.Coordinate(0, j);
        _layout = _equation.Layout;
        _jet = new double[_layout.Count];
        (_uSlot, _uxSlot) = (_layout.SlotOf(_equation.U), _layout.SlotOf(_equation.Ux));

        var initial = ExpressionCompilerFor(problem, Lowering.Lower(problem.Initial!.Value, 1));
        _jet[_layout.TimeSlot] = problem.Time!.Start;
        for (int j = 0; j < n; j++)
        {
            _jet[0] = _x[j];
            _u[j] = initial(_jet);
        }
        if (_u.Any(v => !double.IsFinite(v))) throw new GridSolveException($"problem '{problem.Name}': the initial condition {problem.Initial.Value} is not finite on the grid");
        Initial = (double[])_u.Clone();
        // The mean about which the linear part is taken; round-off of a zero mean is dropped.
        double mean = _u.Average();
        Mean = Math.Abs(mean) <= 1e-13 * _u.Max(Math.Abs) ? 0 : mean;
        (_a, _b) = _equation.LinearPartAt(Mean);
        // A constant advection b is removed by working in the frame moving with speed b when n does
        // not depend on x: the explicit part then no longer oscillates at frequency bκ within a step.
        FrameSpeed = _equation.Remainder.Contains(e => e is Coordinate) ? 0 : _b;
        _linear = new Complex[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++)
        {
            double kappa = _grid.Wavenumber(0, k);
            _linear[k] = new Complex(-_equation.Diffusivity * kappa * kappa - _a, -(_b - FrameSpeed) * _grid.OddWavenumber(0, k));
        }
        if (!_equation.RestVanishes(_a, _b))
        {
            _rest = _equation.Compile(_equation.Remainder);
            _restInU = _equation.Compile(_equation.DerivativeInU);
            _restInUx = _equation.Compile(_equation.DerivativeInUx);
        }
        if (_scheme == SpectralScheme.Strang) _reaction = RiccatiReaction.Of(_equation, _a, _b);
    }

    /// <summary>The initial grid values.</summary>
    public double[] Initial { get; }

    /// <summary>The mean ū of the initial state, about which the linear part is taken.</summary>
    public double Mean { get; }

    /// <summary>The speed of the frame the state is advanced in (b, or 0 when n depends on x).</summary>
    public double FrameSpeed { get; }

    public PeriodicGridSolution Run(IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var problem = _equation.Problem;
        var times = TimeMarching.OutputTimes(problem.Time!, _options.OutputIntervals);
        var snapshots = new double[times.Length][];
        var v = new Complex[_work.Length];
        _fft.Forward(Initial, v);

        double tail = 0;
        Etdrk4? etdrk4 = null;
        Complex[]? propagator = null;
        double propagatorStep = double.NaN, lastStep = double.NaN;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long steps = TimeMarching.Run(times,
            length => TimeMarching.StepsFor(length, MaxStep(v, length)),
            (t, dt) =>
            {
                lastStep = dt;
                if (_scheme == SpectralScheme.Etdrk4)
                {
                    if (etdrk4 is null || etdrk4.Step != dt) etdrk4 = new Etdrk4(_linear, dt);
                    etdrk4.Advance(v, t, _rest is null ? null : Nonlinear);
                }
                else
                {
                    if (propagatorStep != dt)
                    {
                        propagator = _linear.Select(l => Complex.Exp(l * dt)).ToArray();
                        propagatorStep = dt;
                    }
                    StrangStep(v, dt, propagator!);
                }
            },
            k =>
            {
                var values = new double[_grid.Points];
                ToFixedFrame(v, times[k] - times[0], _work);
                _fft.Inverse(_work, values);
                if (values.Any(x => !double.IsFinite(x)))
                    throw new GridSolveException(string.Create(CultureInfo.InvariantCulture,
                        $"problem '{problem.Name}': the spectral solution became non-finite by t = {times[k]:G6} (time step {lastStep:G3}); set a smaller TimeStep or Courant number, or more GridPoints"));
                snapshots[k] = values;
                // The initial state is data: only the computed snapshots count for the resolution.
                // (A shift does not change the magnitudes the tail is made of.)
                if (k > 0) tail = Math.Max(tail, Tail(v));
            },
            progress, cancellation, "time stepping");

        return new PeriodicGridSolution(problem, "spectral", _grid, times, snapshots)
        {
            Seconds = clock.Elapsed.TotalSeconds,
            Metadata = new Dictionary<string, object>
            {
                ["grid_points"] = _grid.Points,
                ["scheme"] = _scheme.ToString(),
                ["diffusivity"] = _equation.Diffusivity,
                ["linear_reaction"] = _a,
                ["linear_advection"] = _b,
                ["frame_speed"] = FrameSpeed,
                ["explicit_term"] = _rest is null ? "none" : _equation.RestAfter(_a, _b).ToString(),
                ["dealiasing"] = "2/3 rule",
                ["spectral_tail"] = tail,
                ["steps"] = steps,
                ["time_step"] = lastStep,
                ["output_intervals"] = _options.OutputIntervals,
            },
        };
    }

    /// <summary>
    /// The norm of the modes above n/4 relative to that of all modes but the mean, or to a thousandth
    /// of the whole state if that is larger (so that round-off in a nearly constant state does not
    /// count as under-resolution); 0 for a constant state.
    /// </summary>
    public static double Tail(ReadOnlySpan<Complex> v)
    {
        double high = 0, all = 0;
        for (int k = 1; k < v.Length; k++)
        {
            double power = v[k].Real * v[k].Real + v[k].Imaginary * v[k].Imaginary;
            all += power;
            if (4 * k > 2 * (v.Length - 1)) high += power;
        }
        double whole = all + v[0].Real * v[0].Real / 2;
        double scale = Math.Max(all, 1e-6 * whole);
        return scale > 0 ? Math.Sqrt(high / scale) : 0;
    }

    /// <summary>The step limit for the coming interval: the option, else the explicit part's stability estimate.</summary>
    private double MaxStep(Complex[] v, double length)
    {
        if (_options.TimeStep is { } fixedStep) return fixedStep;
        if (_rest is null) return length;
        _fft.Inverse(v, _u);
        Derivative(v, _ux);
        double kappaMax = 2 * Math.PI / _grid.Lengths[0] * (_grid.Points / 3);
        double rate = 0;
        for (int j = 0; j < _u.Length; j++)
        {
            SetJet(j, 0);
            rate = Math.Max(rate, Math.Abs(_restInUx!(_jet) - _b) * kappaMax + Math.Abs(_restInU!(_jet) - _a));
        }
        return rate > 0 && double.IsFinite(rate) ? Math.Min(length, _options.Courant / rate) : length;
    }

    /// <summary>The coefficients in the fixed frame: v̂ shifted by the distance the frame has moved, e^(-iκ s t) v̂.</summary>
    private void ToFixedFrame(Complex[] v, double elapsed, Complex[] result)
    {
        for (int k = 0; k < v.Length; k++)
            result[k] = FrameSpeed == 0 ? v[k] : v[k] * Complex.FromPolarCoordinates(1, -_grid.OddWavenumber(0, k) * FrameSpeed * elapsed);
    }

    /// <summary>N(v) = -F[n - a u - b u_x], dealiased.</summary>
    private void Nonlinear(Complex[] v, double t, Complex[] result)
    {
        _fft.Inverse(v, _u);
        Derivative(v, _ux);
        for (int j = 0; j < _u.Length; j++)
        {
            SetJet(j, t);
            _r[j] = _rest!(_jet) - _a * _u[j] - _b * _ux[j];
        }
        _fft.Forward(_r, result);
        for (int k = 0; k < result.Length; k++) result[k] = _grid.Keeps(k) ? -result[k] : Complex.Zero;
    }

    private void StrangStep(Complex[] v, double dt, Complex[] propagator)
    {
        _fft.Inverse(v, _u);
        _reaction!.Advance(_u, dt / 2);
        _fft.Forward(_u, v);
        for (int k = 0; k < v.Length; k++) v[k] *= propagator[k];
        _fft.Inverse(v, _u);
        _reaction.Advance(_u, dt / 2);
        _fft.Forward(_u, v);
    }

    /// <summary>u_x on the grid from the coefficients <paramref name="v"/>.</summary>
    private void Derivative(Complex[] v, double[] ux)
    {
        for (int k = 0; k < v.Length; k++) _work[k] = new Complex(0, _grid.OddWavenumber(0, k)) * v[k];
        _fft.Inverse(_work, ux);
    }

    private void SetJet(int j, double t)
    {
        _jet[0] = _x[j];
        _jet[_layout.TimeSlot] = t;
        _jet[_uSlot] = _u[j];
        _jet[_uxSlot] = _ux[j];
    }

    private static Func<double[], double> ExpressionCompilerFor(Problem problem, Expr e) =>
        EquationTerms.Compile(e, problem, new VariableLayout(1));
}
