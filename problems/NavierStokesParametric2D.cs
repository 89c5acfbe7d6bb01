using PdeNet.Core.Problems;
using PdeNet.Core.RandomFields;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;

namespace PdeNet.Problems;

/// <summary>
/// The Navier–Stokes operator of the physics-informed hard-constraint benchmark (Chalapathi et al.,
/// ICLR 2024) at a size a CPU can train: the vorticity equation of <see cref="NavierStokes2D"/>
/// (streamfunction ψ, w = -Δψ, forcing 0.1(sin 2π(x + y) + cos 2π(x + y)), periodic unit square)
/// mapping the initial vorticity w0 to w(t, x, y) at <see cref="TimeCount"/> times
/// t_k = T k/(nt − 1), t_0 = 0 included. w0 is FNO's periodic Gaussian random field
/// (α = 2.5, τ = 7, σ = τ^(α−1)) truncated to |k_x|, |k_y| ≤ K (<see cref="PeriodicGaussianRandomField2D"/>),
/// so ψ0 is an exact trigonometric polynomial. Input "w0" and output "w" live on the R × R points
/// (x_i, y_j) = (i/R, j/R), row-major with x slowest (index i R + j); the output has shape (nt, R, R),
/// its first row is w0 and the others are the spectral reference (<c>spectral</c>: 64² grid,
/// Heun/Crank–Nicolson with the time step <see cref="ReferenceTimeStep"/>, one snapshot per output
/// time, so the data command runs it with nt − 1 output intervals): its vorticity at the grid points.
/// <para>
/// The defaults (ν = 1e-3, T = 1, nt = 11, K = 4, R = 16) were measured on 10 samples of seed 0
/// (<c>NavierStokesParametricTests</c>): the vorticity changes by ‖w(T) − w0‖/‖w0‖ = 0.58 over [0, T]
/// (T = 2 gives 1.1, T = 5 gives 2.4, the forcing then dominates), and the vorticity equation
/// evaluated on the R × R × nt output grid with BDF2 in time (backward Euler at the first level) and
/// spectral derivatives in space has a relative residual ‖r‖/‖w_t‖ = 0.48% (L2 over samples, levels
/// and points; 0.96% at T = 2, 2.4% at T = 5), so grid constraint rows describe the data. At the
/// same time step the R = 16 output differs by 7e-15 between solver grids 64² and 128²; halving the
/// step from 0.01 changes it by 7e-7.
/// </para>
/// </summary>
public sealed class NavierStokesParametric2D : ParametricProblem
{
    /// <summary>The problem's name in the library.</summary>
    public const string ProblemName = "navier-stokes-2d-vorticity";

