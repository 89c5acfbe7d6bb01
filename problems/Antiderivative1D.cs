using PdeNet.Core.Problems;
using PdeNet.Core.RandomFields;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The antiderivative operator of DeepONet (Lu, Jin, Pang, Zhang, Karniadakis 2021): u' = v(x)
/// on [0, 1] with u(0) = 0, the input v drawn from a zero-mean Gaussian random field with the
/// RBF kernel exp(-|x - x'|² / (2 l²)), l = 0.2. Input "v" holds v at the n vertices
/// x_i = i/(n-1); v between them is the piecewise-linear interpolant, whose antiderivative is
/// exact by the trapezoidal rule: output u(x_i) = Σ_{j&lt;i} (v_j + v_{j+1}) h / 2. (DeepONet's
/// script draws v on 1000 points and interpolates cubically to 100 sensors; here v is drawn
/// directly on the output grid.)
/// </summary>
public sealed class Antiderivative1D : ParametricProblem
{
    /// <summary>The problem's name in the library.</summary>
    public const string ProblemName = "antiderivative-1d";

    private readonly Dictionary<int, GaussianRandomField1D> _fields = [];
    private readonly Lock _lock = new();

    /// <summary>Creates the problem.</summary>
    /// <param name="lengthScale">RBF length scale l of the input field.</param>
    public Antiderivative1D(double lengthScale = 0.2)
    {
        Kernel = new RbfKernel(lengthScale).Validate();
    }

    /// <summary>The covariance kernel of v.</summary>
    public RbfKernel Kernel { get; }

    /// <inheritdoc/>
    public override string Name => ProblemName;

    /// <inheritdoc/>
    public override string Description => "antiderivative u' = v on [0, 1], u(0) = 0, v from an RBF Gaussian random field (l = 0.2) (DeepONet)";

    /// <inheritdoc/>
    public override string Citation => "L. Lu, P. Jin, G. Pang, Z. Zhang, G. E. Karniadakis, Learning nonlinear operators via DeepONet, Nature Machine Intelligence 3 (2021); code lululxvi/deeponet";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputNames => ["v"];

    /// <inheritdoc/>
    public override string ReferenceSolver => "exact";

    /// <inheritdoc/>
    public override int DefaultResolution => 100;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Configuration => new Dictionary<string, object>
    {
        ["grf"] = Kernel.Describe(),
        ["length_scale"] = Kernel.LengthScale,
        ["interpolation"] = "linear",
        ["reference"] = "trapezoidal rule (exact for the piecewise-linear v)",
    };

    /// <inheritdoc/>
    public override double[][] Coordinates(int resolution) => [Vertices(0, 1, resolution)];

    /// <inheritdoc/>
    public override ParametricSample Draw(long seed, long index, int resolution)
    {
        CheckResolution(resolution);
        GaussianRandomField1D field;
        lock (_lock)
        {
            if (!_fields.TryGetValue(resolution, out field!)) _fields[resolution] = field = new GaussianRandomField1D(Kernel, Vertices(0, 1, resolution));
        }
        var v = field.Sample(RandomStream.ForSample(seed, index));
        return new ParametricSample(seed, index, resolution, new Dictionary<string, double[]> { ["v"] = v }, Problem(v, resolution));
    }

    /// <summary>The problem u' = v, u(0) = 0 with v given at the n vertices (piecewise linear between).</summary>
    public Problem Problem(double[] v, int resolution)
    {
        var u = Unknown.Scalar("u");
        var source = new GridCoefficient("v", [0], [1], [resolution], v, GridInterpolation.Linear);
        return Core.Problems.Problem.Named(ProblemName)
            .Describe(Description)
            .Cite(Citation)
            .On(new Interval(0, 1))
            .Solve(Dx(u) == source)
            .With(Dirichlet.On("left", 0));
    }

    /// <summary>The antiderivative of the piecewise-linear interpolant of <paramref name="v"/> at the vertices (cumulative trapezoidal rule).</summary>
    public static double[] Integrate(double[] v)
    {
        var u = new double[v.Length];
        double h = 1.0 / (v.Length - 1);
        for (int i = 1; i < v.Length; i++) u[i] = u[i - 1] + 0.5 * h * (v[i - 1] + v[i]);
        return u;
    }

    /// <inheritdoc/>
    public override double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default) =>
        Integrate(sample.Inputs["v"]);
}
