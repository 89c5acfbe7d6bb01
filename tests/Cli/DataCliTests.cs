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
    public void DataWritesNavierStokesVorticityAtEveryOutputTime()
    {
        var (exit, output, error) = CliHarness.Run("data", "navier-stokes-2d-vorticity", "--samples", "2", "--resolution", "16", "--out", File("ns.h5"), "--seed", "1");
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("2 samples of navier-stokes-2d-vorticity at resolution 16"));
        var data = OperatorDatasetFile.Read(File("ns.h5"));
        Assert.That(data.GridShape, Is.EqualTo(new[] { 16, 16 }));
        Assert.That(data.Times, Is.EqualTo(new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }).Within(1e-15));
        Assert.That(data.InputNames, Is.EqualTo(new[] { "w0" }));
        Assert.That(data.OutputName, Is.EqualTo("w"));
        Assert.That(data.Output(1)[..256].ToArray(), Is.EqualTo(data.Input(0, 1).ToArray()));
        var problem = new PdeNet.Problems.NavierStokesParametric2D();
        var solver = new PdeNet.Solvers.Spectral.SpectralSolver(new PdeNet.Solvers.Spectral.SpectralOptions(TimeStep: problem.ReferenceTimeStep, OutputIntervals: 10));
        var expected = problem.Reference(problem.Draw(1, 1, 16), solver);
        Assert.That(data.Output(1).ToArray(), Is.EqualTo(expected).Within(1e-12), "one snapshot per output time at the problem's time step");
        Assert.That(data.Attributes["config_nu"], Is.EqualTo(1e-3));
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
