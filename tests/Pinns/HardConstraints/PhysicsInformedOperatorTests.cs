using PdeNet.Neural;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using PdeNet.Pinns.HardConstraints;
using PdeNet.Problems;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns.HardConstraints;

/// <summary>The physics-informed operators on u_t = ν u_xx, zero Dirichlet data, on a small (t, x) grid.</summary>
[NonParallelizable]
public class PhysicsInformedOperatorTests
{
    private const string Problem = "test-heat-1d";
    private const double Nu = 0.1;
    private static readonly double[] Times = Enumerable.Range(0, 6).Select(i => 0.1 * i).ToArray();
    private static readonly double[] Positions = Enumerable.Range(0, 16).Select(i => i / 15.0).ToArray();

    [OneTimeSetUp]
    public void Register()
    {
        TorchRuntime.Initialise(seed: 3, threads: 1);
        PhysicsInformedOperators.Register(Problem, o => new ReactionDiffusionRows1D(o.Times, o.Axes[0], Nu, u => zeros_like(u),
            o.Axes[0].Select(x => Math.Sin(Math.PI * x)).ToArray(), new double[o.Times.Length], new double[o.Times.Length]));
    }

    private static OperatorModelSpec Spec(ConstraintKind constraint, int? experts = null) =>
        OperatorModelSpec.Of(new PhysicsInformedOptions(Problem, Times, [Positions],
            new FnoOptions(1, 8, Width: 8, Modes1: 3, Modes2: 4, Layers: 2, ProjectionWidth: 16, Padding: 2), constraint, experts, MaxIterations: 30));

    /// <summary>Initial states a sin(πx) and their exact solutions a exp(−νπ²t) sin(πx).</summary>
    private static OperatorSamples Samples(int count)
    {
        var amplitude = Enumerable.Range(0, count).Select(i => 0.5 + i / (double)count).ToArray();
        var u0 = tensor(amplitude.SelectMany(a => Positions.Select(x => a * Math.Sin(Math.PI * x))).ToArray(), ScalarType.Float64).view(count, 1, Positions.Length);
        var u = tensor(amplitude.SelectMany(a => Times.SelectMany(t => Positions.Select(x => a * Math.Exp(-Nu * Math.PI * Math.PI * t) * Math.Sin(Math.PI * x)))).ToArray(),
            ScalarType.Float64).view(count, Times.Length, Positions.Length);
        return new OperatorSamples(u0, u);
    }

    private static OperatorTrainerOptions Training(int epochs) =>
        OperatorTrainingDefaults.For(Spec(ConstraintKind.Hard), epochs, batchSize: 2, threads: 1) with { Seed = 1 };

    [Test]
    public void OneExpertReproducesTheSingleHardConstraint()
    {
        var single = OperatorModel.Create(Spec(ConstraintKind.Hard), seed: 4);
        var moe = OperatorModel.Create(Spec(ConstraintKind.Hard, experts: 1), seed: 4);
        Assert.That(single.Spec.Name, Is.EqualTo("pi-hc"));
        Assert.That(moe.Spec.Name, Is.EqualTo("pi-hc-moe"));
        var input = Samples(3).Inputs;
        using var a = single.Predict(input);
        using var b = moe.Predict(input);
        Assert.That(a.shape, Is.EqualTo(new long[] { 3, Times.Length, Positions.Length }));
        Assert.That((a - b).abs().max().item<double>(), Is.EqualTo(0).Within(1e-12));
    }

