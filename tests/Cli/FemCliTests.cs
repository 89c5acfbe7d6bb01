using System.Text.Json;
using PdeNet.Cli;
using PdeNet.Core.Fields;

namespace PdeNet.Tests.Cli;

/// <summary>The finite-element options of <c>pdenet solve</c> and the <c>pdenet convergence</c> command.</summary>
public class FemCliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pdenet-fem-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliHarness.Run(args);

    [Test]
    public void SolveWithP2OnAStructuredMeshReportsUnknownsIterationsAndTimes()
    {
        var (exit, output, error) = Run("solve", "poisson-square", "--solver", "fem", "--element", "p2", "--n", "8", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.That(run.GetProperty("dofs").GetInt32(), Is.EqualTo(17 * 17));
        Assert.That(run.GetProperty("iterations").GetInt32(), Is.GreaterThan(0));
        Assert.That(run.GetProperty("assembleSeconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(run.GetProperty("solveSeconds").GetDouble(), Is.GreaterThanOrEqualTo(0));
        Assert.That(run.GetProperty("details").GetProperty("element").GetString(), Is.EqualTo("P2"));
        // P2 on 8 x 8 cells: the relative L2 error is far below P1's on the same mesh (about 1e-2).
        Assert.That(run.GetProperty("relL2VsExact").GetDouble(), Is.LessThan(2e-3));
    }

    [Test]
    public void SolveTheElasticityPlateWritesAVectorField()
    {
        var (exit, output, error) = Run("solve", "elasticity-plate", "--solver", "fem", "--element", "p2", "--n", "8", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.That(run.GetProperty("dofs").GetInt32(), Is.EqualTo(2 * 17 * 17));
        Assert.That(run.GetProperty("iterations").GetInt32(), Is.GreaterThan(0));
        Assert.That(run.GetProperty("assembleSeconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(run.GetProperty("relL2VsExact").GetDouble(), Is.LessThan(2e-4));   // 1.1e-4 measured (P2, 8 x 8)
        var native = FieldFile.Read(Path.Combine(_folder, "elasticity-plate-fem.h5"));
        Assert.That(native.Fields.Single().Components, Is.EqualTo(2));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "elasticity-plate-fem.xdmf")), Does.Contain("AttributeType=\"Vector\""));

        var (pinnExit, _, pinnError) = Run("solve", "elasticity-plate", "--solver", "pinn", "--steps", "1", "--out", _folder);
        Assert.That(pinnExit, Is.Not.Zero);
        Assert.That(pinnError, Does.Contain("system").And.Contain("--solver fem"));
    }

    [Test]
    public void SolveAnEvolutionProblemWritesATimeSeries()
    {
        var (exit, output, error) = Run("solve", "heat-2d", "--solver", "fem", "--element", "p2", "--n", "8", "--steps", "20", "--scheme", "cn", "--output-every", "5", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.That(run.GetProperty("details").GetProperty("time_scheme").GetString(), Is.EqualTo("CrankNicolson"));
        Assert.That(run.GetProperty("details").GetProperty("time_steps").GetInt32(), Is.EqualTo(20));
        // Between the stored steps (every fifth) the comparison interpolates linearly in t, which dominates this
        // error; the accuracy of the steps themselves is checked in FemProblemLibraryTests.
        Assert.That(run.GetProperty("relL2VsExact").GetDouble(), Is.LessThan(0.1));
        var contents = FieldFile.Read(Path.Combine(_folder, "heat-2d.h5"));
        var times = contents.Fields.Where(f => f.Name == "fem").Select(f => f.Time).ToArray();
        Assert.That(times, Has.Length.EqualTo(21));
        Assert.That(times[^1], Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "heat-2d.xdmf")), Does.Contain("<Time Value=\"1\""));

        // The reference's own series: every unknown of the P2 space at every fifth step.
        var native = FieldFile.Read(Path.Combine(_folder, "heat-2d-fem.h5"));
        Assert.That(native.Mesh.CellType, Is.EqualTo(PdeNet.Geometry.Meshes.CellType.Triangle6));
        Assert.That(native.Fields.Select(f => f.Time), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1 }).Within(1e-12));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "heat-2d-fem.xdmf")), Does.Contain("Triangle_6"));
        Assert.That(run.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString())), Does.Contain("heat-2d-fem.xdmf"));
    }

    [TestCase("solve poisson-square --h 0.1 --n 8", "error: give --h or --n, not both (see 'pdenet --help')")]
    [TestCase("solve poisson-square --element p3", "error: --element must be p1 or p2, got 'p3' (see 'pdenet --help')")]
    [TestCase("solve poisson-square --n 0", "error: --n must be at least 1, got 0 (see 'pdenet --help')")]
    [TestCase("convergence poisson-square --levels 1", "error: --levels must be 2 to 12, got 1 (see 'pdenet --help')")]
    [TestCase("solve heat-2d --scheme rk4", "error: --scheme must be bdf2 or cn or be, got 'rk4' (see 'pdenet --help')")]
    public void BadFiniteElementOptionsGiveOneLineErrors(string commandLine, string message)
    {
        var (exit, output, error) = Run(commandLine.Split(' '));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n'), Is.EqualTo(message));
    }

    [Test]
    public void CellsPerSideOnACurvedDomainIsRefusedWithAReason()
    {
        var (exit, _, error) = Run("solve", "poisson-disk-hole", "--n", "8", "--out", _folder);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error: 8 cells per side need a structured mesh").And.Contain("give a mesh size h instead"));
    }

    [Test]
    public void ConvergencePrintsLevelsWithRatesAsJson()
    {
        var (exit, output, error) = Run("convergence", "poisson-square", "--element", "p2", "--levels", "3", "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("element").GetString(), Is.EqualTo("p2"));
        var levels = json.RootElement.GetProperty("levels").EnumerateArray().ToArray();
        Assert.That(levels, Has.Length.EqualTo(3));
        Assert.That(levels[0].TryGetProperty("rateL2", out _), Is.False);
        Assert.That(levels.Select(l => l.GetProperty("h").GetDouble()), Is.Ordered.Descending);
        Assert.That(levels[^1].GetProperty("l2").GetDouble(), Is.LessThan(levels[0].GetProperty("l2").GetDouble()));
        Assert.That(levels[^1].GetProperty("rateL2").GetDouble(), Is.EqualTo(3).Within(0.15));
        Assert.That(levels[^1].GetProperty("rateH1").GetDouble(), Is.EqualTo(2).Within(0.15));
        Assert.That(levels[^1].GetProperty("h1").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public void ConvergencePrintsATable()
    {
        var (exit, output, error) = Run("convergence", "poisson-square", "--levels", "2");
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.StartWith("poisson-square: -laplacian(u) = f (p1)"));
        Assert.That(output, Does.Contain("L2 error").And.Contain("rate").And.Contain("H1 error"));
    }

    [Test]
    public void AnEquationTheFiniteElementSolverCannotHoldIsAClearError()
    {
        var (exit, _, error) = Run("solve", "navier-stokes-2d", "--solver", "fem");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("error: the term d(w)/dt of problem 'navier-stokes-2d' is not of the form m(x, t)*u_t"));
    }
}
