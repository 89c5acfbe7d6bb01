using PdeNet.Neural;
using PdeNet.Pinns.HardConstraints;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

public class LevenbergMarquardtTests
{
    [OneTimeSetUp]
    public void Threads() => TorchRuntime.Initialise(seed: 3, threads: 2);

    private static Tensor Matrix(Random random, long batch, long rows, long columns) =>
        tensor(Enumerable.Range(0, (int)(batch * rows * columns)).Select(_ => random.NextDouble() * 2 - 1).ToArray(), ScalarType.Float64)
            .view(batch, rows, columns);

    [Test]
    public void LinearLeastSquaresMatchesTheNormalEquations()
    {
        using var scope = NewDisposeScope();
        var random = new Random(11);
        var a = Matrix(random, 3, 20, 5);
        var y = Matrix(random, 3, 20, 1).squeeze(-1);
        var system = new LeastSquaresSystem([ResidualBlock.Linear("fit", a, y, Enumerable.Range(0, 20).Select(i => (long)i).ToArray())]);
        var (w, result) = LevenbergMarquardt.Solve(system, null, new LevenbergMarquardtOptions(Ridge: 0));
        var at = a.transpose(1, 2);
        var exact = linalg.solve(at.bmm(a), at.bmm(y.unsqueeze(-1))).squeeze(-1);
        double error = (w - exact).abs().max().item<double>();
        TestContext.Out.WriteLine($"linear: max |w - w_exact| = {error:E2}, iterations {string.Join(",", result.Iterations)}");
        Assert.That(error, Is.LessThan(1e-8), "the step tolerance 1e-10 stops the iteration");
        Assert.That(result.AllConverged);
    }

    [Test]
    public void RosenbrockResidualsReachTheMinimum()
    {
        // r = (10 (w1 - w0²), w0 - 1): the minimum ‖r‖ = 0 lies at (1, 1) at the end of the curved valley.
        using var scope = NewDisposeScope();
        long batch = 4;
        var t1 = tensor(new double[] { 0, 1 }, ScalarType.Float64).view(1, 1, 2).expand(batch, 1, 2).contiguous();
        var t0 = tensor(new double[] { 1, 0 }, ScalarType.Float64).view(1, 1, 2).expand(batch, 1, 2).contiguous();
        var valley = new ResidualBlock("valley", [t1, t0], [], (v, _) => 10 * (v[0] - v[1].square()), [0]);
        var end = ResidualBlock.Linear("end", t0, ones(1, 1, ScalarType.Float64), [0]);
        var system = new LeastSquaresSystem([valley, end]);
        var start = tensor(new double[] { -1.2, 1, 2, -1, 0, 0, -3, 5 }, ScalarType.Float64).view(batch, 2);
        var (w, result) = LevenbergMarquardt.Solve(system, start, new LevenbergMarquardtOptions(Ridge: 0, MaxIterations: 200));
        double error = (w - 1).abs().max().item<double>();
        TestContext.Out.WriteLine($"Rosenbrock: max |w - 1| = {error:E2}, iterations {string.Join(",", result.Iterations)}, max |r| {result.MaxResidual.Max():E2}");
        Assert.That(error, Is.LessThan(1e-8));
        Assert.That(result.MaxResidual.Max(), Is.LessThan(1e-8));
    }

    [Test]
    public void ExponentialFitRecoversTheParameters()
    {
        // y_i = w0 exp(w1 t_i) with two samples of different parameters; rows r_i = w0 exp(w1 t_i) - y_i.
        using var scope = NewDisposeScope();
        int m = 15;
        var times = Enumerable.Range(0, m).Select(i => i / (m - 1.0)).ToArray();
        double[][] truth = [[2.0, -1.5], [0.5, 0.8]];
        var amplitude = tensor(new double[] { 1, 0 }, ScalarType.Float64).view(1, 1, 2).expand(2, m, 2).contiguous();
        var rate = stack(times.Select(t => tensor(new double[] { 0, t }, ScalarType.Float64)).ToArray()).unsqueeze(0).expand(2, m, 2).contiguous();
        var y = tensor(truth.SelectMany(p => times.Select(t => p[0] * Math.Exp(p[1] * t))).ToArray(), ScalarType.Float64).view(2, m);
        var block = new ResidualBlock("fit", [amplitude, rate], [y], (v, d) => v[0] * v[1].exp() - d[0], Enumerable.Range(0, m).Select(i => (long)i).ToArray());
        var (w, result) = LevenbergMarquardt.Solve(new LeastSquaresSystem([block]), ones(2, 2, ScalarType.Float64), new LevenbergMarquardtOptions(Ridge: 0));
        var expected = tensor(truth.SelectMany(p => p).ToArray(), ScalarType.Float64).view(2, 2);
        double error = (w - expected).abs().max().item<double>();
        TestContext.Out.WriteLine($"exponential fit: max parameter error {error:E2}, iterations {string.Join(",", result.Iterations)}, max |r| {result.MaxResidual.Max():E2}");
        Assert.That(error, Is.LessThan(1e-9));
        Assert.That(result.AllConverged);
    }

    [Test]
    public void WrongShapesAreRefusedNamingTheParameter()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 4, 3, ScalarType.Float64);
        var ex = Assert.Throws<ArgumentException>(() => ResidualBlock.Linear("fit", a, zeros(2, 5, ScalarType.Float64), [0, 1, 2, 3]));
        Assert.That(ex!.ParamName, Is.EqualTo("data"));
        var system = new LeastSquaresSystem([ResidualBlock.Linear("fit", a, zeros(1, 4, ScalarType.Float64), [0, 1, 2, 3])]);
        var bad = Assert.Throws<ArgumentException>(() => LevenbergMarquardt.Solve(system, zeros(2, 4, ScalarType.Float64), new LevenbergMarquardtOptions()));
        Assert.That(bad!.ParamName, Is.EqualTo("initial"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LevenbergMarquardtOptions(Ridge: -1).Validate());
    }
}
