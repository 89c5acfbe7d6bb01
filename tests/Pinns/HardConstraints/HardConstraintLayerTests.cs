using System.Diagnostics;
using PdeNet.Neural;
using PdeNet.Pinns.HardConstraints;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

public class HardConstraintLayerTests
{
    [OneTimeSetUp]
    public void Threads() => TorchRuntime.Initialise(seed: 7, threads: 2);

    private const int Nt = 11, Nx = 21;

    private static double[] Linspace(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1)).ToArray();

    /// <summary>Fixed random features b_k(t, x) = tanh(a_k x + c_k t + d_k) on the grid, (batch, nt·nx, N), one seed per sample.</summary>
    private static Tensor RandomFeatures(double[] times, double[] positions, int features, int batch, int seed)
    {
        var values = new double[batch * times.Length * positions.Length * features];
        int k = 0;
        for (int s = 0; s < batch; s++)
        {
            var random = new Random(seed + s);
            var a = Enumerable.Range(0, features).Select(_ => 6 * (random.NextDouble() * 2 - 1)).ToArray();
            var c = Enumerable.Range(0, features).Select(_ => 6 * (random.NextDouble() * 2 - 1)).ToArray();
            var d = Enumerable.Range(0, features).Select(_ => 4 * (random.NextDouble() * 2 - 1)).ToArray();
            // Coordinates scaled to [0, 1] so that the features vary as much in t as in x.
            double t0 = times[0], tSpan = times[^1] - times[0], x0 = positions[0], xSpan = positions[^1] - positions[0];
            foreach (var t in times)
                foreach (var x in positions)
                    for (int f = 0; f < features; f++) values[k++] = Math.Tanh(a[f] * (x - x0) / xSpan + c[f] * (t - t0) / tSpan + d[f]);
        }
        return tensor(values, ScalarType.Float64).view(batch, times.Length * positions.Length, features);
    }

    /// <summary>u_t = u_xx on [0, 1], u = exp(-π² t) sin(π x), zero Dirichlet data.</summary>
    private static (ReactionDiffusionRows1D Rows, double[] Exact) Diffusion(double[] times, double[] positions)
    {
        var exact = times.SelectMany(t => positions.Select(x => Math.Exp(-Math.PI * Math.PI * t) * Math.Sin(Math.PI * x))).ToArray();
        var rows = new ReactionDiffusionRows1D(times, positions, 1.0, u => zeros_like(u),
            positions.Select(x => Math.Sin(Math.PI * x)).ToArray(), new double[times.Length], new double[times.Length]);
        return (rows, exact);
    }

    /// <summary>Fisher–KPP u_t = u_xx + 6 u (1 - u): the travelling wave u = (1 + exp(x - 5t))⁻².</summary>
    private static (ReactionDiffusionRows1D Rows, double[] Exact) Fisher(double[] times, double[] positions)
    {
        static double U(double t, double x) => Math.Pow(1 + Math.Exp(x - 5 * t), -2);
        var exact = times.SelectMany(t => positions.Select(x => U(t, x))).ToArray();
        var rows = new ReactionDiffusionRows1D(times, positions, 1.0, u => 6 * u * (1 - u),
            positions.Select(x => U(0, x)).ToArray(), times.Select(t => U(t, positions[0])).ToArray(), times.Select(t => U(t, positions[^1])).ToArray());
        return (rows, exact);
    }

    private static double MaxError(Tensor u, double[] exact)
    {
        var reference = tensor(exact, ScalarType.Float64).unsqueeze(0);
        return (u.detach() - reference).abs().max().item<double>();
    }

    private static readonly HardConstraintOptions Options = new(new LevenbergMarquardtOptions(MaxIterations: 100, Ridge: 1e-8));

    [TestCase("diffusion")]
    [TestCase("fisher")]
    public void FixedRandomFeaturesSatisfyTheDiscretePde(string equation)
    {
        using var scope = NewDisposeScope();
        var times = Linspace(0, 0.1, Nt);
        var positions = Linspace(0, 1, Nx);
        var (rows, exact) = equation == "diffusion" ? Diffusion(times, positions) : Fisher(times, positions);
        int n = Nt * Nx + 20;
        var basis = RandomFeatures(times, positions, n, batch: 2, seed: 100);
        var layer = new HardConstraintLayer(rows, Options);
        var clock = Stopwatch.StartNew();
        var output = layer.Forward(basis, null);
        clock.Stop();
        var residual = rows.Build(basis, null).Residual(output.Weights.detach()).abs().max().item<double>();
        double error = MaxError(output.Solution, exact);
        var solve = output.Solves[0];
        TestContext.Out.WriteLine($"{equation}: {Nt}x{Nx} grid, N = {n}; LM iterations {string.Join(",", solve.Iterations)}; max |discrete residual| {residual:E2}; max |u - exact| {error:E2}; forward {clock.ElapsedMilliseconds} ms");
        // The features are nearly collinear (N > rows, tanh), so Levenberg–Marquardt approaches the exact
        // discrete solution slowly; within 100 iterations the rows (of size ~10 for the PDE) are met to 1e-3.
        Assert.That(residual, Is.LessThan(1e-3), "the reconstructed u satisfies the discrete PDE, IC and BC rows");
        Assert.That(error, Is.LessThan(equation == "diffusion" ? 3e-2 : 5e-3), "what is left is the discretisation error of the scheme (backward Euler, Δt = 0.01)");
    }

    [Test]
    public void OneExpertReproducesTheSingleHardConstraint()
    {
        using var scope = NewDisposeScope();
        var times = Linspace(0, 0.1, 6);
        var positions = Linspace(0, 1, 9);
        var (rows, _) = Fisher(times, positions);
        var basis = RandomFeatures(times, positions, 30, batch: 2, seed: 300);

        var single = basis.detach().clone().requires_grad_(true);
        var one = basis.detach().clone().requires_grad_(true);
        var weight = RandomFeatures(times, positions, 1, batch: 2, seed: 900).squeeze(-1);
        var outSingle = new HardConstraintLayer(rows, Options).Forward(single, null);
        var outOne = new HardConstraintLayer(rows, Options, new ExpertPartition(rows.GridShape, [1, 1])).Forward(one, null);
        (outSingle.Solution * weight).sum().backward();
        (outOne.Solution * weight).sum().backward();
        double du = (outSingle.Solution - outOne.Solution).abs().max().item<double>();
        double dg = (single.grad! - one.grad!).abs().max().item<double>();
        TestContext.Out.WriteLine($"K = 1 against the single hard constraint: max |Δu| = {du:E2}, max |Δ∂L/∂b| = {dg:E2} (gradient scale {single.grad!.abs().max().item<double>():E2})");
        Assert.That(du, Is.EqualTo(0));
        Assert.That(dg, Is.EqualTo(0));
    }

    [Test]
    public void ExpertsSolveTheirOwnRowsInParallel()
    {
        using var scope = NewDisposeScope();
        var times = Linspace(0, 0.1, Nt);
        var positions = Linspace(0, 1, Nx);
        var (rows, exact) = Fisher(times, positions);
        var basis = RandomFeatures(times, positions, 120, batch: 2, seed: 500);
        var partition = new ExpertPartition(rows.GridShape, [1, 4]);
        Assert.That(partition.ExpertOf(0), Is.EqualTo(0));
        Assert.That(partition.ExpertOf(Nx - 1), Is.EqualTo(3));
        var options = Options with { Solver = Options.Solver with { MaxIterations = 50 } };
        var layer = new HardConstraintLayer(rows, options, partition);
        var clock = Stopwatch.StartNew();
        var single = new HardConstraintLayer(rows, options).Forward(basis, null);
        long one = clock.ElapsedMilliseconds;
        clock.Restart();
        var output = layer.Forward(basis, null);
        long moe = clock.ElapsedMilliseconds;
        Assert.That(output.Weights.shape, Is.EqualTo(new long[] { 2, 4, 120 }));
        Assert.That(output.Solves, Has.Count.EqualTo(4));
        var worst = output.Solves.Max(s => s.MaxResidual.Max());
        TestContext.Out.WriteLine($"4 experts in x, N = 120 each: worst own-row residual {worst:E2}, max |u - exact| {MaxError(output.Solution, exact):E2}, {moe} ms; " +
                                  $"single, N = 120 (fewer weights than rows): residual {single.Solves[0].MaxResidual.Max():E2}, max |u - exact| {MaxError(single.Solution, exact):E2}, {one} ms");
        // Each expert has more weights (120) than rows (about 60), so its rows can be met; 50 iterations reach ~2e-6.
        Assert.That(worst, Is.LessThan(1e-5), "each expert meets its own rows");
    }

    [Test]
    public void SoftConstraintReturnsTheResidualPenaltyOfTheSameRows()
    {
        using var scope = NewDisposeScope();
        var times = Linspace(0, 0.1, 5);
        var positions = Linspace(0, 1, 7);
        var (rows, _) = Diffusion(times, positions);
        var basis = RandomFeatures(times, positions, 10, batch: 3, seed: 700);
        var layer = new SoftConstraintLayer(rows, 10);
        var output = layer.Forward(basis, null);
        var expected = rows.Build(basis, null).Residual(full(3, 10, 0.1, ScalarType.Float64)).square().mean().item<double>();
        Assert.That(output.Penalty!.item<double>(), Is.EqualTo(expected).Within(1e-12 * expected));
        output.Penalty!.backward();
        Assert.That(layer.Parameters[0].grad!.abs().max().item<double>(), Is.GreaterThan(0), "the penalty trains the weights");
        var ex = Assert.Throws<ArgumentException>(() => layer.Forward(zeros(3, 35, 9, ScalarType.Float64), null));
        Assert.That(ex!.ParamName, Is.EqualTo("basis"));
    }

    [Test]
    public void EachSampleMeetsItsOwnInitialState()
    {
        using var scope = NewDisposeScope();
        var times = Linspace(0, 0.1, 6);
        var positions = Linspace(0, 1, 9);
        var (rows, _) = Diffusion(times, positions);
        var basis = RandomFeatures(times, positions, 80, batch: 2, seed: 1100);
        // Sample 0 starts from sin(πx), sample 1 from -0.5 sin(2πx); both vanish at the Dirichlet ends.
        var initial = tensor(positions.Select(x => Math.Sin(Math.PI * x)).Concat(positions.Select(x => -0.5 * Math.Sin(2 * Math.PI * x))).ToArray(),
            ScalarType.Float64).view(2, positions.Length);
        var layer = new HardConstraintLayer(rows, Options);
        var output = layer.Forward(basis, initial);
        var start = output.Solution.detach().narrow(1, 0, positions.Length);
        double mismatch = (start - initial).abs().max().item<double>();
        double residual = rows.Build(basis, initial).Residual(output.Weights.detach()).abs().max().item<double>();
        TestContext.Out.WriteLine($"per-sample initial states: max |u(0, x) - u0| {mismatch:E2}, max |rows| {residual:E2}");
        Assert.That(mismatch, Is.LessThan(1e-4), "u(0, ·) is each sample's own initial state");
        Assert.That(residual, Is.LessThan(1e-3));
        var soft = new SoftConstraintLayer(rows, 80).Forward(basis, initial.narrow(0, 1, 1));
        Assert.That(soft.Penalty!.item<double>(), Is.GreaterThan(0), "one initial state broadcasts over the batch");

        var wrongLength = Assert.Throws<ArgumentException>(() => layer.Forward(basis, zeros(2, 8, ScalarType.Float64)));
        Assert.That(wrongLength!.ParamName, Is.EqualTo("initial"));
        var wrongBatch = Assert.Throws<ArgumentException>(() => layer.Forward(basis, zeros(3, 9, ScalarType.Float64)));
        Assert.That(wrongBatch!.ParamName, Is.EqualTo("initial"));
        var wrongType = Assert.Throws<ArgumentException>(() => layer.Forward(basis, zeros(2, 9, ScalarType.Float32)));
        Assert.That(wrongType!.ParamName, Is.EqualTo("initial"));
    }
}
