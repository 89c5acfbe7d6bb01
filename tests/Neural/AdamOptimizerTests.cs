using PdeNet.Neural.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Tests.Neural;

[NonParallelizable]
public class AdamOptimizerTests
{
    /// <summary>Two parameter tensors of a least-squares fit ||A w + b - y||², float64, seeded.</summary>
    private static Parameter[] Parameters(int seed)
    {
        using var generator = new Generator((ulong)seed);
        return [new Parameter(randn([4, 3], ScalarType.Float64, generator: generator)), new Parameter(randn([3], ScalarType.Float64, generator: generator))];
    }

    private static Tensor Loss(Parameter[] p)
    {
        var x = linspace(-1, 1, 12, ScalarType.Float64).reshape(3, 4);
        var y = sin(3 * linspace(0, 1, 9, ScalarType.Float64)).reshape(3, 3);
        return (x.matmul(p[0]) + p[1] - y).square().sum();
    }

    private static void Run(Action zeroGrad, Action step, Parameter[] p, int steps, Action<int>? beforeStep = null)
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            beforeStep?.Invoke(i);
            zeroGrad();
            Loss(p).backward();
            step();
        }
    }

    private static double MaxDifference(Parameter[] a, Parameter[] b) =>
        a.Zip(b).Max(pair => (pair.First - pair.Second).abs().max().item<double>());

    [TestCase(false, false, 0.0)]
    [TestCase(false, false, 1e-2)]
    [TestCase(true, false, 1e-2)]
    [TestCase(false, true, 0.0)]
    public void MatchesLibtorchAdamOnALeastSquaresFit(bool decoupled, bool amsgrad, double weightDecay)
    {
        var ours = Parameters(7);
        var theirs = Parameters(7);
        using var adam = new AdamOptimizer(ours, new AdamOptions(0.05, WeightDecay: weightDecay, Decoupled: decoupled, Amsgrad: amsgrad));
        using var reference = decoupled
            ? (OptimizerHelper)optim.AdamW(theirs, 0.05, weight_decay: weightDecay, amsgrad: amsgrad)
            : optim.Adam(theirs, 0.05, weight_decay: weightDecay, amsgrad: amsgrad);
        Run(adam.ZeroGrad, adam.Step, ours, 200);
        Run(reference.zero_grad, () => reference.step(), theirs, 200);
        double loss0 = Loss(Parameters(7)).item<double>(), loss = Loss(ours).item<double>();
        Assert.Multiple(() =>
        {
            Assert.That(MaxDifference(ours, theirs), Is.LessThanOrEqualTo(1e-13), "same iterates as TorchSharp's optimiser");
            Assert.That(loss, Is.LessThan(loss0 / 10), "the fit improves");
            Assert.That(adam.StepCount, Is.EqualTo(200));
        });
    }

    [Test]
    public void LearningRateChangesTakeEffectAtTheNextStep()
    {
        var ours = Parameters(3);
        var theirs = Parameters(3);
        using var adam = new AdamOptimizer(ours, new AdamOptions(0.1));
        using var reference = optim.Adam(theirs, 0.1);
        double Rate(int step) => 0.1 * Math.Pow(0.98, step);
        Run(adam.ZeroGrad, adam.Step, ours, 50, i => adam.LearningRate = Rate(i));
        Run(reference.zero_grad, () => reference.step(), theirs, 50, i => { foreach (var g in reference.ParamGroups) g.LearningRate = Rate(i); });
        Assert.That(MaxDifference(ours, theirs), Is.LessThanOrEqualTo(1e-13));
    }

    [Test]
    public void SavedStateContinuesBitForBit()
    {
        var straight = Parameters(11);
        using var adam = new AdamOptimizer(straight, new AdamOptions(0.05, Amsgrad: true));
        Run(adam.ZeroGrad, adam.Step, straight, 60);

        var resumed = Parameters(11);
        byte[] state;
        using (var first = new AdamOptimizer(resumed, new AdamOptions(0.05, Amsgrad: true)))
        {
            Run(first.ZeroGrad, first.Step, resumed, 25);
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream)) first.Save(writer);
            state = stream.ToArray();
        }
        using var second = new AdamOptimizer(resumed, new AdamOptions(0.05, Amsgrad: true));
        using (var reader = new BinaryReader(new MemoryStream(state))) second.Load(reader);
        Run(second.ZeroGrad, second.Step, resumed, 35);
        Assert.Multiple(() =>
        {
            Assert.That(MaxDifference(straight, resumed), Is.EqualTo(0.0));
            Assert.That(second.StepCount, Is.EqualTo(60));
        });
    }

    [Test]
    public void StateOfOtherSettingsOrParametersIsRefusedWithTheReason()
    {
        var p = Parameters(1);
        using var plain = new AdamOptimizer(p, new AdamOptions());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) plain.Save(writer);
        byte[] state = stream.ToArray();

        using var amsgrad = new AdamOptimizer(p, new AdamOptions(Amsgrad: true));
        var wrongSetting = Assert.Throws<InvalidDataException>(() => amsgrad.Load(new BinaryReader(new MemoryStream(state))))!;
        using var fewer = new AdamOptimizer(p.Take(1), new AdamOptions());
        var wrongCount = Assert.Throws<InvalidDataException>(() => fewer.Load(new BinaryReader(new MemoryStream(state))))!;
        var empty = Assert.Throws<InvalidDataException>(() => plain.Load(new BinaryReader(new MemoryStream([]))))!;
        Assert.Multiple(() =>
        {
            Assert.That(wrongSetting.Message, Does.Contain("amsgrad"));
            Assert.That(wrongCount.Message, Does.Contain("2 parameter tensors").And.Contain("has 1"));
            Assert.That(empty.Message, Does.Contain("empty or truncated"));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer(p, new AdamOptions(Beta2: 1)));
        });
    }
}