    /// <summary>Creates the problem.</summary>
    /// <param name="viscosity">ν &gt; 0.</param>
    /// <param name="endTime">T &gt; 0.</param>
    /// <param name="times">nt ≥ 2, output times including t = 0.</param>
    /// <param name="modes">K ≥ 1, the largest |k_x|, |k_y| of the initial vorticity.</param>
    public NavierStokesParametric2D(double viscosity = 1e-3, double endTime = 1, int times = 11, int modes = 4)
    {
        if (!(viscosity > 0) || double.IsInfinity(viscosity)) throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "the viscosity must be positive");
        if (!(endTime > 0) || double.IsInfinity(endTime)) throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "the end time must be positive");
        if (times < 2) throw new ArgumentOutOfRangeException(nameof(times), times, "at least two output times (0 and the end) are needed");
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), modes, "at least one mode per axis is needed");
        (Viscosity, EndTime, TimeCount) = (viscosity, endTime, times);
        Field = new PeriodicGaussianRandomField2D(alpha: 2.5, tau: 7, sigma: Math.Pow(7, 1.5), modes);
    }

    /// <summary>ν.</summary>
    public double Viscosity { get; }

    /// <summary>T, the last output time.</summary>
    public double EndTime { get; }

    /// <summary>nt, the number of output times (t = 0 included).</summary>
    public int TimeCount { get; }

    /// <summary>The random field of w0.</summary>
    public PeriodicGaussianRandomField2D Field { get; }

    /// <inheritdoc/>
    public override string Name => ProblemName;

    /// <inheritdoc/>
    public override string Description => "2D Navier-Stokes vorticity on the unit torus (FNO forcing), w0 from a periodic GRF, output w(t, x, y) for t in [0, T]";

    /// <inheritdoc/>
    public override string Citation => "Z. Li et al., Fourier neural operator for parametric partial differential equations, ICLR 2021; N. Chalapathi, Y. Du, A. S. Krishnapriyan, Scaling physics-informed hard constraints with mixture-of-experts, ICLR 2024";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputNames => ["w0"];

    /// <inheritdoc/>
    public override string OutputName => "w";

    /// <inheritdoc/>
    public override string ReferenceSolver => "spectral";

    /// <summary>
    /// 0.005: with the automatic step (Courant 0.5, about 0.08 here) the output differs by 1e-4
    /// relative from a converged one; at 0.005 (200 steps) by 2e-7, and the 64² grid is converged.
    /// </summary>
    public override double? ReferenceTimeStep => 0.005;

    /// <inheritdoc/>
    public override int DefaultResolution => 16;

    /// <inheritdoc/>
    public override int MinimumResolution => 4;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Configuration => new Dictionary<string, object>
    {
        ["equation"] = "w_t + u.grad(w) = nu laplacian(w) + f, w = -laplacian(psi), u = (psi_y, -psi_x), f = 0.1(sin 2pi(x+y) + cos 2pi(x+y)), periodic on [0, 1)^2",
        ["nu"] = Viscosity,
        ["end_time"] = EndTime,
        ["times"] = (long)TimeCount,
        ["grf"] = "sigma^2 (-laplacian + tau^2)^(-alpha), periodic, |k_x|, |k_y| <= K, constant mode dropped",
        ["alpha"] = Field.Alpha,
        ["tau"] = Field.Tau,
        ["sigma"] = Field.Sigma,
        ["modes"] = (long)Field.Modes,
    };

    /// <summary>The Navier–Stokes problem in ψ with ν, the forcing and [0, T]; its initial state (the library problem's) is replaced per sample.</summary>
    public override Problem Template => NavierStokes2D.Create(Viscosity, EndTime, NavierStokes2D.Create().Initial!.Value);

    /// <summary>The vorticity -Δψ, the expression object of <see cref="Template"/>'s equation (<see cref="NavierStokes2D.Vorticity"/>).</summary>
    public override Expr Observed => NavierStokes2D.Vorticity;

    /// <inheritdoc/>
    public override double[][] Coordinates(int resolution)
    {
        var axis = Enumerable.Range(0, resolution).Select(i => (double)i / resolution).ToArray();
        return [axis, (double[])axis.Clone()];
    }

    /// <inheritdoc/>
    public override double[] OutputTimes(int resolution) => Vertices(0, EndTime, TimeCount);

    /// <summary>The initial vorticity of sample <paramref name="index"/>.</summary>
    public PeriodicSample2D InitialState(long seed, long index) => Field.Sample(RandomStream.ForSample(seed, index));

    /// <summary>The Navier–Stokes problem starting from the vorticity <paramref name="w0"/> (ψ0 its streamfunction).</summary>
    public Problem Problem(PeriodicSample2D w0)
    {
        ArgumentNullException.ThrowIfNull(w0);
        return NavierStokes2D.Create(Viscosity, EndTime, Expr.Named("psi0", w0.StreamfunctionExpression()));
    }

    /// <inheritdoc/>
    public override ParametricSample Draw(long seed, long index, int resolution)
    {
        CheckResolution(resolution);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "the sample index cannot be negative");
        var w0 = InitialState(seed, index);
        var points = Points(resolution);
        var values = new double[points.Length / 2];
        for (int p = 0; p < values.Length; p++) values[p] = w0.Value(points[2 * p], points[2 * p + 1]);
        return new ParametricSample(seed, index, resolution, new Dictionary<string, double[]> { ["w0"] = values }, Problem(w0));
    }

    /// <inheritdoc/>
    /// <remarks>The solver must be the spectral one with a snapshot at every output time (nt − 1 output intervals); its vorticity is read at the grid points.</remarks>
    public override double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default)
    {
        if (solver is null) throw new ArgumentNullException(nameof(solver), $"problem '{Name}' needs the spectral solver for its reference");
        if (sample.Problem is null) throw new ArgumentException("the sample carries no problem", nameof(sample));
        var solution = solver.Solve(sample.Problem, null, cancellation);
        var points = Points(sample.Resolution);
        var times = OutputTimes(sample.Resolution);
        int size = points.Length / 2;
        var output = new double[times.Length * size];
        sample.Inputs["w0"].CopyTo(output, 0);
        for (int k = 1; k < times.Length; k++) solution.EvaluateQuantity("vorticity", points, times[k]).CopyTo(output, k * size);
        return output;
    }

    /// <summary>The R² grid points (x_i, y_j), shape (R², 2), x slowest.</summary>
    private double[] Points(int resolution)
    {
        var axis = Coordinates(resolution)[0];
        var points = new double[2 * resolution * resolution];
        for (int i = 0; i < resolution; i++)
        {
            for (int j = 0; j < resolution; j++)
            {
                int p = i * resolution + j;
                (points[2 * p], points[2 * p + 1]) = (axis[i], axis[j]);
            }
        }
        return points;
    }
}
