using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Neural;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Problems;
using PdeNet.Solvers.FiniteVolume;
using static PdeNet.Core.Symbolic.Expr;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

public class GridConstraintRowsTests
{
    [OneTimeSetUp]
    public void Threads() => TorchRuntime.Initialise(seed: 11, threads: 2);

    private static readonly Unknown U = Unknown.Scalar("u");

    private static double[] Linspace(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1)).ToArray();

    /// <summary>n points of the period [0, L), end left out.</summary>
    private static double[] Periodic(double length, int n) => Enumerable.Range(0, n).Select(i => length * i / n).ToArray();

    /// <summary>A field f(t, x) (1D) or f(t, x, y) (2D) sampled on the grid as a one-function basis, (1, P, 1).</summary>
    private static Tensor Sampled(SpaceTimeGrid grid, Func<double, double[], double> f)
    {
        var values = new double[grid.Points];
        for (int n = 0; n < grid.Times.Count; n++)
            for (long s = 0; s < grid.SpatialPoints; s++) values[n * grid.SpatialPoints + s] = f(grid.Times[n], grid.Position(s));
        return tensor(values, ScalarType.Float64).view(1, grid.Points, 1);
    }

    /// <summary>
    /// max |r| of each block at the weights w = 1 (the sampled field itself), over the rows at time levels
    /// n ≥ <paramref name="fromLevel"/> (the initial rows always).
    /// </summary>
    private static Dictionary<string, double> BlockResiduals(GridConstraintRows rows, Tensor field, int fromLevel = 0)
    {
        var system = rows.Build(field, null);
        using var one = ones(field.shape[0], 1, ScalarType.Float64);
        long first = fromLevel * rows.SpatialPoints;
        return system.Blocks.ToDictionary(b => b.Name, b =>
        {
            var r = new LeastSquaresSystem([b]).Residual(one).squeeze(0).data<double>().ToArray();
            return r.Where((_, i) => b.Name == "initial" || b.Points[i] >= first).Max(Math.Abs);
        });
    }

    private static double Rate(double coarse, double fine) => Math.Log2(coarse / fine);

    /// <summary>Fisher–KPP u_t = u_xx + 6u(1 - u) with the travelling wave (1 + exp(x - 5t))⁻² as data, as in the layer tests.</summary>
    private static Problem Fisher(double end)
    {
        var wave = Pow(1 + Exp(X - 5 * T), -2);
        return Problem.Named("fisher-wave").On(new Interval(0, 1)).During(0, end)
            .Solve(Dt(U) - Laplacian(U) - 6 * U * (1 - U) == 0)
            .With(Dirichlet.On("left, right", wave))
            .With(new InitialCondition(Pow(1 + Exp(X), -2)));
    }

    [Test]
    public void ReadFromTheProblemTheRowsEqualTheHandWrittenReactionDiffusionRows()
    {
        using var scope = NewDisposeScope();
        static double Wave(double t, double x) => Math.Pow(1 + Math.Exp(x - 5 * t), -2);
        var times = Linspace(0, 0.1, 11);
        var positions = Linspace(0, 1, 21);
        var handWritten = new ReactionDiffusionRows1D(times, positions, 1.0, u => 6 * u * (1 - u),
            positions.Select(x => Wave(0, x)).ToArray(), times.Select(t => Wave(t, 0)).ToArray(), times.Select(t => Wave(t, 1)).ToArray());
        var generic = new GridConstraintRows(Fisher(0.1), new SpaceTimeGrid(times, [positions]));
        Assert.That(generic.EquationAtoms.Select(a => a.Label), Is.EqualTo(new[] { "u", "u_t", "u_xx" }));

        var random = new Generator(seed: 3);
        var basis = randn(2, times.Length * positions.Length, 30, ScalarType.Float64, generator: random);
        var w = randn(2, 30, ScalarType.Float64, generator: random);
        var perSample = randn(2, positions.Length, ScalarType.Float64, generator: random);
        foreach (var initial in new Tensor?[] { null, perSample })
        {
            var expected = handWritten.Build(basis, initial);
            var actual = generic.Build(basis, initial);
            Assert.That(actual.Blocks.Select(b => b.Rows), Is.EqualTo(expected.Blocks.Select(b => b.Rows)));
            Assert.That(actual.Blocks.Select(b => b.Points), Is.EqualTo(expected.Blocks.Select(b => b.Points)));
            var (r1, j1) = expected.ResidualAndJacobian(w);
            var (r2, j2) = actual.ResidualAndJacobian(w);
            double dr = (r1 - r2).abs().max().item<double>() / r1.abs().max().item<double>();
            double dj = (j1 - j2).abs().max().item<double>() / j1.abs().max().item<double>();
            TestContext.Out.WriteLine($"initial {(initial is null ? "from the problem" : "per sample")}: relative max |Δr| {dr:E2}, |ΔJ| {dj:E2} over {r1.shape[1]} rows");
            Assert.That(dr, Is.LessThan(1e-13));
            Assert.That(dj, Is.LessThan(1e-13));
        }
    }

    /// <summary>
    /// u_t - u_xx = f on [0, 1], u(0) = g (Dirichlet), u_x(1) + 2u(1) = h (Robin), with f, g, h made
    /// from <paramref name="exact"/> (given with its derivatives u_t, u_x, u_xx as expressions).
    /// </summary>
    private static Problem Manufactured(Expr exact, Expr ut, Expr ux, Expr uxx) =>
        Problem.Named("manufactured-heat").On(new Interval(0, 1)).During(0, 1)
            .Solve(Dt(U) - Laplacian(U) == ut - uxx)
            .With(Dirichlet.On("left", exact))
            .With(Robin.On("right", 2, ux + 2 * exact))
            .With(new InitialCondition(exact.Replace(e => e is TimeVariable ? (Expr)0 : null)));

    [Test]
    public void SecondOrderInSpaceIncludingTheOneSidedRobinRows()
    {
        using var scope = NewDisposeScope();
        // u = (1 + t) cos x is linear in t, so the backward difference is exact and what is left is the space error.
        var problem = Manufactured((1 + T) * Cos(X), Cos(X), -(1 + T) * Sin(X), -(1 + T) * Cos(X));
        var errors = new List<Dictionary<string, double>>();
        foreach (int nx in new[] { 11, 21, 41 })
        {
            var grid = new SpaceTimeGrid(Linspace(0, 0.5, 6), [Linspace(0, 1, nx)]);
            var rows = new GridConstraintRows(problem, grid);
            var r = BlockResiduals(rows, Sampled(grid, (t, x) => (1 + t) * Math.Cos(x[0])));
            errors.Add(r);
            TestContext.Out.WriteLine($"nx = {nx}: " + string.Join(", ", r.Select(kv => $"{kv.Key} {kv.Value:E2}")));
        }
        foreach (var block in new[] { "pde", "right" })
        {
            double rate = Rate(errors[1][block], errors[2][block]);
            TestContext.Out.WriteLine($"{block}: rates {Rate(errors[0][block], errors[1][block]):F3}, {rate:F3}");
            Assert.That(rate, Is.InRange(1.9, 2.1), block);
        }
        Assert.That(errors.Max(e => Math.Max(e["initial"], e["left"])), Is.LessThan(1e-14), "values are sampled exactly");
    }

    [TestCase(TimeDifference.Backward, 1.0)]
    [TestCase(TimeDifference.Bdf2, 2.0)]
    public void TimeDifferenceHasItsOrder(TimeDifference scheme, double order)
    {
        using var scope = NewDisposeScope();
        // u = e^t (1 + x) is linear in x, so the differences in space are exact and what is left is the time error.
        var problem = Manufactured(Exp(T) * (1 + X), Exp(T) * (1 + X), Exp(T), 0);
        var errors = new List<Dictionary<string, double>>();
        foreach (int nt in new[] { 11, 21, 41 })
        {
            var grid = new SpaceTimeGrid(Linspace(0, 1, nt), [Linspace(0, 1, 9)]);
            var rows = new GridConstraintRows(problem, grid, new GridRowsOptions(Time: scheme));
            // BDF2 starts with one backward step, whose row is first order; the rate is read from n ≥ 2.
            errors.Add(BlockResiduals(rows, Sampled(grid, (t, x) => Math.Exp(t) * (1 + x[0])), fromLevel: 2));
        }
        double rate = Rate(errors[1]["pde"], errors[2]["pde"]);
        TestContext.Out.WriteLine($"{scheme}: pde max |r| {string.Join(", ", errors.Select(e => e["pde"].ToString("E2")))}; rates {Rate(errors[0]["pde"], errors[1]["pde"]):F3}, {rate:F3}; robin rows {errors[^1]["right"]:E1}");
        Assert.That(rate, Is.InRange(order - 0.15, order + 0.15));
        Assert.That(errors.Max(e => e["right"]), Is.LessThan(1e-12), "one-sided differences are exact on a linear profile");
    }

    /// <summary>ψ = e^{-8π²νt}(sin 2πx sin 2πy + ½ cos 2π(x + y)): w = -Δψ = 8π²ψ, so u·∇w = 0 and w_t = νΔw with no forcing.</summary>
    private static double TaylorGreen(double nu, double t, double[] p) =>
        Math.Exp(-8 * Math.PI * Math.PI * nu * t) * (Math.Sin(2 * Math.PI * p[0]) * Math.Sin(2 * Math.PI * p[1]) + 0.5 * Math.Cos(2 * Math.PI * (p[0] + p[1])));

    private static SpaceTimeGrid Torus(double end, int nt, int n) => new(Linspace(0, end, nt), [Periodic(1, n), Periodic(1, n)]);

    [Test]
    public void NavierStokesRowsAreSpectralInSpaceAndFirstOrderInTime()
    {
        using var scope = NewDisposeScope();
        const double nu = 0.01;
        var problem = NavierStokes2D.Create().WithParameter("amplitude", 0).WithParameter("nu", nu);
        // Scale of the terms: w_t = -8π²ν w with |w| ≤ 1.5·8π².
        double scale = 8 * Math.PI * Math.PI * nu * 1.5 * 8 * Math.PI * Math.PI;
        double Residual(SpaceTimeGrid grid, GridRowsOptions? options = null)
        {
            var rows = new GridConstraintRows(problem, grid, options);
            var blocks = BlockResiduals(rows, Sampled(grid, (t, p) => TaylorGreen(nu, t, p)), fromLevel: 2);
            Assert.That(blocks.Keys, Is.EqualTo(new[] { "pde", "initial" }), "a torus has no boundary rows");
            return blocks["pde"] / scale;
        }
        double coarse = Residual(Torus(0.5, 5, 16)), fine = Residual(Torus(0.5, 5, 32));
        var inTime = new[] { 5, 9, 17 }.Select(nt => Residual(Torus(0.5, nt, 16))).ToArray();
        var bdf2 = new[] { 5, 9, 17 }.Select(nt => Residual(Torus(0.5, nt, 16), new GridRowsOptions(Time: TimeDifference.Bdf2))).ToArray();
        TestContext.Out.WriteLine($"relative pde residual, 4 steps: 16² {coarse:E6}, 32² {fine:E6}; backward 4/8/16 steps {string.Join(", ", inTime.Select(e => e.ToString("E2")))}, rate {Rate(inTime[1], inTime[2]):F3}; BDF2 {string.Join(", ", bdf2.Select(e => e.ToString("E2")))}, rate {Rate(bdf2[1], bdf2[2]):F3}");
        Assert.That(Math.Abs(coarse - fine), Is.LessThan(1e-10), "the space error is round-off (relative to the terms): only the time error is left");
        Assert.That(Rate(inTime[1], inTime[2]), Is.InRange(0.9, 1.1));
        Assert.That(Rate(bdf2[1], bdf2[2]), Is.InRange(1.85, 2.15));
    }

    [TestCase(PeriodicDerivative.Spectral)]
    [TestCase(PeriodicDerivative.CentralDifference)]
    public void SteadyInviscidFlowCancelsItsAdvection(PeriodicDerivative derivative)
    {
        using var scope = NewDisposeScope();
        // ψ = sin 2π(3x + 4y) + cos 10πx: both modes have |k|² = 25·4π², so w = 100π²ψ, u·∇w = 0 and with
        // ν = 0 the flow is steady. Fourier differentiation keeps w ∝ ψ; differences do not (their symbols
        // differ for (3, 4) and (5, 0)), and leave O(h²).
        var problem = NavierStokes2D.Create().WithParameter("amplitude", 0).WithParameter("nu", 0);
        static double Psi(double[] p) => Math.Sin(2 * Math.PI * (3 * p[0] + 4 * p[1])) + Math.Cos(10 * Math.PI * p[0]);
        double advection = 2 * (10 * Math.PI) * (100 * Math.PI * Math.PI * 2 * 10 * Math.PI);
        var errors = new[] { 32, 64, 128 }.Select(n =>
        {
            var grid = Torus(1, 3, n);
            var rows = new GridConstraintRows(problem, grid, new GridRowsOptions(Periodic: derivative));
            return BlockResiduals(rows, Sampled(grid, (_, p) => Psi(p)))["pde"] / advection;
        }).ToArray();
        TestContext.Out.WriteLine($"{derivative}: pde residual relative to the advection terms on 32², 64², 128²: {string.Join(", ", errors.Select(e => e.ToString("E2")))}" +
                                  $"; rates {Rate(errors[0], errors[1]):F3}, {Rate(errors[1], errors[2]):F3}");
        if (derivative == PeriodicDerivative.Spectral) Assert.That(errors.Max(), Is.LessThan(1e-11));
        else Assert.That(Rate(errors[1], errors[2]), Is.InRange(1.9, 2.1));
    }

    /// <summary>
    /// The finite-volume reference of diffusion–sorption at the nodes x_j = j/(nodes - 1) and every
    /// <paramref name="stride"/>-th snapshot, (1, P, 1): interior nodes are faces between two cells (the mean
    /// of the two cell values), the end nodes the boundary values the solver stores.
    /// </summary>
    private static (SpaceTimeGrid Grid, Tensor Field) FiniteVolumeOnGrid(FiniteVolumeSolution reference, int nodes, int stride)
    {
        int cellsPerNode = reference.Cells / (nodes - 1);
        var snapshots = Enumerable.Range(0, reference.Times.Count).Where(k => k % stride == 0).ToArray();
        var values = new List<double>();
        foreach (int k in snapshots)
        {
            var cells = reference.CellValues(k).ToArray();
            var (left, right) = reference.BoundaryValues(k);
            for (int j = 0; j < nodes; j++)
                values.Add(j == 0 ? left : j == nodes - 1 ? right : 0.5 * (cells[j * cellsPerNode - 1] + cells[j * cellsPerNode]));
        }
        var grid = new SpaceTimeGrid(snapshots.Select(k => reference.Times[k]).ToArray(), [Linspace(0, 1, nodes)]);
        return (grid, tensor(values.ToArray(), ScalarType.Float64).view(1, grid.Points, 1));
    }

    [Test]
    public void DiffusionSorptionRowsAreSmallOnTheFiniteVolumeReference()
    {
        using var scope = NewDisposeScope();
        var problem = DiffusionSorption1D.Create();
        var reference = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 512, StepsPerOutput: 4, OutputIntervals: 80)).Integrate(problem);
        // The state starts at 0.1 against u = 1 at x = 0 (a jump); the rows are read once the front has
        // spread over several cells, from t = 100 s on.
        var results = new List<(double Dt, double Pde, double Robin)>();
        foreach (int stride in new[] { 4, 2, 1 })
        {
            var (grid, field) = FiniteVolumeOnGrid(reference, 65, stride);
            var rows = new GridConstraintRows(problem, grid);
            Assert.That(rows.EquationAtoms.Select(a => a.Label), Is.EqualTo(new[] { "u", "u_t", "u_xx" }));
            int from = (int)Math.Round(100 / grid.TimeStep);
            var r = BlockResiduals(rows, field, fromLevel: from);
            // Term scales: the largest |u_t| on those rows, and u/D at the outflow.
            var u = field.view(grid.Shape[0], grid.Shape[1]);
            double ut = ((u.narrow(0, from, grid.Shape[0] - from) - u.narrow(0, from - 1, grid.Shape[0] - from)) / grid.TimeStep).abs().max().item<double>();
            double outflow = u.narrow(0, from, grid.Shape[0] - from).select(1, grid.Shape[1] - 1).abs().max().item<double>() / problem.ValueOf("D");
            Assert.That(r["left"], Is.LessThan(1e-12), "u = 1 at the inflow");
            results.Add((grid.TimeStep, r["pde"] / ut, r["right"] / outflow));
        }
        TestContext.Out.WriteLine("DS rows on the finite-volume reference (512 cells), 65 nodes, t ≥ 100 s: " +
                                  string.Join("; ", results.Select(x => $"Δt = {x.Dt} s: pde max|r|/max|u_t| {x.Pde:E2}, robin max|r|/(u/D) {x.Robin:E2}")));
        Assert.That(results[^1].Pde, Is.LessThan(0.05), "the PDE rows are a few per cent of the terms");
        Assert.That(Rate(results[0].Pde, results[1].Pde), Is.GreaterThan(0.8), "and fall with Δt (first order)");
        Assert.That(results[^1].Robin, Is.LessThan(0.05), "the outflow rows hold to the accuracy of the one-sided difference");
    }

    [Test]
    public void HardConstraintMeetsTheDiffusionSorptionRowsOnAGridBasis()
    {
        using var scope = NewDisposeScope();
        var problem = DiffusionSorption1D.Create();
        var grid = SpaceTimeGrid.Uniform(problem, 11, [17]);
        var rows = new GridConstraintRows(problem, grid);
        // The nodal basis (b_k = 1 at grid point k) represents every grid function, so the rows can be met exactly.
        var basis = eye(grid.Points, dtype: ScalarType.Float64).unsqueeze(0);
        // Started from u = 1 everywhere, as the paper's code starts diffusion–sorption; from u = u0 = 0.1 the
        // iterates run into u ≈ 0, where R(u) ~ u^-0.126 is steep, and Levenberg–Marquardt stalls at |r| ~ 1e-2.
        var options = new HardConstraintOptions(new LevenbergMarquardtOptions(MaxIterations: 100, Ridge: 1e-12), InitialWeight: 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = new HardConstraintLayer(rows, options).Forward(basis, null);
        clock.Stop();
        var solve = output.Solves[0];
        var reference = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 256, StepsPerOutput: 20, OutputIntervals: 10)).Integrate(problem);
        var (_, exact) = FiniteVolumeOnGrid(reference, 17, 1);
        var last = output.Solution.detach().view(11, 17).select(0, 10);
        var expected = exact.view(11, 17).select(0, 10);
        double error = ((last - expected).norm() / expected.norm()).item<double>();
        TestContext.Out.WriteLine($"DS 11 x 17 nodal basis: {solve.Iterations[0]} LM iterations, {clock.ElapsedMilliseconds} ms, max |rows| {solve.MaxResidual[0]:E2}, converged {solve.Converged[0]}; " +
                                  $"relative L2 distance to the finite-volume state at t = 500 s: {error:E2}");
        Assert.That(solve.Converged[0]);
        // The PDE rows' terms are ~1e-2 (u_t), the outflow rows' ~2e2 (u/D): 1e-7 is 1e-5 of the smallest terms,
        // the floor the step tolerance leaves with rows this unevenly scaled.
        Assert.That(solve.MaxResidual[0], Is.LessThan(1e-7));
        Assert.That(error, Is.LessThan(0.05), "the discrete solution approximates the reference");
    }

    [Test]
    public void AChannelHasBoundaryRowsOnlyOnItsWalls()
    {
        using var scope = NewDisposeScope();
        // u_t = Δu on [0, 1]², periodic in x, u = 0 at y = 0 and no condition at y = 1 (zero flux):
        // u = exp(-(4π² + π²/4) t) sin 2πx sin(πy/2).
        var problem = Problem.Named("channel-heat").On(Rectangle.UnitSquare).During(0, 0.01)
            .Solve(Dt(U) - Laplacian(U) == 0)
            .With(PdeNet.Core.Problems.Periodic.Between("left", "right", 1, 0))
            .With(Dirichlet.On("bottom", 0))
            .With(new InitialCondition(Sin(2 * Math.PI * X) * Sin(Math.PI * Y / 2)));
        int nt = 5, nx = 16, ny = 17;
        var grid = SpaceTimeGrid.Uniform(problem, nt, [nx, ny]);
        Assert.That(grid.Axes[0][^1], Is.EqualTo(15.0 / 16).Within(1e-15), "the periodic axis leaves out its end");
        Assert.That(grid.Axes[1][^1], Is.EqualTo(1.0).Within(1e-15));
        var rows = new GridConstraintRows(problem, grid);
        double decay = 4 * Math.PI * Math.PI + Math.PI * Math.PI / 4;
        var field = Sampled(grid, (t, p) => Math.Exp(-decay * t) * Math.Sin(2 * Math.PI * p[0]) * Math.Sin(Math.PI * p[1] / 2));
        var system = rows.Build(field, null);
        Assert.That(system.Blocks.Select(b => b.Name), Is.EqualTo(new[] { "pde", "initial", "bottom", "top" }));
        Assert.That(system.Blocks.Select(b => b.Rows), Is.EqualTo(new long[] { (nt - 1) * nx * (ny - 2), nx * ny, (nt - 1) * nx, (nt - 1) * nx }));
        Assert.That(system.Rows, Is.EqualTo(grid.Points), "one row per grid point");
        var r = BlockResiduals(rows, field);
        TestContext.Out.WriteLine("channel: " + string.Join(", ", r.Select(kv => $"{kv.Key} {kv.Value:E2}")));
        Assert.That(Math.Max(r["initial"], r["bottom"]), Is.LessThan(1e-14));
        Assert.That(r["top"], Is.LessThan(1e-2 * Math.PI / 2), "u_y = 0 by the one-sided difference, O(h²) of the slope scale");
    }

    [Test]
    public void HardConstraintMeetsTheNavierStokesRowsOnAGridBasis()
    {
        using var scope = NewDisposeScope();
        // The benchmark's own definition (forcing on, ν = 1e-3, three-mode initial state) on a coarse torus:
        // the nodal basis makes the rows one implicit Euler step of the spectral discretisation per level.
        var problem = NavierStokes2D.Create();
        var grid = new SpaceTimeGrid(Linspace(0, 0.5, 3), [Periodic(1, 8), Periodic(1, 8)]);
        var rows = new GridConstraintRows(problem, grid);
        Assert.That(rows.EquationAtoms.Select(a => a.Label), Is.EquivalentTo(new[]
            { "psi_x", "psi_y", "psi_txx", "psi_tyy", "psi_xxx", "psi_xxy", "psi_xyy", "psi_yyy", "psi_xxxx", "psi_xxyy", "psi_yyyy" }));
        var basis = eye(grid.Points, dtype: ScalarType.Float64).unsqueeze(0);
        var options = new HardConstraintOptions(new LevenbergMarquardtOptions(MaxIterations: 50, Ridge: 1e-10));
        var output = new HardConstraintLayer(rows, options).Forward(basis, null);
        var solve = output.Solves[0];
        // Vorticity is of order 1 and the rows hold ∂t w, u·∇w, νΔw and the forcing (0.1).
        TestContext.Out.WriteLine($"NS 3 x 8 x 8 nodal basis: {solve.Iterations[0]} LM iterations, max |rows| {solve.MaxResidual[0]:E2}, converged {solve.Converged[0]}");
        Assert.That(solve.Converged[0]);
        Assert.That(solve.MaxResidual[0], Is.LessThan(1e-8));
    }

    [Test]
    public void ObservedVorticityIsMinusTheLaplacianAndItsInitialRowsHold()
    {
        using var scope = NewDisposeScope();
        // Navier–Stokes with the streamfunction ψ as unknown and the vorticity w = -Δψ as the observed field: data
        // sets hold w, so the initial rows are -Δψ(0) = w₀ and the output is -Δψ, both spectral on the torus.
        var problem = NavierStokes2D.Create();
        var grid = new SpaceTimeGrid(Linspace(0, 0.5, 3), [Periodic(1, 8), Periodic(1, 8)]);
        var rows = new GridConstraintRows(problem, grid, observed: -Laplacian(problem.Unknown));
        double k2 = 8 * Math.PI * Math.PI;
        var psi = Sampled(grid, (t, p) => Math.Exp(-t) * Math.Sin(2 * Math.PI * p[0]) * Math.Cos(2 * Math.PI * p[1]));
        var w = rows.Observe(psi.view(1, grid.Points));
        var expected = psi.view(1, grid.Points) * k2;
        Assert.That((w - expected).abs().max().item<double>(), Is.LessThan(1e-10 * k2));
        Assert.That((new GridConstraintRows(problem, grid).Observe(psi.view(1, grid.Points)) - psi.view(1, grid.Points)).abs().max().item<double>(), Is.Zero,
            "without an observed field the output is ψ");

        // A hard-constraint solve on a nodal basis with each sample's initial vorticity meets -Δψ(0) = w₀ (two samples).
        var w0 = tensor(Enumerable.Range(0, 2).SelectMany(i => Enumerable.Range(0, (int)grid.SpatialPoints).Select(s =>
        {
            var x = grid.Position(s);
            return (1 + i) * Math.Sin(2 * Math.PI * x[0]) * Math.Sin(4 * Math.PI * x[1]) + 0.5 * Math.Cos(2 * Math.PI * (x[0] + x[1]));
        })).ToArray(), ScalarType.Float64).view(2, grid.SpatialPoints);
        var basis = eye(grid.Points, dtype: ScalarType.Float64).unsqueeze(0).expand(2, -1, -1).contiguous();
        var output = new HardConstraintLayer(rows, new HardConstraintOptions(new LevenbergMarquardtOptions(MaxIterations: 50, Ridge: 1e-10))).Forward(basis, w0);
        var initial = rows.Observe(output.Solution).narrow(1, 0, grid.SpatialPoints);
        double mismatch = (initial - w0).abs().max().item<double>();
        TestContext.Out.WriteLine($"observed initial rows: max |-Δψ(0) - w0| = {mismatch:E2}, LM iterations {string.Join(", ", output.Solves[0].Iterations)}");
        Assert.That(output.Solves[0].Converged.All(c => c));
        Assert.That(mismatch, Is.LessThan(1e-8));
        Assert.That(output.Rows().abs().max().item<double>(), Is.LessThan(1e-8), "all rows, PDE included, are met at the solution");
    }

    [Test]
    public void LiftingInvertsTheObservedVorticityToTheZeroMeanStreamfunction()
    {
        using var scope = NewDisposeScope();
        var problem = NavierStokes2D.Create();
        var grid = new SpaceTimeGrid(Linspace(0, 0.5, 3), [Periodic(1, 8), Periodic(1, 8)]);
        var rows = new GridConstraintRows(problem, grid, observed: -Laplacian(problem.Unknown));
        // A zero-mean vorticity: its streamfunction is ψ₀ with -Δψ₀ = w₀ and mean zero.
        var w0 = tensor(Enumerable.Range(0, (int)grid.SpatialPoints).Select(s =>
        {
            var x = grid.Position(s);
            return Math.Sin(2 * Math.PI * x[0]) * Math.Cos(4 * Math.PI * x[1]) + 0.3 * Math.Cos(2 * Math.PI * (x[0] - x[1]));
        }).ToArray(), ScalarType.Float64).view(1, grid.SpatialPoints);
        var psi0 = rows.Lift(w0);
        var field = psi0.unsqueeze(1).expand(1, 3, grid.SpatialPoints).reshape(1, grid.Points);
        var back = rows.Observe(field).narrow(1, 0, grid.SpatialPoints);
        Assert.That((back - w0).abs().max().item<double>(), Is.LessThan(1e-10));
        Assert.That(Math.Abs(psi0.mean().item<double>()), Is.LessThan(1e-12));
        Assert.That((new GridConstraintRows(problem, grid).Lift(w0) - w0).abs().max().item<double>(), Is.Zero, "without an observed field the state is its own lift");
    }

    [Test]
    public void AnObservedFieldWithATimeDerivativeIsRefused()
    {
        var problem = NavierStokes2D.Create();
        var grid = new SpaceTimeGrid(Linspace(0, 0.5, 3), [Periodic(1, 8), Periodic(1, 8)]);
        var e = Assert.Throws<NotSupportedException>(() => new GridConstraintRows(problem, grid, observed: Dt(problem.Unknown)))!;
        Assert.That(e.Message, Does.Contain("navier-stokes-2d").And.Contain("spatial derivatives"));
    }

    [Test]
    public void UnsupportedProblemsAndGridsAreRefusedByName()
    {
        var grid = new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(0, 1, 5)]);
        var vector = Assert.Throws<NotSupportedException>(() => new GridConstraintRows(ElasticityPlate.Create(), new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(0, 1, 5), Linspace(0, 1, 5)])))!;
        Assert.That(vector.Message, Does.Contain(ElasticityPlate.Name).And.Contain("vector"));
        var steady = Assert.Throws<NotSupportedException>(() => new GridConstraintRows(PoissonSquare.Create(), new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(0, 1, 5), Linspace(0, 1, 5)])))!;
        Assert.That(steady.Message, Does.Contain("steady"));
        var disk = Problem.Named("heat-disk").On(new Disk((0, 0), 1)).During(0, 1).Solve(Dt(U) - Laplacian(U) == 0)
            .With(Dirichlet.On("boundary", 0)).With(new InitialCondition(1 - X * X - Y * Y));
        var shape = Assert.Throws<NotSupportedException>(() => new GridConstraintRows(disk, new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(-1, 1, 5), Linspace(-1, 1, 5)])))!;
        Assert.That(shape.Message, Does.Contain("heat-disk").And.Contain("rectangle"));

        var traction = Problem.Named("pulled-bar").On(new Interval(0, 1)).During(0, 1).Solve(Dt(U) - Laplacian(U) == 0)
            .With(Dirichlet.On("left", 0)).With(Traction.On("right", 1)).With(new InitialCondition(0));
        var condition = Assert.Throws<NotSupportedException>(() => new GridConstraintRows(traction, grid))!;
        Assert.That(condition.Message, Does.Contain("pulled-bar").And.Contain("traction").And.Contain("'right'"));

        var uneven = Assert.Throws<ArgumentException>(() => new SpaceTimeGrid([0, 0.1, 0.3], [Linspace(0, 1, 5)]))!;
        Assert.That(uneven.ParamName, Is.EqualTo("times"));
        var unevenSpace = Assert.Throws<ArgumentException>(() => new SpaceTimeGrid(Linspace(0, 1, 3), [[0, 0.2, 0.5, 1]]))!;
        Assert.That(unevenSpace.ParamName, Is.EqualTo("axes[0]"));
        var short_ = Assert.Throws<ArgumentException>(() => new GridConstraintRows(Fisher(1), new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(0, 0.9, 10)])))!;
        Assert.That(short_.ParamName, Is.EqualTo("grid"));
        Assert.That(short_.Message, Does.Contain("fisher-wave").And.Contain("axis 0"));
        var closed = Assert.Throws<ArgumentException>(() => new GridConstraintRows(NavierStokes2D.Create(), new SpaceTimeGrid(Linspace(0, 1, 3), [Linspace(0, 1, 8), Linspace(0, 1, 8)])))!;
        Assert.That(closed.Message, Does.Contain("periodic"));

        var noInitial = Problem.Named("no-start").On(new Interval(0, 1)).During(0, 1).Solve(Dt(U) - Laplacian(U) == 0).With(Dirichlet.On("left, right", 0));
        var rows = new GridConstraintRows(noInitial, grid);
        using var scope = NewDisposeScope();
        var basis = ones(1, grid.Points, 2, ScalarType.Float64);
        Assert.That(Assert.Throws<ArgumentException>(() => rows.Build(basis, null))!.ParamName, Is.EqualTo("initial"));
        Assert.That(rows.Build(basis, zeros(1, 5, ScalarType.Float64)).Blocks.Select(b => b.Name), Is.EqualTo(new[] { "pde", "initial", "left", "right" }));
    }
}
