using PdeNet.Core.Problems;
using PdeNet.Core.RandomFields;
using PdeNet.Core.Solving;
using PdeNet.Core.Symbolic;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The diffusion–sorption operator of the physics-informed hard-constraint benchmark (Chalapathi et al.,
/// ICLR 2024, on PDEBench's data): the PDE, parameters and boundary conditions of
/// <see cref="DiffusionSorption1D"/>, mapping the initial state u₀ to u(t, x) on a uniform grid of
/// R points x_i = i/(R − 1) in [0, 1] and <see cref="TimeCount"/> times t_k = 500 k/(nt − 1), t_0 = 0
/// included. PDEBench draws a uniform u₀ ~ U(0, 0.2); here u₀ is a seeded smooth random field,
/// u₀(x) = c (1 + Σ_{k=1}^{M} a_k sin(kπx)/k²) with c ~ U(0, 0.2) and a_k ~ U(−1/2, 1/2), so
/// u₀ &gt; 0 (Σ |a_k|/k² &lt; π²/12 &lt; 1) and its mean lies in PDEBench's range. The output at t = 0 is u₀;
/// later outputs are the finite-volume reference (<c>finite-volume</c>: 512 cells, BDF2, snapshots
/// every 5 s, evaluated at the grid points).
/// </summary>
public sealed class DiffusionSorptionParametric1D : ParametricProblem
{
    /// <summary>The problem's name in the library.</summary>
    public const string ProblemName = DiffusionSorption1D.Name;

    /// <summary>End of the time interval (PDEBench), in seconds.</summary>
    public const double EndTime = 500;

    /// <summary>Creates the problem.</summary>
    /// <param name="times">nt, output times including t = 0 (26: every 20 s).</param>
    /// <param name="modes">M, sine modes of the initial state.</param>
    public DiffusionSorptionParametric1D(int times = 26, int modes = 4)
    {
        if (times < 2) throw new ArgumentOutOfRangeException(nameof(times), times, "at least two output times (0 and the end) are needed");
        if (modes < 0) throw new ArgumentOutOfRangeException(nameof(modes), modes, "cannot be negative");
        TimeCount = times;
        Modes = modes;
    }

    /// <summary>nt, the number of output times (t = 0 included).</summary>
    public int TimeCount { get; }

    /// <summary>M, sine modes of the initial state.</summary>
    public int Modes { get; }

    /// <inheritdoc/>
    public override string Name => ProblemName;

    /// <inheritdoc/>
    public override string Description => "diffusion-sorption u_t = D/R(u) u_xx (PDEBench parameters), u0 a smooth random field of mean in [0, 0.2], output u(t, x) for t in [0, 500]";

    /// <inheritdoc/>
    public override string Citation => "M. Takamoto et al., PDEBench, NeurIPS 2022; N. Chalapathi, Y. Du, A. S. Krishnapriyan, Scaling physics-informed hard constraints with mixture-of-experts, ICLR 2024";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputNames => ["u0"];

    /// <inheritdoc/>
    public override string ReferenceSolver => "finite-volume";

    /// <inheritdoc/>
    public override int DefaultResolution => 64;

    /// <inheritdoc/>
    public override int MinimumResolution => 3;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object> Configuration => new Dictionary<string, object>
    {
        ["equation"] = "u_t = D/R(u) u_xx, R = 1 + (1-phi)/phi rho_s k_f n_f (u+eps)^(n_f-1); u(t,0) = 1, u = -D u_x at x = 1",
        ["D"] = 5e-4,
        ["phi"] = 0.29,
        ["rho_s"] = 2880.0,
        ["k_f"] = 3.5e-4,
        ["n_f"] = 0.874,
        ["end_time"] = EndTime,
        ["times"] = (long)TimeCount,
        ["initial"] = "u0(x) = c (1 + sum_k a_k sin(k pi x)/k^2), c ~ U(0, 0.2), a_k ~ U(-1/2, 1/2)",
        ["modes"] = (long)Modes,
    };

    /// <summary>The problem with the extended isotherm (|u| in R), defined for the negative values a trial solution may take.</summary>
    public override Problem Template => DiffusionSorption1D.Create(null, extendedIsotherm: true);

    /// <inheritdoc/>
    public override double[][] Coordinates(int resolution) => [Vertices(0, 1, resolution)];

    /// <inheritdoc/>
    public override double[] OutputTimes(int resolution) => Vertices(0, EndTime, TimeCount);

    /// <summary>The level c and the mode amplitudes a_k of sample <paramref name="index"/>.</summary>
    public (double Level, double[] Amplitudes) InitialState(long seed, long index)
    {
        var random = RandomStream.ForSample(seed, index);
        double level = 0.2 * random.NextDouble();
        var amplitudes = Enumerable.Range(0, Modes).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (level, amplitudes);
    }

    /// <inheritdoc/>
    public override ParametricSample Draw(long seed, long index, int resolution)
    {
        CheckResolution(resolution);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "the sample index cannot be negative");
        var (level, amplitudes) = InitialState(seed, index);
        double U0(double x) => level * (1 + amplitudes.Select((a, k) => a * Math.Sin((k + 1) * Math.PI * x) / ((k + 1) * (k + 1))).Sum());
        Expr initial = 1;
        for (int k = 0; k < amplitudes.Length; k++) initial += amplitudes[k] / ((k + 1) * (k + 1)) * Sin((k + 1) * Math.PI * X);
        var problem = DiffusionSorption1D.Create(Named("u0", level * initial));
        var x = Coordinates(resolution)[0];
        return new ParametricSample(seed, index, resolution, new Dictionary<string, double[]> { ["u0"] = x.Select(U0).ToArray() }, problem);
    }

    /// <inheritdoc/>
    public override double[] Reference(ParametricSample sample, ISolver? solver, CancellationToken cancellation = default)
    {
        if (solver is null) throw new ArgumentNullException(nameof(solver), $"problem '{Name}' needs the finite-volume solver for its reference");
        if (sample.Problem is null) throw new ArgumentException("the sample carries no problem", nameof(sample));
        var solution = solver.Solve(sample.Problem, null, cancellation);
        var x = Coordinates(sample.Resolution)[0];
        var times = OutputTimes(sample.Resolution);
        var output = new double[times.Length * x.Length];
        sample.Inputs["u0"].CopyTo(output, 0);
        for (int k = 1; k < times.Length; k++) solution.Evaluate(x, times[k]).CopyTo(output, k * x.Length);
        return output;
    }
}
