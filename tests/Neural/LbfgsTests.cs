using PdeNet.Neural.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Neural;

public class LbfgsTests
{
    /// <summary>f(x) = Σ 100 (x_{2i+1} - x_{2i}²)² + (1 - x_{2i})², minimum 0 at (1, ..., 1).</summary>
    private sealed class Rosenbrock(int dimension) : IDifferentiableFunction
    {
        public int Evaluations { get; private set; }

        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            Evaluations++;
            gradient.Clear();
            double f = 0;
            for (int i = 0; i < dimension; i += 2)
            {
                double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
                f += 100 * a * a + b * b;
                gradient[i] += -400 * a * x[i] - 2 * b;
                gradient[i + 1] += 200 * a;
            }
            return f;
        }
    }

    private sealed class Function(int dimension, Func<double[], (double, double[])> f) : IDifferentiableFunction
    {
        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var (value, g) = f(x.ToArray());
            g.CopyTo(gradient);
            return value;
        }
    }

    [Test]
    public void MinimisesRosenbrockFromTheClassicStart()
    {
        var function = new Rosenbrock(2);
        double[] x = [-1.2, 1];
        var result = new Lbfgs().Minimize(function, x);
        TestContext.Out.WriteLine($"{result.Iterations} iterations, {result.Evaluations} evaluations, f = {result.Value:E2}: {result.Reason}");
        Assert.That(result.Converged, result.Reason);
        Assert.That(x[0], Is.EqualTo(1).Within(1e-6));
        Assert.That(x[1], Is.EqualTo(1).Within(1e-6));
        Assert.That(result.Iterations, Is.LessThan(60));
        Assert.That(function.Evaluations, Is.EqualTo(result.Evaluations));
    }

    [Test]
    public void MinimisesExtendedRosenbrockInTwentyDimensions()
    {
        var x = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var result = new Lbfgs(new LbfgsOptions(History: 10)).Minimize(new Rosenbrock(20), x);
        Assert.That(result.Value, Is.LessThan(1e-12), result.Reason);
        Assert.That(x, Is.All.EqualTo(1).Within(1e-5));
    }

    [Test]
    public void TerminatesOnAnIllConditionedQuadraticLikeConjugateGradients()
    {
        // f = ½ Σ λ_i x_i² with 50 distinct λ from 1 to 1e4. With near-exact line searches (c2 = 0.1)
        // L-BFGS reproduces conjugate gradients, which end in at most n = 50 iterations.
        const int n = 50;
        var lambda = Enumerable.Range(0, n).Select(i => Math.Pow(1e4, i / (n - 1.0))).ToArray();
        var function = new Function(n, x => (0.5 * x.Select((v, i) => lambda[i] * v * v).Sum(), x.Select((v, i) => lambda[i] * v).ToArray()));
        var x = Enumerable.Repeat(1.0, n).ToArray();
        var result = new Lbfgs(new LbfgsOptions(MaxIterations: 500, GradientTolerance: 1e-8, ChangeTolerance: 0, Curvature: 0.1)).Minimize(function, x);
        TestContext.Out.WriteLine($"quadratic: {result.Iterations} iterations, {result.Evaluations} evaluations, max |x| {x.Max(Math.Abs):E2}: {result.Reason}");
        Assert.That(result.Converged, result.Reason);
        Assert.That(result.Iterations, Is.LessThanOrEqualTo(n + 2));
        Assert.That(x.Max(Math.Abs), Is.LessThan(1e-8));
    }

    [Test]
    public void LineSearchStepsSatisfyTheStrongWolfeConditions()
    {
        // Along d = 1 from 0: φ(α) = (α - 3)² + sin(4α), φ'(0) = -6 + 4 < 0.
        var options = new LbfgsOptions();
        var search = new StrongWolfeLineSearch(options);
        double Phi(double a) => (a - 3) * (a - 3) + Math.Sin(4 * a);
        double Slope(double a) => 2 * (a - 3) + 4 * Math.Cos(4 * a);
        foreach (double first in new[] { 0.01, 0.5, 1, 5, 50 })
        {
            var outcome = search.Search(a => (Phi(a), Slope(a)), Phi(0), Slope(0), first, 100);
            Assert.That(outcome.Satisfied, $"first step {first}");
            Assert.That(Phi(outcome.Step), Is.LessThanOrEqualTo(Phi(0) + options.SufficientDecrease * outcome.Step * Slope(0)));
            Assert.That(Math.Abs(Slope(outcome.Step)), Is.LessThanOrEqualTo(options.Curvature * Math.Abs(Slope(0))));
        }
    }

    [Test]
    public void StepsIntoNaNRegionsAreShortened()
    {
        // f = (x - 1.9)² but NaN beyond x = 2: the first steps overshoot into the NaN region.
        var function = new Function(1, x => x[0] > 2 ? (double.NaN, [double.NaN]) : (Math.Pow(x[0] - 1.9, 2), [2 * (x[0] - 1.9)]));
        double[] x = [-5];
        var result = new Lbfgs(new LbfgsOptions(FirstStep: 1000)).Minimize(function, x);
        Assert.That(x[0], Is.EqualTo(1.9).Within(1e-6), result.Reason);
    }

    [Test]
    public void FitsNetworkParametersThroughTheTorchAdapter()
    {
        // Least squares y ≈ a x + b over a Linear layer; closed form from the normal equations.
        using var scope = NewDisposeScope();
        torch.manual_seed(0);
        var layer = nn.Linear(1, 1, dtype: ScalarType.Float64);
        var xs = linspace(0, 1, 20, dtype: ScalarType.Float64).reshape(20, 1);
        var ys = 3 * xs + 0.5 + 0.1 * (xs * 7).sin();
        var function = new ParameterFunction(layer.parameters(), () => (layer.forward(xs) - ys).square().mean());
        var parameters = function.Current();
        var result = new Lbfgs().Minimize(function, parameters);
        function.Load(parameters);
        double[] x = xs.data<double>().ToArray(), y = ys.data<double>().ToArray();
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
        Assert.That(layer.weight!.data<double>()[0], Is.EqualTo(slope).Within(1e-7), result.Reason);
        Assert.That(layer.bias!.data<double>()[0], Is.EqualTo(my - slope * mx).Within(1e-7));
    }

    [Test]
    public void InvalidOptionsAreRejectedByName()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions(History: 0)))!.ParamName, Is.EqualTo("History"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions(SufficientDecrease: 0.95)))!.ParamName, Is.EqualTo("Curvature"));
    }
}
