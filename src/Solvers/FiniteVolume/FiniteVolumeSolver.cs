using System.Diagnostics;
using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.FiniteVolume;

/// <summary>
/// The cell-centred finite-volume reference solver for 1D equations a(x, t, u) u_t = b(x, t, u) u_xx - q(x, t, u)
/// on an interval, discretised as PDEBench generates its diffusion–sorption data:
/// <code>du_i/dt = c(u_i) (F_(i+1/2) - F_(i-1/2))/dx - s(u_i),   F_(i+1/2) = (u_(i+1) - u_i)/dx,   c = b/a, s = q/a,</code>
/// with the boundary faces' gradients from the conditions (<see cref="BoundaryTreatment"/>). For
/// u_t = D/R(u) u_xx this conserves Σ m(u_i) dx (m' = R) up to the boundary fluxes. PDEBench
/// integrated the stiff system with an explicit adaptive Runge–Kutta method (RK45), which needs
/// tiny steps; here it is variable-step BDF2 (the very first step backward Euler) with Newton's
/// method on the tridiagonal Jacobian (differences over three interleaved groups of cells) at every
/// step, dt = output interval / StepsPerOutput. When the initial state misses a boundary condition
/// (a jump at t0) the steps grow by 1.05 from 1e-6 dt up to dt.
/// </summary>
public sealed class FiniteVolumeSolver(FiniteVolumeOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public FiniteVolumeOptions Options { get; } = (options ?? new FiniteVolumeOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "finite-volume";

    object ISolver.Options => Options;

    /// <inheritdoc/>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default) =>
        Integrate(problem, progress, cancellation);

    /// <summary>The first step, as a fraction of dt.</summary>
    private const double StartFraction = 1e-6;

    /// <summary>The factor by which steps grow until they reach dt.</summary>
    private const double Growth = 1.05;

    /// <summary>Whether the finite-volume solver accepts <paramref name="problem"/>; if not, <paramref name="reason"/> says why.</summary>
    public static bool Supports(Problem problem, out string reason)
    {
        try
        {
            if (problem.IsSystem) throw new NotSupportedException($"problem '{problem.Name}' is a system (a vector unknown); this solver takes one scalar equation");
            var equation = QuasilinearDiffusionEquation.Of(problem);
            CellBoundary.For(equation, "left", BoundaryTreatment.Faces);
            CellBoundary.For(equation, "right", BoundaryTreatment.Faces);
            reason = "";
            return true;
        }
        catch (NotSupportedException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Solves <paramref name="problem"/> and returns the cell solution.</summary>
    /// <exception cref="NotSupportedException">The problem is not of the supported form; the message names the term.</exception>
    /// <exception cref="GridSolveException">Newton's method failed or the solution became non-finite.</exception>
    public FiniteVolumeSolution Integrate(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var equation = QuasilinearDiffusionEquation.Of(problem);
        var system = new FiniteVolumeSystem(equation, Options);
        var times = TimeMarching.OutputTimes(problem.Time!, Options.OutputIntervals);
        int n = Options.Cells;
        var snapshots = new double[times.Length][];
        var gradients = new (double, double)[times.Length];
        var u = system.Initial();
        double[]? previous = null;
        // ∫ u_x dt at the ends, accumulated by the same formula as the states, so that Σ u_i dx and
        // the boundary fluxes balance exactly when storage is linear (a = b).
        (double Left, double Right) integral = (0, 0), previousIntegral = (0, 0);
        double lastStep = double.NaN;
        int newtonTotal = 0, newtonMax = 0;

        void Advance(double t, double dt)
        {
            double? ratio = previous is null ? null : dt / lastStep;
            var next = (double[])u.Clone();
            int iterations = system.Step(next, u, previous, t + dt, dt, ratio);
            newtonTotal += iterations;
            newtonMax = Math.Max(newtonMax, iterations);
            var face = system.FaceGradients(next, t + dt);
            (previousIntegral, integral) = (integral, ratio is { } w
                ? (Bdf2(integral.Left, previousIntegral.Left, face.Left, dt, w), Bdf2(integral.Right, previousIntegral.Right, face.Right, dt, w))
                : (integral.Left + dt * face.Left, integral.Right + dt * face.Right));
            (previous, u, lastStep) = (u, next, dt);
        }

        // When the initial state misses a boundary condition (u(0) = 1 against u0 = 0.1 in
        // diffusion-sorption), u behaves like √t at first: then steps grow by the factor Growth from
        // StartFraction·dt up to dt = interval/StepsPerOutput, which resolves that. They land on the output times.
        bool graded = !system.InitialDataMatchBoundaries();
        void Record(int k)
        {
            var values = new double[n + 2];
            var (left, right) = system.BoundaryValues(u, times[k]);
            values[0] = left;
            u.CopyTo(values, 1);
            values[^1] = right;
            if (values.Any(v => !double.IsFinite(v)))
                throw new GridSolveException(string.Create(CultureInfo.InvariantCulture, $"problem '{problem.Name}': the finite-volume solution became non-finite by t = {times[k]:G6}; take more StepsPerOutput"));
            snapshots[k] = values;
            gradients[k] = integral;
        }
        Record(0);
        long steps = 0;
        double t = times[0], step = double.NaN;
        for (int k = 1; k < times.Length; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            double target = times[k], largest = (target - times[k - 1]) / Options.StepsPerOutput;
            while (target - t > 1e-12 * (target - times[0]))
            {
                double remaining = target - t;
                double next = !graded ? largest : double.IsNaN(step) ? StartFraction * largest : Math.Min(step * Growth, largest);
                if (next >= remaining * (1 - 1e-9)) next = remaining;
                else if (next > remaining / 2) next = remaining / 2;
                Advance(t, next);
                t += next;
                step = next;
                steps++;
            }
            t = target;
            Record(k);
            progress?.Report(new SolverProgress("time stepping", k, times.Length - 1, new Dictionary<string, double> { ["t"] = t, ["dt"] = step }));
        }

        return new FiniteVolumeSolution(problem, equation.Interval.A, equation.Interval.B, times, snapshots, gradients)
        {
            Seconds = clock.Elapsed.TotalSeconds,
            Metadata = new Dictionary<string, object>
            {
                ["cells"] = n,
                ["scheme"] = "variable-step BDF2 + Newton",
                ["boundary_treatment"] = Options.Boundary.ToString(),
                ["rate"] = equation.Rate.ToString(),
                ["source"] = equation.Source.ToString(),
                ["steps"] = steps,
                ["time_step"] = lastStep,
                ["graded_start"] = graded,
                ["newton_iterations"] = newtonTotal,
                ["newton_iterations_max"] = newtonMax,
                ["output_intervals"] = Options.OutputIntervals,
            },
        };
    }

    /// <summary>Q(n+1) from the variable-step BDF2 relation with step ratio ω = dt_n/dt_(n-1) and rate f.</summary>
    private static double Bdf2(double current, double previous, double rate, double dt, double ratio) =>
        ((1 + ratio) * current - ratio * ratio / (1 + ratio) * previous + dt * rate) * (1 + ratio) / (1 + 2 * ratio);
}
