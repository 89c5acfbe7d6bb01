using PdeNet.Core.Problems;
using PdeNet.Core.RandomFields;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The Burgers operator of the FNO paper (Li et al., ICLR 2021): u_t + u u_x = ν u_xx on the
/// periodic unit interval, ν = 0.1, mapping the initial state u_0 to u(·, 1). u_0 is a periodic
/// Gaussian random field with covariance σ²(-Δ + τ²)^(-γ), γ = 2.5, τ = 7, σ = 7² (as in the FNO
/// data script), truncated to 64 Fourier modes (<see cref="PeriodicGaussianRandomField1D"/>), so
/// the initial condition is an exact trigonometric polynomial. Input "u0" holds u_0 at the R
/// points x_i = i/R; output "u" is the Fourier pseudo-spectral reference at t = 1 at the same
/// points. The spectral solver chooses its own grid (256 points and up) until the spectral tail is
/// below its tolerance; it is independent of R.
/// </summary>
public sealed class BurgersParametric1D : ParametricProblem
{
    /// <summary>The problem's name in the library.</summary>
    public const string ProblemName = "burgers-1d";

    /// <summary>Creates the problem.</summary>
    /// <param name="viscosity">ν.</param>
    /// <param name="endTime">The time T of the output.</param>
    public BurgersParametric1D(double viscosity = 0.1, double endTime = 1)
    {
        if (!(viscosity > 0) || double.IsInfinity(viscosity)) throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "the viscosity must be positive");
        if (!(endTime > 0) || double.IsInfinity(endTime)) throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "the end time must be positive");
        Viscosity = viscosity;
        EndTime = endTime;
        Field = new PeriodicGaussianRandomField1D(gamma: 2.5, tau: 7, sigma: 49, modes: 64);
    }

    /// <summary>ν.</summary>
    public double Viscosity { get; }

    /// <summary>The output time T.</summary>
    public double EndTime { get; }

    /// <summary>The random field of u_0.</summary>
    public PeriodicGaussianRandomField1D Field { get; }

    /// <inheritdoc/>
    public override string Name => ProblemName;

    /// <inheritdoc/>
    public override string Description => "viscous Burgers u_t + u u_x = nu u_xx on the periodic unit interval, u0 from a periodic GRF, output u(., T) (FNO)";

    /// <inheritdoc/>
    public override string Citation => "Z. Li et al., Fourier Neural Operator for Parametric Partial Differential Equations, ICLR 2021";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputNames => ["u0"];

    /// <inheritdoc/>
    public override string ReferenceSolver => "spectral";

    /// <inheritdoc/>
    public override int DefaultResolution => 1024;

    /// <inheritdoc/>
    public override int MinimumResolution => 4;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Configuration => new Dictionary<string, object>
    {
        ["equation"] = "u_t + u u_x = nu u_xx, periodic on [0, 1)",
        ["nu"] = Viscosity,
        ["end_time"] = EndTime,
        ["grf"] = "sigma^2 (-laplacian + tau^2)^(-gamma), periodic, constant mode dropped",
        ["gamma"] = Field.Gamma,
        ["tau"] = Field.Tau,
        ["sigma"] = Field.Sigma,
        ["modes"] = (long)Field.Modes,
    };

    /// <inheritdoc/>
    public override double[][] Coordinates(int resolution) => [Enumerable.Range(0, resolution).Select(i => (double)i / resolution).ToArray()];

    /// <inheritdoc/>
    public override double[] OutputTimes(int resolution) => [EndTime];

    /// <summary>The initial state of sample <paramref name="index"/>.</summary>
    public PeriodicSample InitialState(long seed, long index) => Field.Sample(RandomStream.ForSample(seed, index));

    /// <inheritdoc/>
    public override ParametricSample Draw(long seed, long index, int resolution)
    {
        CheckResolution(resolution);
        var u0 = InitialState(seed, index);
        var x = Coordinates(resolution)[0];
        return new ParametricSample(seed, index, resolution, new Dictionary<string, double[]> { ["u0"] = x.Select(u0.Value).ToArray() }, Problem(u0));
    }

    /// <summary>The Burgers problem with initial state <paramref name="u0"/>.</summary>
    public Problem Problem(PeriodicSample u0)
    {
        var u = Unknown.Scalar("u");
        var nu = Param("nu", Viscosity, "viscosity");
        Expr initial = 0;
        for (int k = 1; k <= u0.Cosine.Length; k++)
            initial += u0.Cosine[k - 1] * Cos(2 * Math.PI * k * X) + u0.Sine[k - 1] * Sin(2 * Math.PI * k * X);
        return Core.Problems.Problem.Named(ProblemName)
            .Describe(Description)
            .Cite(Citation)
            .On(new Interval(0, 1))
            .During(0, EndTime)
            .Solve(Dt(u) + u * Dx(u) - nu * Laplacian(u) == 0)
            .With(Periodic.Between("left", "right", 1))
            .With(new InitialCondition(Named("u0", initial)));
    }

    /// <inheritdoc/>
    public override double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default)
    {
        if (solver is null) throw new ArgumentNullException(nameof(solver), $"problem '{Name}' needs the spectral solver for its reference");
        if (sample.Problem is null) throw new ArgumentException("the sample carries no problem", nameof(sample));
        var solution = solver.Solve(sample.Problem, null, cancellation);
        return solution.Evaluate(Coordinates(sample.Resolution)[0], EndTime);
    }
}
