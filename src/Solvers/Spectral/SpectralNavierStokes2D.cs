using System.Globalization;
using System.Numerics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The pseudo-spectral integration of the 2D vorticity equation w_t + u·∇w = ν Δw + f on a
/// periodic rectangle, the scheme of the FNO data generator (Li et al. 2021): the state is the
/// vorticity's Fourier transform ŵ; ψ̂ = ŵ/|κ|², u = ψ_y and v = -ψ_x, w_x and w_y are computed
/// spectrally, the advection u w_x + v w_y on the grid, its transform dealiased by the 2/3 rule
/// (|k_x|, |k_y| ≤ n/3); diffusion is Crank–Nicolson. The advection and forcing are Heun
/// (predictor: the FNO step, corrector: trapezoidal average, second order) or forward Euler (the
/// FNO generator itself, first order). The mean of w is the mean of the forcing integrated in time
/// and is zero for a streamfunction formulation; the mean of ψ stays that of ψ(x, y, t0).
/// </summary>
internal sealed class SpectralNavierStokes2D
{
    private readonly NavierStokesEquation _equation;
    private readonly SpectralOptions _options;
    private readonly SpectralScheme _scheme;
    private readonly PeriodicGrid _grid;
    private readonly RealFourierTransform2D _fft;
    private readonly double[] _lambda, _kx, _ky;
    private readonly bool[] _keep;
    private readonly double[] _u, _v, _wx, _wy, _work;
    private readonly Complex[] _spectrum, _f0, _f1, _n0, _n1, _predicted;
    private readonly Func<double[], double> _forcing;
    private readonly bool _forcingVaries;
    private readonly double[] _points;
    private readonly double _psiMean;

