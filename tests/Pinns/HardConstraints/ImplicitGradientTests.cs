using PdeNet.Neural;
using PdeNet.Pinns.HardConstraints;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

public class ImplicitGradientTests
{
    [OneTimeSetUp]
    public void Threads() => TorchRuntime.Initialise(seed: 5, threads: 2);

    private const long Batch = 2, Rows = 8, N = 3;
    private const double Ridge = 1e-2;

    private static readonly LevenbergMarquardtOptions Tight = new(MaxIterations: 200, GradientTolerance: 1e-13, StepTolerance: 1e-13, Ridge: Ridge);

    /// <summary>r = T0 w + ½ sin(T1 w) - y: overdetermined, so the residual at the solution is not zero and the second-order terms matter.</summary>
    private static LeastSquaresSystem System(Tensor t0, Tensor t1, Tensor y) =>
        new([new ResidualBlock("test", [t0, t1], [y], (v, d) => v[0] + 0.5 * v[1].sin() - d[0], Enumerable.Range(0, (int)Rows).Select(i => (long)i).ToArray())]);

    private static Tensor Random(Random random, params long[] shape) =>
        tensor(Enumerable.Range(0, (int)shape.Aggregate(1L, (p, s) => p * s)).Select(_ => random.NextDouble() * 2 - 1).ToArray(), ScalarType.Float64).view(shape);

    private static double Loss(Tensor t0, Tensor t1, Tensor y, Tensor c, Tensor start)
    {
        using var scope = NewDisposeScope();
        var (w, _) = LevenbergMarquardt.Solve(System(t0, t1, y), start, Tight);
        return (w * c).sum().item<double>();
    }

    [Test]
    public void ImplicitGradientMatchesFiniteDifferencesAndTheUnrolledSolver()
    {
        using var scope = NewDisposeScope();
        var random = new Random(17);
        var t0 = Random(random, Batch, Rows, N).requires_grad_(true);
        var t1 = Random(random, Batch, Rows, N).mul(2).requires_grad_(true);
        // Data from known weights plus noise: the residual at the solution is small but not zero, so the
        // second-order terms of the Hessian matter and undamped Gauss–Newton still contracts (for the unrolled check).
        var truth = Random(random, Batch, N);
        var y = (t0.detach().bmm(truth.unsqueeze(-1)).squeeze(-1) + 0.5 * t1.detach().bmm(truth.unsqueeze(-1)).squeeze(-1).sin() + 0.1 * Random(random, Batch, Rows)).detach();
        var c = Random(random, Batch, N);

        var system = System(t0, t1, y);
        var (solution, result) = LevenbergMarquardt.Solve(system, null, Tight);
        Assert.That(result.AllConverged, "the forward solve converges");
        TestContext.Out.WriteLine($"forward: iterations {string.Join(",", result.Iterations)}, max |r| {result.MaxResidual.Max():E2} (nonzero by design)");
        var w = ImplicitLeastSquaresFunction.Apply(system, solution, Ridge);
        (w * c).sum().backward();
        var implicit0 = t0.grad!.clone();
        var implicit1 = t1.grad!.clone();

        // Central differences on every eighth entry of both terms (both samples). With a nonzero residual the
        // cost resolves w only to about √ε ≈ 1e-8, so the re-solved difference quotient carries ~1e-8 / h of noise.
        double h = 1e-4, worstFd = 0, scale = Math.Max(implicit0.abs().max().item<double>(), implicit1.abs().max().item<double>());
        for (int which = 0; which < 2; which++)
        {
            var implicitGrad = which == 0 ? implicit0 : implicit1;
            var values = (which == 0 ? t0 : t1).detach().clone();
            var flat = values.view(-1);
            for (long i = 0; i < flat.shape[0]; i += 8)
            {
                double old = flat[i].item<double>();
                flat[i].fill_(old + h);
                double up = Loss(which == 0 ? values : t0.detach(), which == 1 ? values : t1.detach(), y, c, solution);
                flat[i].fill_(old - h);
                double down = Loss(which == 0 ? values : t0.detach(), which == 1 ? values : t1.detach(), y, c, solution);
                flat[i].fill_(old);
                double fd = (up - down) / (2 * h);
                double ig = implicitGrad.view(-1)[i].item<double>();
                if (i < 16) TestContext.Out.WriteLine($"term {which} entry {i}: central difference {fd:E6}, implicit {ig:E6}");
                worstFd = Math.Max(worstFd, Math.Abs(fd - ig));
            }
        }

        // The unrolled gradient: 60 undamped Gauss–Newton steps kept in the graph.
        var u0 = t0.detach().clone().requires_grad_(true);
        var u1 = t1.detach().clone().requires_grad_(true);
        var unrolled = LevenbergMarquardt.SolveUnrolled(System(u0, u1, y), solution.detach().clone().add(0.05), 60, 0, Ridge);
        (unrolled * c).sum().backward();
        double worstUnrolled = Math.Max((u0.grad! - implicit0).abs().max().item<double>(), (u1.grad! - implicit1).abs().max().item<double>());

        TestContext.Out.WriteLine($"gradient scale {scale:E2}; max |implicit - central difference| = {worstFd:E2}; max |implicit - unrolled| = {worstUnrolled:E2}");
        TestContext.Out.WriteLine($"unrolled t0 grad [0..3]: {string.Join(", ", u0.grad!.view(-1).data<double>().Take(4).Select(v => v.ToString("E6")))}");
        Assert.That(worstFd, Is.LessThan(1e-4 * Math.Max(1, scale)), "central differences of the re-solved problem (h = 1e-4, warm-started)");
        Assert.That(worstUnrolled, Is.LessThan(1e-8 * Math.Max(1, scale)), "the unrolled iteration converges to the same derivative");
    }
}
