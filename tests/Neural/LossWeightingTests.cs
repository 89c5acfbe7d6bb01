using PdeNet.Neural.Training;
using PdeNet.Neural.Training.Weighting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Tests.Neural;

public class LossWeightingTests
{
    private static Dictionary<string, TermStatistics> Losses(params (string Name, double Value)[] terms) =>
        terms.ToDictionary(t => t.Name, t => new TermStatistics(t.Value));

    [Test]
    public void LearningRateAnnealingMovesEachWeightTowardsMaxOverMeanGradient()
    {
        var scheme = new LearningRateAnnealing(Every: 10, Alpha: 0.9, WeightedGradient: false);
        var state = LossWeightState.Start(0) with { Weights = new Dictionary<string, double> { ["boundary"] = 3 } };
        var terms = new Dictionary<string, TermStatistics>
        {
            ["pde"] = new(5, GradientMaxAbs: 2.0, GradientMeanAbs: 0.3),
            ["boundary"] = new(0.1, GradientMaxAbs: 0.05, GradientMeanAbs: 0.01),
            ["initial"] = new(0.2, GradientMaxAbs: 4, GradientMeanAbs: 0.5),
        };
        Assert.That(scheme.NeedsGradients(20), Is.True);
        Assert.That(scheme.NeedsGradients(21), Is.False);
        var next = scheme.Update(state, 20, terms);
        // λ̂_boundary = 2 / 0.01 = 200, λ̂_initial = 2 / 0.5 = 4; λ ← 0.9 λ + 0.1 λ̂ with λ_initial starting at 1.
        Assert.That(next.Weights["boundary"], Is.EqualTo(0.9 * 3 + 0.1 * 200).Within(1e-12));
        Assert.That(next.Weights["initial"], Is.EqualTo(0.9 * 1 + 0.1 * 4).Within(1e-12));
        Assert.That(next.Weights["pde"], Is.EqualTo(1));
        Assert.That(next.Step, Is.EqualTo(20));
        // Between updates nothing moves.
        var between = scheme.Update(next, 21, terms);
        Assert.That(between.Weights, Is.EqualTo(next.Weights));
        Assert.That(between.Step, Is.EqualTo(21));
        // A term whose gradient vanishes keeps its weight.
        var flat = new Dictionary<string, TermStatistics>(terms) { ["boundary"] = new(0, 0, 0) };
        Assert.That(scheme.Update(next, 30, flat).Weights["boundary"], Is.EqualTo(next.Weights["boundary"]));

        // The authors' code (the default) divides by the mean gradient of the weighted term λ_i L_i: λ̂_boundary = 2 / (3 · 0.01).
        var code = new LearningRateAnnealing().Update(state, 20, terms);
        Assert.That(code.Weights["boundary"], Is.EqualTo(0.9 * 3 + 0.1 * 2 / (3 * 0.01)).Within(1e-12));
        Assert.That(code.Weights["initial"], Is.EqualTo(0.9 * 1 + 0.1 * 2 / (1 * 0.5)).Within(1e-12));
    }

    [Test]
    public void LearningRateAnnealingOfTheCodeSettlesAtTheSquareRootOfTheRatio()
    {
        // With fixed gradients the weighted-gradient update λ ← α λ + (1 − α) R / λ has the fixed point λ = √R, the
        // paper's formula λ ← α λ + (1 − α) R the fixed point R.
        var terms = new Dictionary<string, TermStatistics> { ["pde"] = new(1, 400, 1), ["boundary"] = new(1, 1, 1) };
        var code = LossWeightState.Start(0);
        var paper = LossWeightState.Start(0);
        for (int step = 0; step < 5000; step += 10)
        {
            code = new LearningRateAnnealing().Update(code, step, terms);
            paper = new LearningRateAnnealing(WeightedGradient: false).Update(paper, step, terms);
        }
        Assert.That(code.Weights["boundary"], Is.EqualTo(20).Within(1e-9));
        Assert.That(paper.Weights["boundary"], Is.EqualTo(400).Within(1e-9));
    }

