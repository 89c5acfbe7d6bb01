using PdeNet.Operators.Data;

namespace PdeNet.Tests.Cli;

public class DataCliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "pdenet-data-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string File(string name) => Path.Combine(_folder, name);

    [Test]
    public void DataGeneratesDarcyShardsThatMergeIntoOneRun()
    {
        var (exit, output, error) = CliHarness.Run("data", "darcy-2d", "--samples", "4", "--resolution", "13", "--out", File("whole.h5"), "--seed", "5", "--workers", "2");
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("4 samples of darcy-2d at resolution 13"));
        Assert.That(error, Does.Contain("4/4 samples"));
        Assert.That(CliHarness.Run("data", "darcy-2d", "--samples", "2", "--resolution", "13", "--out", File("a.h5"), "--seed", "5").Exit, Is.EqualTo(0));
        Assert.That(CliHarness.Run("data", "darcy-2d", "--samples", "2", "--first", "2", "--resolution", "13", "--out", File("b.h5"), "--seed", "5", "--json").Output, Does.Contain("\"first\":2"));
        (exit, output, error) = CliHarness.Run("data", "merge", File("a.h5"), File("b.h5"), "--out", File("merged.h5"));
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("4 samples (0 to 3) merged from 2 shards"));
        Assert.That(System.IO.File.ReadAllBytes(File("merged.h5")), Is.EqualTo(System.IO.File.ReadAllBytes(File("whole.h5"))));

        (exit, output, _) = CliHarness.Run("data", "info", File("merged.h5"));
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("input  nu").And.Contain("(4, 1, 13, 13)").And.Contain("config_tau = 3"));
        var data = OperatorDatasetFile.Read(File("merged.h5"));
        Assert.That(data.Inputs(0).ToArray().Distinct().Order(), Is.EqualTo(new[] { 3.0, 12.0 }));
        Assert.That(data.Attributes["reference_solver"], Is.EqualTo("fem"));
    }

    [Test]
    public void BadInputGivesOneClearErrorLine()
    {
        var (exit, _, error) = CliHarness.Run("data", "nonsense", "--samples", "2", "--out", File("x.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("unknown parametric problem 'nonsense'").And.Contain("darcy-2d"));
        (exit, _, error) = CliHarness.Run("data", "antiderivative-1d", "--samples", "0", "--out", File("x.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("--samples"));
        (exit, _, error) = CliHarness.Run("data", "antiderivative-1d", "--samples", "2", "--out", Path.Combine(_folder, "missing", "x.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("does not exist"));
        System.IO.File.WriteAllText(File("not.h5"), "text");
        (exit, _, error) = CliHarness.Run("data", "info", File("not.h5"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("not.h5"));
    }
}
