using System.Diagnostics;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

/// <summary>Each model memorises 8 samples: the training loss falls at least 100-fold in a few seconds.</summary>
[NonParallelizable]
public class OverfitTests
{
    private static double Overfit(OperatorModelSpec spec, OperatorSamples data, OperatorTrainerOptions options)
    {
        var model = OperatorModel.Create(spec, seed: 1);
        var watch = Stopwatch.StartNew();
        model.Fit(data, null, options);
        var loss = model.History["loss"];
        double factor = loss[0] / loss.Min();
        TestContext.Out.WriteLine($"{spec.Kind}: {model.ParameterCount} parameters, loss {loss[0]:E3} -> {loss.Min():E3} (factor {factor:F0}) in {watch.Elapsed.TotalSeconds:F1} s");
        return factor;
    }

    [Test]
    public void DeepOnetMemorisesEightAntiderivatives()
    {
        var (u, s, y) = OperatorTestData.Antiderivative(8, 20, 20, seed: 3);
        var spec = OperatorModelSpec.Of(new DeepOnetOptions([20, 40, 40], [1, 40, 40]));
        var options = new OperatorTrainerOptions(Epochs: 500, BatchSize: 8, new ConstantSchedule(3e-3), Loss: OperatorLossKind.Mse,
            NormaliseInputs: false, NormaliseOutputs: false, Threads: 1);
        Assert.That(Overfit(spec, new OperatorSamples(u, s, y), options), Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void MgnoMemorisesEightFields()
    {
        var (a, u) = OperatorTestData.Grid(8, 16, 16, seed: 4);
        var spec = OperatorModelSpec.Of(new MgnoOptions(1, 1, 8, 2, [1, 1, 2]));
        var options = new OperatorTrainerOptions(Epochs: 300, BatchSize: 8, new OneCycleSchedule(1e-2, 300, 0.2, 2, 100), Loss: OperatorLossKind.Mse, Threads: 1);
        Assert.That(Overfit(spec, new OperatorSamples(a, u), options), Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void LsmMemorisesEightFields()
    {
        var (a, u) = OperatorTestData.Grid(8, 16, 16, seed: 5);
        var spec = OperatorModelSpec.Of(new LsmOptions(1, 1, 8, NumBasis: 4, NumTokens: 2, Patch: 1));
        var options = new OperatorTrainerOptions(Epochs: 120, BatchSize: 8, new OneCycleSchedule(1e-2, 120, 0.2, 2, 100), Loss: OperatorLossKind.Mse, Threads: 1);
        Assert.That(Overfit(spec, new OperatorSamples(a, u), options), Is.GreaterThanOrEqualTo(100));
    }
}
