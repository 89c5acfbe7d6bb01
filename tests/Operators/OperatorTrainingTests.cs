using PdeNet.Neural.Training;
using PdeNet.Operators.Losses;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

/// <summary>Save/load, resume, best-epoch selection and the divergence guard of the operator trainer.</summary>
[NonParallelizable]
public class OperatorTrainingTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pdenet-operators-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static readonly OperatorModelSpec SmallMgno = OperatorModelSpec.Of(new MgnoOptions(1, 1, 4, 2, [1, 1, 2]));

    private static OperatorTrainerOptions Options(int epochs, string? checkpoint = null) =>
        new(epochs, BatchSize: 4, new OneCycleSchedule(1e-2, 4, 0.5, 2, 100), WeightDecay: 1e-4, Loss: OperatorLossKind.RelativeH1, Threads: 1, CheckpointPath: checkpoint);

    private static double[] Values(Tensor t) => t.to_type(ScalarType.Float64).data<double>().ToArray();

    [TestCase("mgno")]
    [TestCase("lsm")]
    [TestCase("deeponet")]
    public void SavedModelPredictsExactlyAsTheOriginal(string kind)
    {
        OperatorSamples data;
        OperatorModelSpec spec;
        if (kind == "deeponet")
        {
            var (u, s, y) = OperatorTestData.Antiderivative(8, 12, 9, seed: 1);
            data = new OperatorSamples(u, s, y);
            spec = OperatorModelSpec.Of(new DeepOnetOptions([12, 16, 16], [1, 16, 16]));
        }
        else
        {
            var (a, u) = OperatorTestData.Grid(8, 12, 12, seed: 1);
            data = new OperatorSamples(a, u);
            spec = kind == "mgno" ? SmallMgno : OperatorModelSpec.Of(new LsmOptions(1, 1, 8, NumBasis: 3, NumTokens: 2, Patch: 1));
        }
        var model = OperatorModel.Create(spec, seed: 2);
        model.Fit(data, null, Options(2) with { Loss = OperatorLossKind.RelativeL2 });
        string path = Path.Combine(_folder, "model.pdo");
        model.Save(path);
        var loaded = OperatorModel.Load(path);
        Assert.That(loaded.Spec.Kind, Is.EqualTo(spec.Kind));
        Assert.That(loaded.ParameterCount, Is.EqualTo(model.ParameterCount));
        Assert.That(loaded.History["loss"], Is.EqualTo(model.History["loss"]));
        Assert.That(loaded.InputNormaliser, Is.Not.Null);
        Assert.That(loaded.OutputNormaliser, Is.Not.Null);
        Assert.That(Values(loaded.Predict(data.Inputs, data.Coordinates)), Is.EqualTo(Values(model.Predict(data.Inputs, data.Coordinates))));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1), "no temporary file is left behind");
    }

    [Test]
    public void ResumedTrainingRepeatsTheUninterruptedRunBitForBit()
    {
        var (a, u) = OperatorTestData.Grid(8, 12, 12, seed: 3);
        var data = new OperatorSamples(a, u);
        var straight = OperatorModel.Create(SmallMgno, seed: 4);
        straight.Fit(data, null, Options(4, Path.Combine(_folder, "straight.ckpt")));

        string checkpoint = Path.Combine(_folder, "half.ckpt");
        OperatorModel.Create(SmallMgno, seed: 4).Fit(data, null, Options(2, checkpoint));
        var resumed = new OperatorTrainer(Options(4, checkpoint)).Resume(checkpoint, data);

        Assert.That(resumed.History.Steps, Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(resumed.History["loss"], Is.EqualTo(straight.History["loss"]));
        Assert.That(Values(resumed.Predict(a)), Is.EqualTo(Values(straight.Predict(a))));
        Assert.Throws<InvalidDataException>(() => new OperatorTrainer(Options(4)).Resume(WriteModel(straight), data));
    }

    private string WriteModel(OperatorModel model)
    {
        string path = Path.Combine(_folder, "final.pdo");
        model.Save(path);
        return path;
    }

    [Test]
    public void TheBestValidationEpochIsKept()
    {
        var (a, u) = OperatorTestData.Grid(12, 12, 12, seed: 5);
        var train = new OperatorSamples(a[..8], u[..8]);
        var validation = new OperatorSamples(a[8..], u[8..]);
        var model = OperatorModel.Create(SmallMgno, seed: 6);
        model.Fit(train, validation, Options(6) with { Schedule = new ConstantSchedule(3e-2) });
        var errors = model.History["val_rel_l2"];
        int best = errors.Select((e, i) => (e, i)).MinBy(p => p.e).i + 1;
        Assert.That(model.Epoch, Is.EqualTo(best));
        double error = new RelativeLpLoss().Compute(model.Predict(validation.Inputs), validation.Targets.to_type(ScalarType.Float64)).item<double>();
        Assert.That(error, Is.EqualTo(errors.Min()).Within(1e-12));
        Assert.That(model.History.Names, Is.EqualTo(new[] { "loss", "lr", "val_loss", "val_rel_l2" }));
    }

    [Test]
    public void DivergenceRestoresTheLastGoodWeightsAndKeepsTheCheckpoint()
    {
        var (a, u) = OperatorTestData.Grid(8, 12, 12, seed: 7);
        string checkpoint = Path.Combine(_folder, "run.ckpt");
        var model = OperatorModel.Create(SmallMgno, seed: 8);
        model.Fit(new OperatorSamples(a, u), null, Options(2, checkpoint));
        var before = Values(model.Predict(a));
        var saved = File.ReadAllBytes(checkpoint);

        var poisoned = u.clone();
        poisoned[5, 0, 3, 3] = tensor(float.NaN);
        var trainer = new OperatorTrainer(Options(2, checkpoint) with { NormaliseOutputs = false });
        var error = Assert.Throws<LossDivergedException>(() => trainer.Fit(model, new OperatorSamples(a, poisoned)))!;
        Assert.That(error.Message, Does.Contain("diverged"));
        Assert.That(File.ReadAllBytes(checkpoint), Is.EqualTo(saved));
        model.InputNormaliser = OperatorModel.Load(checkpoint).InputNormaliser;
        model.OutputNormaliser = OperatorModel.Load(checkpoint).OutputNormaliser;
        Assert.That(Values(model.Predict(a)), Is.EqualTo(before));
    }

    [Test]
    public void PairedTriplesTrainAndPredictAsTheirGridPoints()
    {
        // Each function with one of its grid points: the paired prediction equals the grid prediction at that point.
        var (u, s, y) = OperatorTestData.Antiderivative(16, 12, 9, seed: 3);
        var pick = tensor(Enumerable.Range(0, 16).Select(i => (long)(i * 5 % 9)).ToArray());
        var points = y.index_select(0, pick);
        var targets = s.gather(1, pick.unsqueeze(1));
        var paired = new OperatorSamples(u, targets, points, Paired: true);
        var model = OperatorModel.Create(OperatorModelSpec.Of(new DeepOnetOptions([12, 16, 16], [1, 16, 16])), seed: 4);
        var options = new OperatorTrainerOptions(40, 4, new ConstantSchedule(1e-2), Loss: OperatorLossKind.Mse, NormaliseInputs: false, NormaliseOutputs: false, Threads: 1);
        model.Fit(paired, paired, options);
        Assert.That(model.History["loss"][^1], Is.LessThan(model.History["loss"][0] / 10), "the paired MSE falls");
        var onGrid = model.Predict(u, y).gather(1, pick.unsqueeze(1));
        Assert.That(Values(model.PredictPaired(u, points)), Is.EqualTo(Values(onGrid)).Within(1e-12));
        Assert.That(model.History["val_loss"][^1], Is.EqualTo(Values((model.PredictPaired(u, points) - targets.to_type(ScalarType.Float64)).pow(2).mean())[0]).Within(1e-12));
    }

    [Test]
    public void PairedSamplesNeedOnePointPerFunctionAndADeepOnet()
    {
        var (u, s, y) = OperatorTestData.Antiderivative(6, 12, 9, seed: 3);
        var options = new OperatorTrainerOptions(1, 4, new ConstantSchedule(1e-2), Loss: OperatorLossKind.Mse, Threads: 1);
        var deepOnet = OperatorModel.Create(OperatorModelSpec.Of(new DeepOnetOptions([12, 16, 16], [1, 16, 16])), seed: 4);
        Assert.That(() => deepOnet.Fit(new OperatorSamples(u, s.narrow(1, 0, 1), y, Paired: true), null, options),
            Throws.ArgumentException.With.Message.Contains("one row per sample"));
        Assert.That(() => deepOnet.Fit(new OperatorSamples(u, s, y.narrow(0, 0, 6), Paired: true), null, options),
            Throws.ArgumentException.With.Message.Contains("targets (n, 1)"));
        var (a, g) = OperatorTestData.Grid(4, 12, 12, seed: 1);
        var mgno = OperatorModel.Create(SmallMgno, seed: 2);
        Assert.That(() => mgno.Fit(new OperatorSamples(a, g.flatten(1).narrow(1, 0, 1), zeros(4, 2), Paired: true), null, options),
            Throws.InvalidOperationException.With.Message.Contains("need a DeepONet"));
    }
}
