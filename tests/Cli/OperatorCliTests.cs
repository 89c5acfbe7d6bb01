using System.Text.Json;
using PdeNet.Core.Fields;
using PdeNet.Operators.Data;

namespace PdeNet.Tests.Cli;

public class OperatorCliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "pdenet-operator-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string File(string name) => Path.Combine(_folder, name);

    private static JsonDocument Json((int Exit, string Output, string Error) run)
    {
        Assert.That(run.Exit, Is.EqualTo(0), run.Error);
        return JsonDocument.Parse(run.Output);
    }

    [Test]
    public void AntiderivativeDataTrainPredictRoundTrip()
    {
        Assert.That(CliHarness.Run("data", "antiderivative-1d", "--samples", "10", "--resolution", "20", "--out", File("anti.h5"), "--seed", "3").Exit, Is.EqualTo(0));
        using var train = Json(CliHarness.Run("train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--epochs", "4", "--split", "6,2,2",
            "--seed", "1", "--threads", "1", "--out", File("anti.model"), "--checkpoint", File("anti.ckpt"), "--json"));
        var r = train.RootElement;
        foreach (var name in new[] { "parameters", "epochs", "trainLoss", "validationRelL2", "testRelL2", "testMse", "secondsPerEpoch", "inferenceSecondsPerSample", "testPositions", "modelFile" })
            Assert.That(r.TryGetProperty(name, out _), Is.True, $"train --json lacks '{name}'");
        Assert.That(r.GetProperty("preset").GetString(), Is.EqualTo("deeponet-antiderivative"));
        Assert.That(r.GetProperty("parameters").GetInt64(), Is.EqualTo(20 * 40 + 40 + 40 * 40 + 40 + 1 * 40 + 40 + 40 * 40 + 40 + 1), "branch [20, 40, 40], trunk [1, 40, 40], b0");
        Assert.That(r.GetProperty("epochs").GetInt32(), Is.EqualTo(4));
        Assert.That(r.GetProperty("testPositions").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 8, 9 }), "the test set is the last samples");
        Assert.That(System.IO.File.Exists(File("anti.model")) && System.IO.File.Exists(File("anti.ckpt")), Is.True);
        double testRelL2 = r.GetProperty("testRelL2").GetDouble();
        Assert.That(double.IsFinite(testRelL2) && testRelL2 > 0, Is.True);

        // Without --samples, predict on the training data set takes the model's test samples.
        using var predict = Json(CliHarness.Run("predict", File("anti.model"), "--data", File("anti.h5"), "--out", File("pred.h5"), "--json"));
        var p = predict.RootElement;
        Assert.That(p.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("position").GetInt32()), Is.EqualTo(new[] { 8, 9 }));
        Assert.That(p.GetProperty("meanRelL2").GetDouble(), Is.EqualTo(testRelL2).Within(1e-12 * testRelL2));
        Assert.That(p.GetProperty("mse").GetDouble(), Is.EqualTo(r.GetProperty("testMse").GetDouble()).Within(1e-12 * r.GetProperty("testMse").GetDouble()));
        Assert.That(System.IO.File.Exists(File("pred.xdmf")), Is.True);

        var file = FieldFile.Read(File("pred.h5"));
        var data = OperatorDatasetFile.Read(File("anti.h5"));
        var reference = file.Fields.Single(f => f.Name == "u_8");
        var prediction = file.Fields.Single(f => f.Name == "u_pred_8");
        var error = file.Fields.Single(f => f.Name == "u_error_8");
        // The interval mesh numbers its nodes along x, as the data set does.
        Assert.That(reference.Values, Is.EqualTo(data.Output(8).ToArray()).Within(1e-15));
        Assert.That(error.Values, Is.EqualTo(prediction.Values.Zip(reference.Values, (a, b) => a - b)).Within(1e-15));
        double rel = Math.Sqrt(error.Values.Sum(e => e * e) / reference.Values.Sum(u => u * u));
        Assert.That((double)prediction.Attributes["rel_l2"], Is.EqualTo(rel).Within(1e-12));
        Assert.That((double[])file.Metadata["history_loss"], Has.Length.EqualTo(4));
        Assert.That((double[])file.Metadata["history_val_rel_l2"], Has.Length.EqualTo(4));
        Assert.That(file.Metadata["problem"], Is.EqualTo("antiderivative-1d"));

        // Resuming the checkpoint continues to the new epoch count.
        using var resumed = Json(CliHarness.Run("train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--epochs", "6", "--split", "6,2,2",
            "--seed", "1", "--threads", "1", "--out", File("anti6.model"), "--checkpoint", File("anti.ckpt"), "--resume", "--json"));
        Assert.That(resumed.RootElement.GetProperty("epochs").GetInt32(), Is.EqualTo(6));

        // Explicit positions and a text report.
        var (exit, output, errorText) = CliHarness.Run("predict", File("anti.model"), "--data", File("anti.h5"), "--out", File("two.h5"), "--samples", "0,3");
        Assert.That(exit, Is.EqualTo(0), errorText);
        Assert.That(output, Does.Contain("sample 0 (position 0)").And.Contain("sample 3 (position 3)").And.Contain("mean rel. L2"));
    }

    [Test]
    public void DarcyMgnoTrainsPredictsAndPlots()
    {
        Assert.That(CliHarness.Run("data", "darcy-2d", "--samples", "6", "--resolution", "9", "--out", File("darcy.h5"), "--workers", "2").Exit, Is.EqualTo(0));
        var (exit, output, error) = CliHarness.Run("train", "darcy-2d", "--model", "mgno", "--data", File("darcy.h5"), "--epochs", "2", "--split", "4,1,1",
            "--threads", "1", "--out", File("darcy.model"));
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("mgno (preset mgno-darcy, 572,661 parameters), 2 epochs").And.Contain("test rel. L2"));
        Assert.That(error, Does.Contain("epoch 2/2"), "progress goes to the error stream");
        var test = double.Parse(output.Split("test rel. L2: ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);

        using var predict = Json(CliHarness.Run("predict", File("darcy.model"), "--data", File("darcy.h5"), "--out", File("pred.h5"), "--samples", "5", "--plot", "--json"));
        Assert.That(predict.RootElement.GetProperty("meanRelL2").GetDouble(), Is.EqualTo(test).Within(1e-3 * test), "the text report prints four digits");
        Assert.That(new FileInfo(File("pred.png")).Length, Is.GreaterThan(1000));
        var file = FieldFile.Read(File("pred.h5"));
        var data = OperatorDatasetFile.Read(File("darcy.h5"));
        var nu = file.Fields.Single(f => f.Name == "nu_5");
        // nu[s, i, j] sits at (x_i, y_j): check the reordering onto the triangle mesh's nodes.
        for (int node = 0; node < nu.Mesh.NodeCount; node++)
        {
            int i = (int)Math.Round(nu.Mesh.Node(node)[0] * 8), j = (int)Math.Round(nu.Mesh.Node(node)[1] * 8);
            Assert.That(nu.Values[node], Is.EqualTo(data.Input(0, 5)[i * 9 + j]));
        }
    }

    [Test]
    public void BadInputGivesOneClearErrorLine()
    {
        Assert.That(CliHarness.Run("data", "antiderivative-1d", "--samples", "4", "--resolution", "8", "--out", File("anti.h5")).Exit, Is.EqualTo(0));
        void Fails(string expected, params string[] args)
        {
            var (exit, output, error) = CliHarness.Run(args);
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(error, Does.StartWith("error: ").And.Contain(expected));
        }
        Fails("unknown parametric problem 'nonsense'", "train", "nonsense", "--model", "deeponet", "--data", File("anti.h5"));
        Fails("holds a data set of 'antiderivative-1d', not of 'darcy-2d'", "train", "darcy-2d", "--model", "mgno", "--data", File("anti.h5"));
        Fails("missing.h5: no such file", "train", "antiderivative-1d", "--model", "deeponet", "--data", File("missing.h5"));
        Fails("MgNO works on 2D fields", "train", "antiderivative-1d", "--model", "mgno", "--data", File("anti.h5"));
        Fails("--model must be deeponet or mgno or lsm", "train", "antiderivative-1d", "--model", "fno", "--data", File("anti.h5"));
        Fails("preset 'mgno-darcy' is a Mgno model, not DeepOnet", "train", "antiderivative-1d", "--model", "deeponet", "--preset", "mgno-darcy", "--data", File("anti.h5"));
        Fails("--split needs three", "train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--split", "1,2");
        Fails("exceed the 4 samples", "train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--split", "3,1,1");
        Fails("no checkpoint to resume", "train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--resume", "--checkpoint", File("none.ckpt"));
        Fails("no operator model", "predict", File("none.model"), "--data", File("anti.h5"), "--out", File("p.h5"));

        Assert.That(CliHarness.Run("train", "antiderivative-1d", "--model", "deeponet", "--data", File("anti.h5"), "--epochs", "1", "--split", "2,1,1",
            "--threads", "1", "--out", File("anti.model"), "--checkpoint", File("anti.ckpt"), "--json").Exit, Is.EqualTo(0));
        Fails("position 7 is outside the 4 samples", "predict", File("anti.model"), "--data", File("anti.h5"), "--out", File("p.h5"), "--samples", "7");
        Assert.That(CliHarness.Run("data", "antiderivative-1d", "--samples", "2", "--resolution", "12", "--out", File("other.h5")).Exit, Is.EqualTo(0));
        Fails("the DeepONet branch takes 8 sensor values, the data set has 12", "predict", File("anti.model"), "--data", File("other.h5"), "--out", File("p.h5"));
        Fails("the DeepONet branch takes 8 sensor values, the data set has 12", "train", "antiderivative-1d", "--model", "deeponet", "--data", File("other.h5"),
            "--split", "1,0,1", "--resume", "--checkpoint", File("anti.ckpt"));
        Assert.That(CliHarness.Run("data", "darcy-2d", "--samples", "1", "--resolution", "5", "--out", File("darcy.h5")).Exit, Is.EqualTo(0));
        Fails("holds a data set of 'darcy-2d', not of 'antiderivative-1d'", "predict", File("anti.model"), "--data", File("darcy.h5"), "--out", File("p.h5"));
        Fails("--checkpoint " + File("anti.ckpt") + " trains a model of 'antiderivative-1d', not of 'darcy-2d'", "train", "darcy-2d", "--model", "deeponet",
            "--data", File("darcy.h5"), "--split", "1,0,0", "--resume", "--checkpoint", File("anti.ckpt"));
    }

    [Test]
    public void ListShowsTheParametricProblems()
    {
        var (exit, output, _) = CliHarness.Run("list");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("parametric problems").And.Contain("darcy-2d").And.Contain("antiderivative-1d").And.Contain("input nu -> output u"));
        (exit, output, _) = CliHarness.Run("list", "--json");
        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("parametricProblems").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
            Is.SupersetOf(new[] { "darcy-2d", "antiderivative-1d", "burgers-1d" }));
    }
    [Test]
    public void PhysicsInformedOperatorsTrainAndPredictDiffusionSorption()
    {
        Assert.That(CliHarness.Run("data", "diffusion-sorption-1d", "--samples", "4", "--resolution", "12", "--out", File("ds.h5"), "--seed", "2").Exit, Is.EqualTo(0));
        using var train = Json(CliHarness.Run("train", "diffusion-sorption-1d", "--model", "pi-hc-moe", "--experts", "2", "--data", File("ds.h5"), "--epochs", "1",
            "--split", "2,1,1", "--threads", "1", "--out", File("moe.model"), "--json"));
        var r = train.RootElement;
        Assert.That(r.GetProperty("model").GetString(), Is.EqualTo("pi-hc-moe"));
        double test = r.GetProperty("testRelL2").GetDouble();
        Assert.That(double.IsFinite(test) && test > 0, Is.True);
        using var predict = Json(CliHarness.Run("predict", File("moe.model"), "--data", File("ds.h5"), "--out", File("pred.h5"), "--json"));
        // The Levenberg–Marquardt solves stop at their tolerance, which a different batching moves slightly.
        Assert.That(predict.RootElement.GetProperty("meanRelL2").GetDouble(), Is.EqualTo(test).Within(1e-6 * test));
        Assert.That(predict.RootElement.GetProperty("model").GetString(), Is.EqualTo("pi-hc-moe"));

        var (exit, _, error) = CliHarness.Run("train", "diffusion-sorption-1d", "--model", "pi-hc", "--experts", "4", "--data", File("ds.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--experts applies to --model pi-hc-moe only"));
        (exit, _, error) = CliHarness.Run("train", "diffusion-sorption-1d", "--model", "pi-hc-moe", "--experts", "0", "--data", File("ds.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--experts must be at least 1"));
        (exit, _, error) = CliHarness.Run("train", "diffusion-sorption-1d", "--model", "pi-xx", "--data", File("ds.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("pi-sc or pi-hc or pi-hc-moe"));
        (exit, _, error) = CliHarness.Run("train", "diffusion-sorption-1d", "--model", "pi-sc", "--preset", "mgno-darcy", "--data", File("ds.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("no presets"));
    }
}
