using PdeNet.Neural;
using PdeNet.Pinns.HardConstraints;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

/// <summary>
/// Constraint rows of u_t = ν u_xx + f(u) on a uniform space-time grid (nt × nx, time first, point
/// p = n·nx + i) with Dirichlet data: the PDE rows at the interior points n ≥ 1, 0 &lt; i &lt; nx-1 use
/// the backward difference in time and the three-point second difference in space,
/// (u[n,i] - u[n-1,i])/Δt - ν (u[n,i+1] - 2u[n,i] + u[n,i-1])/Δx² - f(u[n,i]); the initial rows
/// u[0,i] - u₀(x_i) and the boundary rows u[n,0] - g_left(t_n), u[n,nx-1] - g_right(t_n), n ≥ 1,
/// complete them. The number of rows equals nt·nx, so the discrete problem is square.
/// Written by hand, independently of <see cref="GridConstraintRows"/>, as the reference the rows read from
/// the problem definition are checked against, and as a small fixed system for the layer tests.
/// </summary>
internal sealed class ReactionDiffusionRows1D : IConstraintRows
{
    private readonly int _nt, _nx;
    private readonly double _dt, _dx, _diffusivity;
    private readonly Func<Tensor, Tensor> _reaction;
    private readonly double[] _initial, _left, _right;

    /// <summary>Creates the rows.</summary>
    /// <param name="times">t_0 &lt; … &lt; t_{nt-1}, uniform, at least 2.</param>
    /// <param name="positions">x_0 &lt; … &lt; x_{nx-1}, uniform, at least 3.</param>
    /// <param name="diffusivity">ν, in units of x²/t.</param>
    /// <param name="reaction">f(u), elementwise on tensors (for instance ρ u (1 - u)).</param>
    /// <param name="initial">u₀ at the positions (length nx), used when <see cref="Build"/> gets no per-sample initial state.</param>
    /// <param name="left">g_left at the times (length nt; entry 0 unused).</param>
    /// <param name="right">g_right at the times (length nt; entry 0 unused).</param>
    public ReactionDiffusionRows1D(IReadOnlyList<double> times, IReadOnlyList<double> positions, double diffusivity,
        Func<Tensor, Tensor> reaction, IReadOnlyList<double> initial, IReadOnlyList<double> left, IReadOnlyList<double> right)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        var grid = new SpaceTimeGrid(times, [positions]);
        if (initial.Count != positions.Count) throw new ArgumentException($"initial needs {positions.Count} values, got {initial.Count}", nameof(initial));
        if (left.Count != times.Count) throw new ArgumentException($"left needs {times.Count} values, got {left.Count}", nameof(left));
        if (right.Count != times.Count) throw new ArgumentException($"right needs {times.Count} values, got {right.Count}", nameof(right));
        if (!(diffusivity >= 0)) throw new ArgumentOutOfRangeException(nameof(diffusivity), diffusivity, "cannot be negative");
        _nt = times.Count;
        _nx = positions.Count;
        _dt = grid.TimeStep;
        _dx = grid.Spacing[0];
        _diffusivity = diffusivity;
        _reaction = reaction;
        _initial = initial.ToArray();
        _left = left.ToArray();
        _right = right.ToArray();
    }

    /// <inheritdoc/>
    public long Points => (long)_nt * _nx;

    /// <inheritdoc/>
    public long SpatialPoints => _nx;

    /// <summary>Grid shape (nt, nx), for an <see cref="ExpertPartition"/>.</summary>
    public int[] GridShape => [_nt, _nx];

    /// <inheritdoc/>
    public LeastSquaresSystem Build(Tensor basis, Tensor? initial)
    {
        HardConstraintLayer.CheckBasis(basis, Points);
        HardConstraintLayer.CheckInitial(initial, basis.shape[0], SpatialPoints);
        long batch = basis.shape[0], n = basis.shape[2];
        int nt = _nt, nx = _nx;
        var b = basis.view(batch, nt, nx, n);
        long interior = (long)(nt - 1) * (nx - 2);
        Tensor Flat(Tensor t, long rows) => t.reshape(batch, rows, n);

        var centre = b.narrow(1, 1, nt - 1).narrow(2, 1, nx - 2);
        var previous = b.narrow(1, 0, nt - 1).narrow(2, 1, nx - 2);
        var west = b.narrow(1, 1, nt - 1).narrow(2, 0, nx - 2);
        var east = b.narrow(1, 1, nt - 1).narrow(2, 2, nx - 2);
        var u = Flat(centre, interior);
        var ut = Flat((centre - previous).DividedBy(_dt), interior);
        var uxx = Flat((east - 2 * centre + west).DividedBy(_dx * _dx), interior);
        double nu = _diffusivity;
        var reaction = _reaction;
        var pdePoints = new long[interior];
        for (int t = 1, k = 0; t < nt; t++)
            for (int i = 1; i < nx - 1; i++) pdePoints[k++] = (long)t * nx + i;
        var pde = new ResidualBlock("pde", [u, ut, uxx], [], (v, _) => v[1] - nu * v[2] - reaction(v[0]), pdePoints);

        var start = ResidualBlock.Linear("initial", b.select(1, 0), initial ?? Row(_initial),
            Enumerable.Range(0, nx).Select(i => (long)i).ToArray());
        var left = ResidualBlock.Linear("left", b.narrow(1, 1, nt - 1).select(2, 0), Row(_left[1..]),
            Enumerable.Range(1, nt - 1).Select(t => (long)t * nx).ToArray());
        var right = ResidualBlock.Linear("right", b.narrow(1, 1, nt - 1).select(2, nx - 1), Row(_right[1..]),
            Enumerable.Range(1, nt - 1).Select(t => (long)t * nx + nx - 1).ToArray());
        return new LeastSquaresSystem([pde, start, left, right]);
    }

    private static Tensor Row(double[] values) => tensor(values, ScalarType.Float64).unsqueeze(0);
}
