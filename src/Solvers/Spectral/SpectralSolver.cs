using PdeNet.Core.Problems;
using PdeNet.Core.Solving;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The Fourier pseudo-spectral reference solver for periodic evolution problems, reading the
/// equation from the problem definition:
/// <list type="bullet">
/// <item>1D: u_t = ν u_xx - n(x, t, u, u_x) on a periodic interval (convection, reaction–diffusion,
/// viscous Burgers, ...), ETDRK4 or Strang splitting (<see cref="SpectralEvolution1D"/>);</item>
/// <item>2D: the incompressible Navier–Stokes equations in vorticity–streamfunction form on a
/// periodic rectangle, Crank–Nicolson for diffusion with Heun or Euler for advection
/// (<see cref="SpectralNavierStokes2D"/>).</item>
/// </list>
/// Other problems are refused with a <see cref="NotSupportedException"/> that says why.
/// </summary>
public sealed class SpectralSolver(SpectralOptions? options = null) : ISolver
{
    /// <summary>The options.</summary>
    public SpectralOptions Options { get; } = (options ?? new SpectralOptions()).Validate();

    /// <inheritdoc/>
    public string Name => "spectral";

    object ISolver.Options => Options;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The problem is not a periodic evolution problem of a supported form.</exception>
    /// <exception cref="PdeNet.Solvers.Evolution.GridSolveException">The solution became non-finite.</exception>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default) =>
        Integrate(problem, progress, cancellation);

    /// <summary>Solves <paramref name="problem"/> and returns the grid solution.</summary>
    public PeriodicGridSolution Integrate(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        problem.Validate();
        return problem.Dimension switch
        {
            1 => Integrate1D(problem, progress, cancellation),
            2 => new SpectralNavierStokes2D(problem, Options).Run(progress, cancellation),
            _ => throw new NotSupportedException($"problem '{problem.Name}' is {problem.Dimension}D; the spectral solver handles 1D evolution equations and 2D Navier–Stokes"),
        };
    }

    /// <summary>On the given grid, or on grids of 256, 512, ... points until the spectral tail meets the tolerance.</summary>
    private PeriodicGridSolution Integrate1D(Problem problem, IProgress<SolverProgress>? progress, CancellationToken cancellation)
    {
        if (Options.GridPoints is { } fixedPoints) return new SpectralEvolution1D(problem, Options, fixedPoints).Run(progress, cancellation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int points = Math.Min(256, Options.MaxGridPoints); ; points *= 2)
        {
            var solution = new SpectralEvolution1D(problem, Options, points).Run(progress, cancellation);
            double tail = (double)solution.Metadata["spectral_tail"];
            bool met = tail <= Options.ResolutionTolerance;
            if (met || points * 2 > Options.MaxGridPoints)
            {
                var metadata = new Dictionary<string, object>(solution.Metadata)
                {
                    ["resolution_tolerance"] = Options.ResolutionTolerance,
                    ["resolution_met"] = met,
                };
                return new PeriodicGridSolution(problem, Name, solution.Grid, solution.Times, Enumerable.Range(0, solution.Times.Count).Select(k => solution.GridValues(k).ToArray()).ToArray())
                {
                    Seconds = clock.Elapsed.TotalSeconds,
                    Metadata = metadata,
                };
            }
        }
    }

    /// <summary>Whether the spectral solver accepts <paramref name="problem"/>; if not, <paramref name="reason"/> says why.</summary>
    public static bool Supports(Problem problem, out string reason)
    {
        try
        {
            if (problem.IsSystem) throw new NotSupportedException($"problem '{problem.Name}' is a system (a vector unknown); this solver takes one scalar equation");
            problem.Validate();
            if (problem.Dimension == 1) PeriodicEvolutionEquation.Of(problem);
            else if (problem.Dimension == 2) NavierStokesEquation.Of(problem);
            else throw new NotSupportedException($"problem '{problem.Name}' is {problem.Dimension}D");
            PeriodicGrid.Of(problem, 4);
            reason = "";
            return true;
        }
        catch (NotSupportedException e)
        {
            reason = e.Message;
            return false;
        }
    }
}