    public SpectralNavierStokes2D(Problem problem, SpectralOptions options)
    {
        _equation = NavierStokesEquation.Of(problem);
        _options = options;
        _scheme = options.Scheme switch
        {
            SpectralScheme.Automatic or SpectralScheme.HeunCrankNicolson => SpectralScheme.HeunCrankNicolson,
            SpectralScheme.EulerCrankNicolson => SpectralScheme.EulerCrankNicolson,
            var other => throw new ArgumentException($"the scheme {other} integrates 1D equations; 2D Navier–Stokes uses HeunCrankNicolson or EulerCrankNicolson", nameof(options)),
        };
        _grid = PeriodicGrid.Of(problem, options.GridPoints ?? 64);
        int n = _grid.Points, c = n / 2 + 1, size = n * c;
        _fft = new RealFourierTransform2D(n);
        (_lambda, _kx, _ky, _keep) = (new double[size], new double[size], new double[size], new bool[size]);
        for (int ky = 0; ky < n; ky++)
        {
            for (int kx = 0; kx < c; kx++)
            {
                int i = kx + c * ky;
                double a = _grid.Wavenumber(0, kx), b = _grid.Wavenumber(1, ky);
                _lambda[i] = a * a + b * b;
                _kx[i] = _grid.OddWavenumber(0, kx);
                _ky[i] = _grid.OddWavenumber(1, ky);
                _keep[i] = _grid.Keeps(kx) && _grid.Keeps(ky);
            }
        }
        (_u, _v, _wx, _wy, _work) = (new double[n * n], new double[n * n], new double[n * n], new double[n * n], new double[n * n]);
        (_spectrum, _f0, _f1, _n0, _n1, _predicted) = (new Complex[size], new Complex[size], new Complex[size], new Complex[size], new Complex[size], new Complex[size]);
        _points = _grid.Coordinates();

        var layout = new VariableLayout(2);
        _forcing = EquationTerms.Compile(_equation.Forcing, problem, layout);
        _forcingVaries = _equation.Forcing.Contains(e => e is TimeVariable);
        ForcingTransform(problem.Time!.Start, _f0);
        double forcingMean = _f0[0].Real / (n * n), forcingScale = Math.Sqrt(_f0.Sum(z => z.Magnitude * z.Magnitude)) / (n * n);
        if (Math.Abs(forcingMean) > 1e-10 * (forcingScale + 1e-300) && Math.Abs(forcingMean) > 1e-14)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"problem '{problem.Name}': the forcing {_equation.Forcing} has mean {forcingMean:G6} over the box; the vorticity of a periodic streamfunction has mean zero, so the forcing must too"));

        var initial = EquationTerms.Compile(Lowering.Lower(problem.Initial!.Value, 2), problem, layout);
        var psi = Sample(initial, problem.Time.Start);
        if (psi.Any(x => !double.IsFinite(x))) throw new GridSolveException($"problem '{problem.Name}': the initial streamfunction {problem.Initial.Value} is not finite on the grid");
        _psiMean = psi.Average();
        InitialVorticity = new Complex[size];
        _fft.Forward(psi, InitialVorticity);
        for (int i = 0; i < size; i++) InitialVorticity[i] *= _lambda[i];
    }

    /// <summary>The Fourier transform of w(x, y, t0) = -Δψ0.</summary>
    public Complex[] InitialVorticity { get; }

    public NavierStokesSolution Run(IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        var problem = _equation.Problem;
        var times = TimeMarching.OutputTimes(problem.Time!, _options.OutputIntervals);
        var vorticity = new double[times.Length][];
        var streamfunction = new double[times.Length][];
        var w = (Complex[])InitialVorticity.Clone();
        double lastStep = double.NaN;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long steps = TimeMarching.Run(times,
            length => TimeMarching.StepsFor(length, MaxStep(w, length)),
            (t, dt) =>
            {
                lastStep = dt;
                Step(w, t, dt);
            },
            k =>
            {
                (vorticity[k], streamfunction[k]) = (Vorticity(w), Streamfunction(w));
                if (vorticity[k].Any(x => !double.IsFinite(x)))
                    throw new GridSolveException(string.Create(CultureInfo.InvariantCulture,
                        $"problem '{problem.Name}': the vorticity became non-finite by t = {times[k]:G6} (time step {lastStep:G3}); set a smaller TimeStep or Courant number, or more GridPoints"));
            },
            progress, cancellation, "time stepping");

        return new NavierStokesSolution(problem, _grid, times, streamfunction, vorticity)
        {
            Seconds = clock.Elapsed.TotalSeconds,
            Metadata = new Dictionary<string, object>
            {
                ["grid_points"] = _grid.Points,
                ["scheme"] = _scheme.ToString(),
                ["viscosity"] = _equation.Viscosity,
                ["forcing"] = _equation.Forcing.ToString(),
                ["dealiasing"] = "2/3 rule",
                ["steps"] = steps,
                ["time_step"] = lastStep,
                ["output_intervals"] = _options.OutputIntervals,
            },
        };
    }

    /// <summary>One step of Crank–Nicolson diffusion with Euler or Heun advection and forcing.</summary>
    private void Step(Complex[] w, double t, double dt)
    {
        double nu = _equation.Viscosity;
        if (_forcingVaries) ForcingTransform(t, _f0);
        Advection(w, _n0);
        for (int i = 0; i < w.Length; i++)
        {
            double half = 0.5 * dt * nu * _lambda[i];
            _predicted[i] = ((1 - half) * w[i] + dt * (_f0[i] - _n0[i])) / (1 + half);
        }
        if (_scheme == SpectralScheme.EulerCrankNicolson)
        {
            Array.Copy(_predicted, w, w.Length);
            return;
        }
        var f1 = _f0;
        if (_forcingVaries)
        {
            ForcingTransform(t + dt, _f1);
            f1 = _f1;
        }
        Advection(_predicted, _n1);
        for (int i = 0; i < w.Length; i++)
        {
            double half = 0.5 * dt * nu * _lambda[i];
            w[i] = ((1 - half) * w[i] + dt * (0.5 * (_f0[i] + f1[i]) - 0.5 * (_n0[i] + _n1[i]))) / (1 + half);
        }
    }

    /// <summary>The transform of u w_x + v w_y, dealiased.</summary>
    private void Advection(Complex[] w, Complex[] result)
    {
        Velocity(w, _u, _v);
        Transform(w, i => new Complex(0, _kx[i]), _wx);
        Transform(w, i => new Complex(0, _ky[i]), _wy);
        for (int j = 0; j < _work.Length; j++) _work[j] = _u[j] * _wx[j] + _v[j] * _wy[j];
        _fft.Forward(_work, result);
        for (int i = 0; i < result.Length; i++)
        {
            if (!_keep[i]) result[i] = Complex.Zero;
        }
    }

    /// <summary>u = ψ_y and v = -ψ_x on the grid from ŵ.</summary>
    private void Velocity(Complex[] w, double[] u, double[] v)
    {
        Transform(w, i => _lambda[i] == 0 ? Complex.Zero : new Complex(0, _ky[i] / _lambda[i]), u);
        Transform(w, i => _lambda[i] == 0 ? Complex.Zero : new Complex(0, -_kx[i] / _lambda[i]), v);
    }

    /// <summary>The grid values of the field whose transform is multiplier(i) · ŵ_i.</summary>
    private void Transform(Complex[] w, Func<int, Complex> multiplier, double[] values)
    {
        for (int i = 0; i < w.Length; i++) _spectrum[i] = multiplier(i) * w[i];
        _fft.Inverse(_spectrum, values);
    }

    private double MaxStep(Complex[] w, double length)
    {
        if (_options.TimeStep is { } fixedStep) return fixedStep;
        Velocity(w, _u, _v);
        double speed = 0;
        for (int j = 0; j < _u.Length; j++) speed = Math.Max(speed, Math.Abs(_u[j]) / _grid.Spacing(0) + Math.Abs(_v[j]) / _grid.Spacing(1));
        return speed > 0 && double.IsFinite(speed) ? Math.Min(length, _options.Courant / speed) : length;
    }

    private double[] Vorticity(Complex[] w)
    {
        var values = new double[_work.Length];
        Transform(w, _ => Complex.One, values);
        return values;
    }

    private double[] Streamfunction(Complex[] w)
    {
        var values = new double[_work.Length];
        Transform(w, i => _lambda[i] == 0 ? Complex.Zero : new Complex(1 / _lambda[i], 0), values);
        for (int j = 0; j < values.Length; j++) values[j] += _psiMean;
        return values;
    }

    private double[] Sample(Func<double[], double> f, double t)
    {
        var v = new double[new VariableLayout(2).Count];
        v[2] = t;
        var values = new double[_work.Length];
        for (int j = 0; j < values.Length; j++)
        {
            v[0] = _points[2 * j];
            v[1] = _points[2 * j + 1];
            values[j] = f(v);
        }
        return values;
    }

    private void ForcingTransform(double t, Complex[] result) => _fft.Forward(Sample(_forcing, t), result);
}
