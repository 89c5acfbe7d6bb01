using System.Text.Json;
using PdeNet.Cli;

namespace PdeNet.Tests.Cli;

public class CliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pdenet-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliHarness.Run(args);

    [TestCase("solve nope", "error: unknown problem 'nope'; the problems are: poisson-lshape, poisson-square, convection-1d, burgers-1d, burgers-shock-1d, reaction-diffusion-1d, navier-stokes-2d, diffusion-sorption-1d, poisson-disk-hole, diffusion-variable, helmholtz-2d, heat-2d, nonlinear-diffusion, convection-diffusion-2d, heat-1d, helmholtz-stiff-2d, elasticity-plate, elasticity-manufactured")]
    [TestCase("solve poisson-square --solver xyz", "error: unknown solver 'xyz'; the solvers are: fem, pinn, lpinn, spectral, finite-volume, pi-sc, pi-hc, pi-hc-moe")]
    [TestCase("solve poisson-square --solver pi-hc --no-reference", "error: problem 'poisson-square' is steady; the physics-informed solvers work on a space-time grid and need a time-dependent problem (its initial state is the basis network's input)")]
    [TestCase("solve poisson-square --solver spectral", "error: problem 'poisson-square' has no time derivative; the spectral solver integrates the Navier–Stokes vorticity equation in time")]
    [TestCase("solve poisson-square --param kk=2", "error: problem 'poisson-square' has no parameter 'kk'; its parameters are: k")]
    [TestCase("solve poisson-square --param k=abc", "error: parameter 'k' needs a number, got 'abc'")]
    [TestCase("solve poisson-square --param k", "error: parameter setting 'k' must read name=value")]
    [TestCase("solve poisson-square --solver pinn --epochs -5", "error: --epochs must be zero or positive, got -5 (see 'pdenet --help')")]
    [TestCase("solve poisson-square --epochs many", "error: --epochs needs a whole number, got 'many' (see 'pdenet --help')")]
    [TestCase("solve poisson-square --h 0", "error: --h must be positive, got 0 (see 'pdenet --help')")]
    [TestCase("solve poisson-square --solver pinn --weighting gradnorm", "error: unknown weighting 'gradnorm'; the weightings are: static, lra, relobralo")]
    [TestCase("solve poisson-square --solver pinn --rar-every -1", "error: --rar-every must be zero or positive, got -1 (see 'pdenet --help')")]
    [TestCase("solve convection-1d --solver lpinn --lr 0", "error: --lr must be in (0, 1), got 0 (see 'pdenet --help')")]
    [TestCase("frobnicate", "error: Unrecognized command or argument 'frobnicate'. (see 'pdenet --help')")]
    public void BadInputGivesOneLineErrorAndNonZeroExit(string commandLine, string message)
    {
        var (exit, output, error) = Run(commandLine.Split(' '));
        Assert.That(exit, Is.Not.Zero);
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n'), Is.EqualTo(message));
    }

    [Test]
    public void UnknownProblemIsRefusedWithTheList()
    {
        var (exit, output, error) = Run("solve", "nope");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n'), Is.EqualTo($"error: unknown problem 'nope'; the problems are: {string.Join(", ", PdeNet.Problems.ProblemLibrary.Names)}"));
        Assert.That(error, Does.StartWith("error: unknown problem 'nope'; the problems are: poisson-lshape, poisson-square, convection-1d"));
    }

    [Test]
    public void OutputFolderWhoseParentIsMissingIsRefused()
    {
        string missing = Path.Combine(_folder, "no", "such", "out");
        var (exit, output, error) = Run("solve", "poisson-square", "--out", missing);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n'), Is.EqualTo($"error: cannot write to '{missing}': the folder '{Path.GetDirectoryName(missing)}' does not exist"));
        Assert.That(Directory.Exists(Path.Combine(_folder, "no")), Is.False);
    }

    [Test]
    public void ListNamesProblemsWithParametersAndSolvers()
    {
        var (exit, output, _) = Run("list", "--json");
        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.That(problems.Keys, Is.SupersetOf(new[] { "poisson-lshape", "poisson-square" }));
        var k = problems["poisson-square"].GetProperty("parameters")[0];
        Assert.That(k.GetProperty("name").GetString(), Is.EqualTo("k"));
        Assert.That(k.GetProperty("default").GetDouble(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("solvers").EnumerateArray().Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[] { "fem", "pinn", "lpinn", "spectral", "finite-volume", "pi-sc", "pi-hc", "pi-hc-moe" }));
        var text = Run("list").Output;
        Assert.That(text, Does.Contain("--param k=1"));
    }

    [Test]
    public void SolveWithFemPrintsJsonWithErrorsAndFiles()
    {
        var (exit, output, _) = Run("solve", "poisson-square", "--solver", "fem", "--param", "k=2", "--h", "0.0625", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("problem").GetString(), Is.EqualTo("poisson-square"));
        Assert.That(root.GetProperty("parameters").GetProperty("k").GetDouble(), Is.EqualTo(2));
        var run = root.GetProperty("runs").EnumerateArray().Single();
        Assert.That(run.GetProperty("solver").GetString(), Is.EqualTo("fem"));
        Assert.That(run.GetProperty("relL2VsExact").GetDouble(), Is.InRange(1e-4, 5e-2));
        Assert.That(run.TryGetProperty("relL2VsReference", out _), Is.False);
        Assert.That(run.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(run.GetProperty("details").GetProperty("dofs").GetInt32(), Is.EqualTo(17 * 17));
        var files = run.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[] { "poisson-square.h5", "poisson-square.xdmf", "poisson-square-fields.png", "poisson-square-error-fem.png" }));
        Assert.That(files.All(File.Exists));
    }

    [Test]
    public void ReferenceSolversSolveEvolutionProblemsAndWriteTimeSeries()
    {
        var (exit, output, error) = Run("solve", "burgers-1d", "--solver", "spectral", "--param", "nu=0.1", "--param", "C=1", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.That(run.GetProperty("solver").GetString(), Is.EqualTo("spectral"));
        Assert.That(run.GetProperty("details").GetProperty("grid_points").GetInt32(), Is.EqualTo(256));
        Assert.That(run.GetProperty("details").GetProperty("resolution_met").GetBoolean(), Is.True);
        var files = run.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[] { "burgers-1d.h5", "burgers-1d.xdmf", "burgers-1d-fields.png" }));
        var contents = PdeNet.Core.Fields.FieldFile.Read(files.First(f => f.EndsWith(".h5")));
        Assert.That(contents.Fields.Select(f => f.Time).Distinct().Count(), Is.EqualTo(21));

        // Convection against its exact solution: round-off.
        var convection = Run("solve", "convection-1d", "--solver", "spectral", "--out", _folder, "--json");
        Assert.That(convection.Exit, Is.Zero, convection.Error);
        using var convectionJson = JsonDocument.Parse(convection.Output);
        Assert.That(convectionJson.RootElement.GetProperty("runs")[0].GetProperty("relL2VsExact").GetDouble(), Is.LessThan(1e-12));

        var sorption = Run("solve", "diffusion-sorption-1d", "--solver", "finite-volume", "--param", "u0=0.05", "--out", _folder);
        Assert.That(sorption.Exit, Is.Zero, sorption.Error);
        Assert.That(sorption.Output, Does.Contain("finite-volume").And.Contain("u0 = 0.05"));
    }

    [Test]
    public void PhysicsInformedSolversAreReachedByName()
    {
        var (exit, output, error) = Run("solve", "heat-1d", "--solver", "pi-hc-moe", "--experts", "2", "--epochs", "3", "--grid-times", "6", "--grid-points", "12",
            "--threads", "1", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("solver").GetString()!);
        Assert.That(runs.Keys, Is.EquivalentTo(new[] { "finite-volume", "pi-hc-moe" }));
        var details = runs["pi-hc-moe"].GetProperty("details");
        Assert.That(details.GetProperty("grid").GetString(), Is.EqualTo("6 x 12"));
        Assert.That(details.GetProperty("experts").GetInt32(), Is.EqualTo(2));
        Assert.That(runs["pi-hc-moe"].GetProperty("relL2VsReference").GetDouble(), Is.GreaterThan(0).And.LessThan(1));
        var files = runs["pi-hc-moe"].GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToArray();
        Assert.That(files, Does.Contain("heat-1d.h5").And.Contain("heat-1d-loss-pi-hc-moe.png"));

        var wrong = Run("solve", "heat-1d", "--solver", "pi-hc", "--experts", "2", "--out", _folder);
        Assert.That(wrong.Exit, Is.EqualTo(1));
        Assert.That(wrong.Error, Does.Contain("--experts applies to --solver pi-hc-moe only"));
        var grid = Run("solve", "heat-1d", "--solver", "fem", "--grid-points", "8", "--out", _folder);
        Assert.That(grid.Exit, Is.EqualTo(1));
        Assert.That(grid.Error, Does.Contain("--grid-times and --grid-points apply to the physics-informed solvers"));
    }

    [Test]
    public void DemoTrainsAPinnAgainstTheReferenceAndWritesEverything()
    {
        var (exit, output, error) = Run("demo", "--epochs", "60", "--out", _folder, "--json", "--threads", "2");
        Assert.That(exit, Is.Zero, error);
        Assert.That(error, Does.Contain("pinn: adam 60/60"));
        using var json = JsonDocument.Parse(output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("solver").GetString()!);
        Assert.That(runs.Keys, Is.EquivalentTo(new[] { "fem", "pinn" }));
        Assert.That(runs["fem"].GetProperty("relL2VsExact").GetDouble(), Is.LessThan(1e-3));
        Assert.That(runs["pinn"].GetProperty("relL2VsReference").GetDouble(), Is.GreaterThan(0));
        Assert.That(runs["pinn"].GetProperty("details").GetProperty("steps").GetInt32(), Is.EqualTo(60));
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToArray();
        Assert.That(files, Is.EquivalentTo(new[]
        {
            "poisson-lshape.h5", "poisson-lshape.xdmf", "poisson-lshape-fields.png",
            "poisson-lshape-error-fem.png", "poisson-lshape-error-pinn.png", "poisson-lshape-loss-pinn.png",
        }));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EquivalentTo(files), "no temporary files are left");
    }

    [Test]
    public void PinnTakesTheWeightingAndRefinementOptions()
    {
        var (exit, output, error) = Run("solve", "poisson-square", "--solver", "pinn", "--weighting", "lra", "--rar-every", "5", "--epochs", "10",
            "--no-reference", "--threads", "1", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var details = json.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("details");
        Assert.That(details.GetProperty("weighting").GetString(), Does.Contain("\"kind\":\"lra\""));
        Assert.That(details.GetProperty("rar_points_added").GetInt32(), Is.EqualTo(20), "refinements at steps 5 and 10 add 10 points each");
    }

    [TestCase("pinn"), TestCase("lpinn")]
    public void TheLearningRateReachesTheTrainedSolver(string solver)
    {
        var (exit, output, error) = Run("solve", "convection-1d", "--solver", solver, "--lr", "0.003", "--epochs", "2", "--lbfgs", "0",
            "--no-reference", "--threads", "1", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var details = json.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("details");
        Assert.That(details.GetProperty("learning_rate").GetDouble(), Is.EqualTo(0.003));
    }

    [Test]
    public void HumanReadableOutputHasTheTable()
    {
        var (exit, output, _) = Run("solve", "poisson-lshape", "--h", "0.125", "--out", _folder);
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.StartWith("poisson-lshape: -laplacian(u) = 0"));
        Assert.That(output, Does.Contain("dirichlet on boundary: u = r^0.6666666666666666*sin(2*theta/3)"));
        Assert.That(output, Does.Contain("rel. L2 vs exact"));
        Assert.That(output, Does.Contain(Path.Combine(_folder, "poisson-lshape.xdmf")));
    }

    [Test]
    public void MeshesAProblemAndReadsAGmshFile()
    {
        var (exit, output, _) = Run("mesh", "poisson-lshape", "--h", "0.1", "--out", _folder, "--json");
        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("nodes").GetInt32(), Is.EqualTo(341));
        Assert.That(json.RootElement.GetProperty("cells").GetInt32(), Is.EqualTo(600));
        Assert.That(json.RootElement.GetProperty("boundaryParts").GetProperty("edge2").GetInt32(), Is.EqualTo(20));
        Assert.That(json.RootElement.GetProperty("minAngleDeg").GetDouble(), Is.EqualTo(45).Within(1e-9));
        Assert.That(json.RootElement.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).All(File.Exists));

        string fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Fixtures", "gmsh", "disk_with_hole.msh");
        var (gmshExit, gmshOutput, gmshError) = Run("mesh", fixture, "--out", _folder);
        Assert.That(gmshExit, Is.Zero, gmshError);
        Assert.That(gmshOutput, Does.Contain("outer: 32 facets").And.Contain("inner: 28 facets"));

        var curved = Run("mesh", "poisson-lshape", "--h", "0", "--out", _folder);
        Assert.That(curved.Error.TrimEnd('\n'), Is.EqualTo("error: --h must be positive, got 0 (see 'pdenet --help')"));
    }

    [Test]
    public void MalformedGmshFilesAreReportedWithTheirLine()
    {
        string path = Path.Combine(_folder, "broken.msh");
        File.WriteAllText(path, "$MeshFormat\n4.1 0 8\n$EndMeshFormat\n$Nodes\n1 2 1 2\n");
        var (exit, output, error) = Run("mesh", path, "--out", _folder);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith($"error: {path}, line "));
    }
}