    [TestCase(1, 4, new[] { 1, 4 })]
    [TestCase(2, 4, new[] { 1, 2, 2 })]
    [TestCase(2, 2, new[] { 1, 2, 1 })]
    [TestCase(2, 6, new[] { 1, 3, 2 })]
    [TestCase(2, 5, new[] { 1, 5, 1 })]
    public void ExpertsAreSplitOverTheSpaceAxesAsEvenlyAsTheyGo(int dimension, int experts, int[] splits)
    {
        var axes = Enumerable.Repeat(Positions, dimension).ToArray();
        var basis = new FnoOptions(1, 4, Modes3: dimension == 2 ? 2 : null);
        var options = new PhysicsInformedOptions(Problem, Times, axes, basis, ConstraintKind.Hard, experts);
        Assert.That(options.ExpertSplits, Is.EqualTo(splits));
        Assert.That(options.GridShape, Is.EqualTo(new[] { Times.Length }.Concat(Enumerable.Repeat(Positions.Length, dimension))));
        Assert.That(options with { Experts = null }, Has.Property(nameof(PhysicsInformedOptions.ExpertSplits)).Null);
    }

    [Test]
    public void OptionsRefuseABasisOfTheWrongDimensionAndTooManyExperts()
    {
        var twoAxes = new PhysicsInformedOptions(Problem, Times, [Positions, Positions], new FnoOptions(1, 4), ConstraintKind.Hard);
        Assert.That(() => twoAxes.Validate(), Throws.ArgumentException.With.Message.Contains("3D FNO over (t, x, y)"));
        var many = new PhysicsInformedOptions(Problem, Times, [Positions], new FnoOptions(1, 4), ConstraintKind.Hard, Positions.Length + 1);
        Assert.That(() => many.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Experts"));
    }

    [Test]
    public void OnTheTorusTheVorticityOperatorStartsFromItsInitialState()
    {
        // Navier–Stokes in streamfunction form with vorticity data: ψ = ψ₀ + m(t) Σ w_k b_k with the lifted initial state ψ₀
        // (−Δψ₀ = w₀) and m(t₀) = 0, so the output at t₀ is w₀ whatever the weights, for one solve and for 2 × 2 experts.
        var problem = new NavierStokesParametric2D();
        PhysicsInformedOperators.Register([problem]);
        const int n = 8;
        var times = problem.OutputTimes(n);
        var axes = problem.Coordinates(n);
        var basis = OperatorModelChoice.FitBasis(times.Length, [n, n]) with { OutChannels = 6, Width = 6 };
        var w0 = tensor(Enumerable.Range(0, 2).SelectMany(i => problem.Draw(0, i, n).Inputs["w0"]).ToArray(), [2, 1, n, n], ScalarType.Float64);
        foreach (int? experts in new int?[] { null, 4 })
        {
            var options = new PhysicsInformedOptions(problem.Name, times, axes, basis, ConstraintKind.Hard, experts, MaxIterations: 20, LiftInitial: true);
            var model = OperatorModel.Create(OperatorModelSpec.Of(options), seed: 1);
            using var w = model.Predict(w0);
            Assert.That(w.shape, Is.EqualTo(new long[] { 2, times.Length, n, n }));
            double start = (w.narrow(1, 0, 1) - w0).abs().max().item<double>() / w0.abs().max().item<double>();
            TestContext.Out.WriteLine($"experts {experts?.ToString() ?? "none"}: max |w(t0) - w0| / max |w0| = {start:E2}");
            Assert.That(start, Is.LessThan(1e-10));
        }
    }

    [Test]
    public void SoftAndHardShareTheBasisNetwork()
    {
        var soft = (PhysicsInformedOperator)OperatorModel.Create(Spec(ConstraintKind.Soft), seed: 4).Network;
        var hard = (PhysicsInformedOperator)OperatorModel.Create(Spec(ConstraintKind.Hard), seed: 4).Network;
        var moe = (PhysicsInformedOperator)OperatorModel.Create(Spec(ConstraintKind.Hard, experts: 4), seed: 4).Network;
        Assert.That(soft.Basis.GetType(), Is.EqualTo(hard.Basis.GetType()));
        Assert.That(soft.Basis.Options, Is.EqualTo(hard.Basis.Options));
        Assert.That(soft.Constraint, Is.InstanceOf<SoftConstraintLayer>());
        Assert.That(hard.Constraint, Is.InstanceOf<HardConstraintLayer>());
        Assert.That(((HardConstraintLayer)moe.Constraint).Experts, Is.EqualTo(4));
        // The soft layer adds only its N weights; the hard constraints have no trainable weights of their own.
        Assert.That(soft.ParameterCount, Is.EqualTo(hard.ParameterCount + 8));
        Assert.That(moe.ParameterCount, Is.EqualTo(hard.ParameterCount));
        // The same seed draws the same basis network.
        var softBasis = soft.Basis.parameters().ToArray();
        var hardBasis = hard.Basis.parameters().ToArray();
        for (int i = 0; i < softBasis.Length; i++) Assert.That(softBasis[i].equal(hardBasis[i]).all().item<bool>(), Is.True);
    }

    [Test]
    public void SoftConstraintHandsItsPenaltyToTheTrainerOnce()
    {
        var model = OperatorModel.Create(Spec(ConstraintKind.Soft), seed: 4);
        model.Network.train();
        using var u = model.Network.Forward(Samples(2).Inputs, null);
        using var penalty = model.Network.TakePenalty();
        Assert.That(penalty, Is.Not.Null);
        Assert.That(penalty!.item<double>(), Is.GreaterThan(0));
        Assert.That(model.Network.TakePenalty(), Is.Null);
        model.Network.eval();
        using var v = model.Network.Forward(Samples(2).Inputs, null);
        Assert.That(model.Network.TakePenalty(), Is.Null, "no penalty outside training");
    }

    [Test]
    public void TinyHardConstraintTrainingLowersTheLossAndSavesItsConfiguration()
    {
        var samples = Samples(4);
        var model = OperatorModel.Create(Spec(ConstraintKind.Hard), seed: 4);
        model.Fit(samples, null, Training(4));
        var loss = model.History["loss"];
        TestContext.Out.WriteLine($"loss {string.Join(", ", loss.Select(l => l.ToString("E3")))}");
        Assert.That(loss[^1], Is.LessThan(loss[0]));

        string path = Path.Combine(Path.GetTempPath(), $"pi-hc-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path);
            var loaded = OperatorModel.Load(path);
            Assert.That(loaded.Spec.PhysicsInformed!.Times, Is.EqualTo(Times));
            Assert.That(loaded.Spec.Name, Is.EqualTo("pi-hc"));
            using var a = model.Predict(samples.Inputs);
            using var b = loaded.Predict(samples.Inputs);
            Assert.That((a - b).abs().max().item<double>(), Is.EqualTo(0).Within(1e-12));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void NormalisersAndUnknownNamesAreRefused()
    {
        var model = OperatorModel.Create(Spec(ConstraintKind.Hard), seed: 4);
        Assert.That(() => model.Fit(Samples(2), null, Training(1) with { NormaliseInputs = true }),
            Throws.ArgumentException.With.Message.Contains("raw inputs and outputs"));
        Assert.That(() => PhysicsInformedVariant.Parse("pi-xx", null), Throws.ArgumentException.With.Message.Contains("pi-sc, pi-hc, pi-hc-moe"));
        Assert.That(() => PhysicsInformedVariant.Parse("pi-hc", 4), Throws.ArgumentException.With.Message.Contains("--experts applies to pi-hc-moe only"));
        Assert.That(() => PhysicsInformedVariant.Parse("pi-hc-moe", 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("--experts"));
        Assert.That(PhysicsInformedVariant.Parse("PI-HC-MOE", null), Is.EqualTo(new PhysicsInformedVariant(ConstraintKind.Hard, 4)));
        var unknown = Spec(ConstraintKind.Hard) with { PhysicsInformed = Spec(ConstraintKind.Hard).PhysicsInformed! with { Problem = "no-such-problem" } };
        Assert.That(() => unknown.Build(), Throws.InvalidOperationException.With.Message.Contains("no-such-problem").And.Message.Contains(Problem));
        Assert.That(() => Spec(ConstraintKind.Soft, experts: 2).Build(), Throws.ArgumentException.With.Message.Contains("experts"));
    }
}