    [Test]
    public void ReLoBRaLoFollowsThePublishedUpdate()
    {
        const double T = 0.5, alpha = 0.8;
        var first = Losses(("pde", 4.0), ("boundary", 2.0));
        var second = Losses(("pde", 3.0), ("boundary", 1.8));
        var third = Losses(("pde", 1.0), ("boundary", 1.7));
        // λ̂_i(t, t') = m exp(L_i(t) / (T L_i(t'))) / Σ_j exp(L_j(t) / (T L_j(t'))), written out for two terms.
        static Dictionary<string, double> Hat(Dictionary<string, TermStatistics> now, Dictionary<string, TermStatistics> then, double t)
        {
            double p = Math.Exp(now["pde"].Value / (t * then["pde"].Value)), b = Math.Exp(now["boundary"].Value / (t * then["boundary"].Value));
            return new() { ["pde"] = 2 * p / (p + b), ["boundary"] = 2 * b / (p + b) };
        }
        foreach (double expectedRho in new[] { 1.0, 0.0 })
        {
            var scheme = new ReLoBRaLo(Alpha: alpha, Temperature: T, ExpectedRho: expectedRho);
            var state = scheme.Update(LossWeightState.Start(3), 0, first);
            Assert.That(state.Weights.Values, Is.All.EqualTo(1), "the first update only records L(0)");
            state = scheme.Update(state, 1, second);
            state = scheme.Update(state, 2, third);
            double rho = expectedRho;
            var h1Prev = Hat(second, first, T);
            var h1Zero = Hat(second, first, T);
            var h2Prev = Hat(third, second, T);
            var h2Zero = Hat(third, first, T);
            foreach (var name in new[] { "pde", "boundary" })
            {
                double l1 = alpha * (rho * 1 + (1 - rho) * h1Zero[name]) + (1 - alpha) * h1Prev[name];
                double l2 = alpha * (rho * l1 + (1 - rho) * h2Zero[name]) + (1 - alpha) * h2Prev[name];
                Assert.That(state.Weights[name], Is.EqualTo(l2).Within(1e-12), $"{name}, E[rho] = {expectedRho}");
            }
            // The term that fell least (the boundary) gains weight.
            Assert.That(state.Weights["boundary"], Is.GreaterThan(state.Weights["pde"]));
        }
    }

