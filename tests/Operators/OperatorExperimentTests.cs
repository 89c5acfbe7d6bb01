using PdeNet.Operators.Data;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;

namespace PdeNet.Tests.Operators;

public class OperatorExperimentTests
{
    /// <summary>N samples of C inputs and T outputs on a grid; value = sample + field + 0.01 · point.</summary>
    private static OperatorDataset Synthetic(int samples, int channels, int times, params int[] grid)
    {
        int size = grid.Aggregate(1, (a, b) => a * b);
        var coordinates = grid.Select(n => Enumerable.Range(0, n).Select(i => i / (double)(n - 1)).ToArray()).ToArray();
        var inputs = Enumerable.Range(0, channels).Select(c => Enumerable.Range(0, samples * size).Select(k => k / size + 10 * c + 0.01 * (k % size)).ToArray()).ToArray();
        var outputs = Enumerable.Range(0, samples * times * size).Select(k => -(k / size) - 0.01 * (k % size)).ToArray();
        return new OperatorDataset(coordinates, Enumerable.Range(0, times).Select(t => 0.5 * t).ToArray(),
            Enumerable.Range(0, channels).Select(c => $"a{c}").ToArray(), inputs, "u", outputs,
            Enumerable.Range(0, samples).Select(s => (long)s).ToArray(), new Dictionary<string, object> { ["problem"] = "synthetic" });
    }

    [Test]
    public void SplitByPartsTakesFractionsOrCounts()
    {
        var fractions = DatasetSplit.ByParts(20, [0.8, 0.1, 0.1]);
        Assert.That((fractions.Train.Length, fractions.Validation.Length, fractions.Test), Is.EqualTo((16, 2, new[] { 18, 19 })));
        var counts = DatasetSplit.ByParts(20, [10, 0, 5]);
        Assert.That((counts.Train.Length, counts.Validation.Length, counts.Test), Is.EqualTo((10, 0, new[] { 15, 16, 17, 18, 19 })));
        Assert.That(DatasetSplit.ByParts(20, [0.5, 0.2, 0.1]).Test, Has.Length.EqualTo(2), "fractions below 1 in all leave samples out");
        Assert.That(DatasetSplit.ByParts(20, [10, 0, 5], shuffleSeed: 4).Test, Is.EqualTo(DatasetSplit.ByParts(20, [10, 0, 5], shuffleSeed: 4).Test));
        Assert.That(() => DatasetSplit.ByParts(20, [10.5, 0, 5]), Throws.ArgumentException.With.Message.Contains("whole numbers"));
        Assert.That(() => DatasetSplit.ByParts(20, [1, 2]), Throws.ArgumentException.With.Message.Contains("three"));
    }

    [Test]
    public void PresetsAreFittedToTheData()
    {
        var line = Synthetic(3, 2, 1, 30);
        var deeponet = OperatorModelChoice.For(OperatorKind.DeepOnet, line, null, "line.h5");
        Assert.That(deeponet.Preset.Name, Is.EqualTo("deeponet-antiderivative"));
        Assert.That((deeponet.Spec.DeepOnet!.Branch, deeponet.Spec.DeepOnet.Trunk), Is.EqualTo((new[] { 60, 40, 40 }, new[] { 1, 40, 40 })), "two input fields of 30 sensors");
        Assert.That(() => OperatorModelChoice.For(OperatorKind.Lsm, line, null, "line.h5"), Throws.ArgumentException.With.Message.Contains("line.h5").And.Message.Contains("2D"));

        var square = Synthetic(3, 1, 2, 17, 17);
        var cnn = OperatorModelChoice.For(OperatorKind.DeepOnet, square, null, "square.h5").Spec.DeepOnet!;
        Assert.That((cnn.Cnn!.Height, cnn.Cnn.Width, cnn.Cnn.InChannels, cnn.Trunk[0]), Is.EqualTo((17, 17, 1, 3)), "two output times put t into the trunk");
        var mgno = OperatorModelChoice.For(OperatorKind.Mgno, square, null, "square.h5").Spec.Mgno!;
        Assert.That((mgno.InChannels, mgno.OutChannels), Is.EqualTo((1, 2)));
    }

    [Test]
    public void TensorsFollowTheDataLayout()
    {
        var square = Synthetic(4, 2, 2, 3, 5);
        var grid = OperatorModelChoice.For(OperatorKind.Mgno, square, null, "square.h5").Spec;
        var samples = DatasetTensors.Samples(square, [3, 1], grid);
        Assert.That(samples.Inputs.shape, Is.EqualTo(new long[] { 2, 2, 3, 5 }));
        Assert.That(samples.Inputs[1, 1, 2, 4].item<double>(), Is.EqualTo(square.Input(1, 1)[2 * 5 + 4]));
        Assert.That(samples.Targets.shape, Is.EqualTo(new long[] { 2, 2, 3, 5 }));
        Assert.That(samples.Targets[0, 1, 1, 2].item<double>(), Is.EqualTo(square.Output(3)[15 + 1 * 5 + 2]));

        var line = Synthetic(4, 1, 2, 6);
        var deeponet = DatasetTensors.Samples(line, [2], OperatorModelChoice.For(OperatorKind.DeepOnet, line, null, "line.h5").Spec);
        Assert.That((deeponet.Inputs.shape, deeponet.Targets.shape, deeponet.Coordinates!.shape),
            Is.EqualTo((new long[] { 1, 6 }, new long[] { 1, 12 }, new long[] { 12, 2 })));
        Assert.That(deeponet.Coordinates[7].data<double>().ToArray(), Is.EqualTo(new[] { 0.5, 0.2 }).Within(1e-15), "row 7 = (t_1, x_1), t slowest");
        Assert.That(deeponet.Targets[0, 7].item<double>(), Is.EqualTo(line.Output(2)[7]));
    }
}
