using System.Collections.Concurrent;
using PdeNet.Core.Problems;
using PdeNet.Core.RandomFields;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The Darcy flow benchmark of the Fourier neural operator paper (Li et al., ICLR 2021), used by
/// the DeepONet, LSM and MgNO comparisons: -div(a(x) grad u) = f on the unit square with u = 0 on
/// the boundary and f = 1. The permeability a is a thresholded Gaussian random field,
/// a = 12 where ψ ≥ 0 and a = 3 where ψ &lt; 0, with ψ ~ N(0, τ^(2α-2)(-Δ + τ²)^(-α)) under
/// zero Neumann conditions, α = 2, τ = 3 (<see cref="GaussianRandomField2D"/>). Input "nu"
/// (PDEBench's name for the Darcy coefficient) is a on the n × n vertex grid x_i = i/(n-1);
/// output "u" is the P1 finite-element solution on the triangulated grid with n - 1 cells per
/// side, a piecewise constant around each node (nearest-node interpolation), at the grid nodes.
/// The protocol solves at n = 421 and subsamples every 5th point to 85.
/// <para>
/// Differences from the original generator (MATLAB, neuraloperator/data_generation/darcy): it
/// evaluates the cosine series at cell midpoints (i + 1/2)/n and solves with a finite-difference
/// scheme; here the series is evaluated at the vertices and the reference is P1 FEM.
/// </para>
/// </summary>
public sealed class DarcyFlow2D : ParametricProblem
{
    /// <summary>The problem's name in the library.</summary>
    public const string ProblemName = "darcy-2d";

    private readonly ConcurrentDictionary<int, GaussianRandomField2D> _fields = new();

    /// <summary>Creates the problem with the benchmark's parameters unless others are given.</summary>
    /// <param name="alpha">GRF smoothness α.</param>
    /// <param name="tau">GRF inverse length scale τ.</param>
    /// <param name="high">Permeability where ψ ≥ 0.</param>
    /// <param name="low">Permeability where ψ &lt; 0.</param>
    /// <param name="forcing">The constant source f.</param>
    public DarcyFlow2D(double alpha = 2, double tau = 3, double high = 12, double low = 3, double forcing = 1)
    {
        if (!(high > 0) || !(low > 0)) throw new ArgumentOutOfRangeException(nameof(low), "both permeability values must be positive");
        if (!double.IsFinite(forcing)) throw new ArgumentOutOfRangeException(nameof(forcing), forcing, "the forcing must be finite");
        _ = new GaussianRandomField2D(alpha, tau, 2);   // checks α and τ
        (Alpha, Tau, High, Low, Forcing) = (alpha, tau, high, low, forcing);
    }

    /// <summary>GRF smoothness α.</summary>
    public double Alpha { get; }

    /// <summary>GRF inverse length scale τ.</summary>
    public double Tau { get; }

    /// <summary>Permeability where ψ ≥ 0.</summary>
    public double High { get; }

    /// <summary>Permeability where ψ &lt; 0.</summary>
    public double Low { get; }

    /// <summary>The constant source f.</summary>
    public double Forcing { get; }

    /// <inheritdoc/>
    public override string Name => ProblemName;

    /// <inheritdoc/>
    public override string Description => "Darcy flow -div(a grad u) = 1 on the unit square, u = 0 on the boundary, a = 12 or 3 from a thresholded GRF (FNO benchmark)";

    /// <inheritdoc/>
    public override string Citation => "Z. Li et al., Fourier Neural Operator for Parametric Partial Differential Equations, ICLR 2021; data generator neuraloperator/data_generation/darcy";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputNames => ["nu"];

    /// <inheritdoc/>
    public override string ReferenceSolver => "fem";

    /// <inheritdoc/>
    public override int DefaultResolution => 421;

    /// <inheritdoc/>
    public override int MinimumResolution => 3;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Configuration => new Dictionary<string, object>
    {
        ["grf"] = "tau^(2 alpha - 2) (-laplacian + tau^2)^(-alpha), zero Neumann, cosine series on the vertex grid",
        ["alpha"] = Alpha,
        ["tau"] = Tau,
        ["a_high"] = High,
        ["a_low"] = Low,
        ["threshold"] = 0.0,
        ["forcing"] = Forcing,
        ["interpolation"] = "nearest",
    };

    /// <inheritdoc/>
    public override double[][] Coordinates(int resolution) => [Vertices(0, 1, resolution), Vertices(0, 1, resolution)];

    /// <summary>The thresholded permeability: <see cref="High"/> where ψ ≥ 0, <see cref="Low"/> elsewhere.</summary>
    public double[] Threshold(double[] psi) => psi.Select(p => p >= 0 ? High : Low).ToArray();

    /// <inheritdoc/>
    public override ParametricSample Draw(long seed, long index, int resolution)
    {
        CheckResolution(resolution);
        var field = _fields.GetOrAdd(resolution, n => new GaussianRandomField2D(Alpha, Tau, n));
        var a = Threshold(field.Sample(RandomStream.ForSample(seed, index)));
        return new ParametricSample(seed, index, resolution, new Dictionary<string, double[]> { ["nu"] = a }, Problem(a, resolution));
    }

    /// <summary>The Darcy problem with the permeability <paramref name="a"/> given on the n × n vertex grid.</summary>
    public Problem Problem(double[] a, int resolution)
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var permeability = new GridCoefficient("a", [0, 0], [1, 1], [resolution, resolution], a, GridInterpolation.Nearest);
        var f = Param("f", Forcing, "constant source");
        return Core.Problems.Problem.Named(ProblemName)
            .Describe(Description)
            .Cite(Citation)
            .On(domain)
            .Solve(-Div(permeability * Grad(u)) == f)
            .With(Dirichlet.On(domain.Boundary, 0));
    }

    /// <inheritdoc/>
    public override double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default)
    {
        if (solver is null) throw new ArgumentNullException(nameof(solver), $"problem '{Name}' needs a finite-element solver for its reference");
        if (sample.Problem is null) throw new ArgumentException("the sample carries no problem", nameof(sample));
        var solution = solver.Solve(sample.Problem, null, cancellation);
        int n = sample.Resolution;
        var x = Vertices(0, 1, n);
        var points = new double[2 * n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                points[2 * (i * n + j)] = x[i];
                points[2 * (i * n + j) + 1] = x[j];
            }
        }
        return solution.Evaluate(points);
    }
}