    [Test]
    public void ReLoBRaLoBalanceIsStableForLargeRatiosAndSumsToTheTermCount()
    {
        var scheme = new ReLoBRaLo(Temperature: 1e-3);
        var balance = scheme.Balance(new Dictionary<string, double> { ["a"] = 1, ["b"] = 10, ["c"] = 1e-30 }, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 });
        Assert.That(balance.Values.All(double.IsFinite));
        Assert.That(balance.Values.Sum(), Is.EqualTo(3).Within(1e-12));
        Assert.That(balance["b"], Is.EqualTo(3).Within(1e-12), "exp(10/T) dominates");
    }

    [Test]
    public void ReLoBRaLoLooksBackWithProbabilityOneMinusExpectedRhoReproducibly()
    {
        var scheme = new ReLoBRaLo(ExpectedRho: 0.9);
        int looks = Enumerable.Range(0, 20000).Count(step => scheme.LooksBack(7, step));
        Assert.That(looks / 20000.0, Is.EqualTo(0.1).Within(0.01));
        Assert.That(Enumerable.Range(0, 100).Select(s => scheme.LooksBack(7, s)), Is.EqualTo(Enumerable.Range(0, 100).Select(s => scheme.LooksBack(7, s))));
        Assert.That(Enumerable.Range(0, 200).Select(s => scheme.LooksBack(7, s)), Is.Not.EqualTo(Enumerable.Range(0, 200).Select(s => scheme.LooksBack(8, s))), "the seed matters");
        Assert.That(Enumerable.Range(0, 1000).Any(s => new ReLoBRaLo(ExpectedRho: 1).LooksBack(7, s)), Is.False);
    }

    [Test]
    public void GradientStatisticsRunOverEveryParameterEntry()
    {
        var a = new Parameter(tensor(new[] { 1.0, -2.0 }, ScalarType.Float64));
        var unused = new Parameter(tensor(new[] { 5.0 }, ScalarType.Float64));
        // L = 3 a₀ − 0.5 a₁², so ∇L = (3, −0.5·2·(−2)) = (3, 2) and 0 for the unused parameter.
        var term = 3 * a[0] - 0.5 * a[1].square();
        var statistics = LossBalancer.Statistics(term, [a, unused], withGradients: true);
        Assert.That(statistics.Value, Is.EqualTo(1), "3·1 − 0.5·4");
        Assert.That(statistics.GradientMaxAbs, Is.EqualTo(3));
        Assert.That(statistics.GradientMeanAbs, Is.EqualTo(5.0 / 3).Within(1e-15));
        Assert.That(double.IsNaN(LossBalancer.Statistics(term, [a], withGradients: false).GradientMaxAbs));
        // The graph survives for the backward pass of the step.
        term.backward();
        Assert.That(a.grad!.data<double>().ToArray(), Is.EqualTo(new[] { 3.0, 2.0 }));
    }

    [Test]
    public void BalancerWeighsTheTotalAndUpdatesEachStepOnce()
    {
        var p = new Parameter(tensor(new[] { 1.0, 2.0 }, ScalarType.Float64));
        var balancer = new LossBalancer(new ReLoBRaLo(Alpha: 0, Temperature: 1, ExpectedRho: 1), new Dictionary<string, double> { ["boundary"] = 10 }, [p], seed: 0);
        Dictionary<string, Tensor> Terms(double scale) => new() { ["pde"] = scale * p.square().sum(), ["boundary"] = p.sum() };
        Assert.That(balancer.Weight("boundary"), Is.EqualTo(1), "adaptive weights start at 1, not at the fixed weight");
        balancer.Update(0, Terms(1));
        balancer.Update(1, Terms(0.5));
        var after = balancer.State;
        balancer.Update(1, Terms(0.1));
        Assert.That(balancer.State, Is.SameAs(after), "a step already seen is not repeated");
        double wp = balancer.Weight("pde"), wb = balancer.Weight("boundary");
        Assert.That(wp + wb, Is.EqualTo(2).Within(1e-12));
        Assert.That(wb, Is.GreaterThan(wp), "the pde term halved, the boundary term did not move");
        Assert.That(balancer.Total(Terms(1)).item<double>(), Is.EqualTo(wp * 5 + wb * 3).Within(1e-12));
        Assert.That(balancer.Series(["pde", "boundary"]).Select(s => s.Key), Is.EqualTo(new[] { "w_pde", "w_boundary" }));
        var fixedWeights = new LossBalancer(new StaticWeighting(), new Dictionary<string, double> { ["boundary"] = 10 }, [p], 0);
        Assert.That(fixedWeights.Total(Terms(1)).item<double>(), Is.EqualTo(5 + 10 * 3));
    }

    [Test]
    public void SettingsOutOfRangeAreNamed()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateAnnealing(Every: 0).Validate())!.ParamName, Is.EqualTo("Every"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateAnnealing(Alpha: 1).Validate())!.ParamName, Is.EqualTo("Alpha"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new ReLoBRaLo(Temperature: 0).Validate())!.ParamName, Is.EqualTo("Temperature"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new ReLoBRaLo(ExpectedRho: 1.5).Validate())!.ParamName, Is.EqualTo("ExpectedRho"));
        var missing = Assert.Throws<ArgumentException>(() => new LearningRateAnnealing().Update(LossWeightState.Start(0), 0, Losses(("boundary", 1))));
        Assert.That(missing!.Message, Does.Contain("'pde'").And.Contain("boundary"));
    }
}
