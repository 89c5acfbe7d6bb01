using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Problems;
using PdeNet.Solvers.Evolution;
using PdeNet.Solvers.FiniteVolume;
using PdeNet.Solvers.Spectral;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Tests.Solvers.Spectral;

public class SpectralInputAndOutputTests
{
    private static Problem Periodic1D(Equation equation, Expr? initial = null) =>
        Problem.Named("test-equation").On(new Interval(0, 2 * Math.PI)).During(0, 1).Solve(equation)
            .With(PdeNet.Core.Problems.Periodic.Between("left", "right", 2 * Math.PI)).With(new InitialCondition(initial ?? Sin(X)));

    private static readonly Unknown U = Unknown.Scalar("u");

    private static string Refusal(Problem problem, SpectralOptions? options = null)
    {
        var error = Assert.Throws<NotSupportedException>(() => new SpectralSolver(options).Solve(problem));
        TestContext.Out.WriteLine(error!.Message);
        return error.Message;
    }

    [Test]
    public void EquationsOfAnotherFormAreRefusedNamingTheTerm()
    {
        var uxx = D(Dx(U), X);
        Assert.That(Refusal(Periodic1D(Dt(U) + U * Dx(U) + D(uxx, X) == 0)), Does.Contain("u_xxx"));
        Assert.That(Refusal(Periodic1D(D(Dt(U), T) - uxx == 0)), Does.Contain("u_tt"));
        Assert.That(Refusal(Periodic1D(Dt(U) - Dx(U * Dx(U)) == 0)), Does.Contain("coefficient of u_xx").And.Contain("not constant"));
        Assert.That(Refusal(Periodic1D((2 + Sin(X)) * Dt(U) - uxx == 0)), Does.Contain("coefficient of u_t"));
        Assert.That(Refusal(Periodic1D(Dt(U) + uxx == 0)), Does.Contain("non-negative"));
        Assert.That(Refusal(Burgers1D.Create(), new SpectralOptions(GridPoints: 16, Scheme: SpectralScheme.Strang)), Does.Contain("u*u_x").And.Contain("ETDRK4"));
        Assert.That(Refusal(Periodic1D(Dt(U) - uxx - U * U * U == 0), new SpectralOptions(GridPoints: 16, Scheme: SpectralScheme.Strang)), Does.Contain("α u + β u²"));
        var dirichlet = Problem.Named("heat").On(new Interval(0, 1)).During(0, 1).Solve(Dt(U) - uxx == 0).With(Dirichlet.On("left, right", 0)).With(new InitialCondition(Sin(Math.PI * X)));
        Assert.That(Refusal(dirichlet), Does.Contain("not periodic"));
        Assert.That(SpectralSolver.Supports(dirichlet, out string reason), Is.False);
        Assert.That(reason, Does.Contain("not periodic"));
        Assert.That(SpectralSolver.Supports(Burgers1D.Create(), out _), Is.True);
        Assert.That(() => new SpectralSolver(new SpectralOptions(Scheme: SpectralScheme.HeunCrankNicolson)).Solve(Convection1D.Create()), Throws.ArgumentException.With.Message.Contains("Etdrk4 or Strang"));
        Assert.That(() => new SpectralOptions(GridPoints: 100).Validate(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("power of two"));
    }

    [Test]
    public void NavierStokesEquationsOfAnotherFormAreRefused()
    {
        var psi = Unknown.Scalar("psi");
        var w = -Laplacian(psi);
        Problem Flow(Equation equation, Expr? initial = null) => Problem.Named("flow").On(Rectangle.UnitSquare).During(0, 1).Solve(equation)
            .With(PdeNet.Core.Problems.Periodic.Between("left", "right", 1, 0)).With(PdeNet.Core.Problems.Periodic.Between("bottom", "top", 0, 1))
            .With(new InitialCondition(initial ?? Sin(2 * Math.PI * X) * Cos(2 * Math.PI * Y)));
        // Advection with the wrong sign of u = psi_y.
        string wrongSign = Refusal(Flow(Dt(w) - Dy(psi) * Dx(w) - Dx(psi) * Dy(w) - 0.01 * Laplacian(w) == 0));
        Assert.That(wrongSign, Does.Contain("psi_y").Or.Contain("psi_xxx"));
        // Linear drag -0.1 w is not part of the form.
        Assert.That(Refusal(Flow(Dt(w) + Dy(psi) * Dx(w) - Dx(psi) * Dy(w) + 0.1 * w == 0)), Does.Contain("psi_xx"));
        // Forcing with a non-zero mean.
        Assert.That(Refusal(Flow(Dt(w) + Dy(psi) * Dx(w) - Dx(psi) * Dy(w) == 1 + Sin(2 * Math.PI * X))), Does.Contain("mean"));
        // The same equation written by hand (instead of with named coefficients) is accepted, with ν read from it.
        var solution = new SpectralSolver(new SpectralOptions(GridPoints: 8, OutputIntervals: 1)).Solve(Flow(Dt(w) + Dy(psi) * Dx(w) - Dx(psi) * Dy(w) - 0.01 * Laplacian(w) == Cos(2 * Math.PI * Y)));
        Assert.That(solution.Metadata["viscosity"], Is.EqualTo(0.01).Within(1e-15));
    }

    [Test]
    public void SolutionsInterpolateBetweenGridPointsAndRefuseTimesOutsideTheirInterval()
    {
        // Band-limited data: the trigonometric interpolant is exact in 1D; sixth order Lagrange in 2D.
        var convection = new SpectralSolver(new SpectralOptions(GridPoints: 32, OutputIntervals: 4)).Integrate(Convection1D.Create().WithParameter("beta", 1));
        double[] x = [0.05, 1.234, 4.4, 6.2];
        var values = convection.Evaluate(x, 0.5);
        Assert.That(values.Select((v, i) => Math.Abs(v - Math.Sin(x[i] - 0.5))).Max(), Is.LessThan(1e-13));
        Assert.That(() => convection.Evaluate(x, 1.5), Throws.TypeOf<ArgumentOutOfRangeException>());

        var flow = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 32, OutputIntervals: 2)).Integrate(NavierStokes2D.Create() with { Time = new TimeInterval(0, 0.1) });
        var grid = flow.Grid;
        var nodes = grid.Coordinates();
        var atNodes = flow.Evaluate(nodes, 0.1);
        Assert.That(atNodes.Select((v, i) => Math.Abs(v - flow.GridValues(2)[i])).Max(), Is.EqualTo(0));
        // ψ0 is a sum of modes of wavenumber ≤ 3·2π: compare between nodes at t = 0.
        double[] points = [0.013, 0.77, 0.5, 0.5001, 0.99, 0.31];
        var psi0 = Lowering.Lower(flow.Problem.Initial!.Value, 2);
        var exact = new PdeNet.Core.Solving.ExactSolution(flow.Problem, psi0).Evaluate(points, 0);
        var interpolated = flow.Evaluate(points, 0);
        double scale = exact.Max(Math.Abs);
        TestContext.Out.WriteLine($"2D interpolation error {interpolated.Zip(exact, (a, b) => Math.Abs(a - b)).Max() / scale:E2} (relative)");
        Assert.That(interpolated.Zip(exact, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-5 * scale));
    }

    [Test]
    public void GridSolutionsWriteTimeSeriesThatReadBack()
    {
        string folder = Path.Combine(Path.GetTempPath(), "pdenet-spectral-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var burgers = new SpectralSolver(new SpectralOptions(GridPoints: 64, OutputIntervals: 5)).Integrate(Burgers1D.Create().WithParameter("nu", 0.1).WithParameter("C", 0));
            var paths = burgers.WriteTo(Path.Combine(folder, "burgers"));
            var contents = FieldFile.Read(paths.Hdf5Path);
            Assert.That(contents.Mesh.NodeCount, Is.EqualTo(65));
            Assert.That(contents.Fields.Count(f => f.Name == "spectral"), Is.EqualTo(6));
            var last = contents.FieldAt("spectral", 1);
            Assert.That(last.Values.Take(64), Is.EqualTo(burgers.GridValues(5).ToArray()).Within(1e-15));
            Assert.That(last.Values[64], Is.EqualTo(last.Values[0]));
            Assert.That(File.Exists(paths.XdmfPath));

            var flow = (NavierStokesSolution)new SpectralSolver(new SpectralOptions(GridPoints: 8, OutputIntervals: 2)).Integrate(NavierStokes2D.Create() with { Time = new TimeInterval(0, 0.1) });
            var flowContents = FieldFile.Read(flow.WriteTo(Path.Combine(folder, "flow")).Hdf5Path);
            Assert.That(flowContents.Mesh.NodeCount, Is.EqualTo(81));
            Assert.That(flowContents.Fields.Select(f => f.Name).Distinct(), Is.EquivalentTo(new[] { "spectral", "vorticity" }));

            var sorption = new FiniteVolumeSolver(new FiniteVolumeOptions(Cells: 16, StepsPerOutput: 2, OutputIntervals: 4)).Integrate(DiffusionSorption1D.Create());
            var sorptionContents = FieldFile.Read(sorption.WriteTo(Path.Combine(folder, "sorption")).Hdf5Path);
            Assert.That(sorptionContents.Mesh.NodeCount, Is.EqualTo(18));
            Assert.That(sorptionContents.FieldAt("finite-volume", 500).Values[0], Is.EqualTo(1));
            Assert.That(sorptionContents.Metadata["parameter_D"], Is.EqualTo(5e-4));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
