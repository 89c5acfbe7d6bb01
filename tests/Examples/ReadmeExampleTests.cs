// README example: begin
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Pinns;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers.Fem;
using static PdeNet.Core.Symbolic.Expr;
// README example: end

namespace PdeNet.Tests.Examples;

/// <summary>The C# example in README.md is this code, and it runs.</summary>
public class ReadmeExampleTests
{
    private static readonly string Root = FindRoot();

    [Test]
    public void ReadmeShowsExactlyThisExample()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        int start = readme.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has a C# example");
        start += "```csharp\n".Length;
        string block = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        string source = File.ReadAllText(Path.Combine(Root, "tests", "Examples", "ReadmeExampleTests.cs"));
        const string marker = "// README example: ";
        var regions = source.Split(marker + "begin").Skip(1).Select(r => r[..r.IndexOf(marker + "end", StringComparison.Ordinal)]);
        Assert.That(Lines(block), Is.EqualTo(regions.SelectMany(Lines).ToArray()));
    }

    [Test]
    public void ExampleRuns()
    {
        string folder = Directory.CreateTempSubdirectory("pdenet-readme-").FullName;
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            var comparison = Example();
            Assert.That(comparison.Rows.Select(r => r.Solver), Is.EqualTo(new[] { "fem", "pinn" }));
            Assert.That(comparison.Rows[0].RelativeL2VsExact, Is.LessThan(2e-3));
            Assert.That(comparison.Rows[1].RelativeL2VsReference, Is.LessThan(0.5));
            Assert.That(File.Exists(Path.Combine(folder, "out", "my-poisson.xdmf")));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Comparison Example()
    {
        // README example: begin
        // The L-shaped domain (-1, 1)² without its lower-right quadrant, and the unknown u.
        var domain = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
        var u = Unknown.Scalar("u");

        // The exact solution r^(2/3) sin(2θ/3), with θ in (0, 2π].
        var r = Named("r", Sqrt(X * X + Y * Y));
        var theta = Named("theta", Atan2(-Y, -X) + Math.PI);
        var exact = Pow(r, 2.0 / 3) * Sin(2 * theta / 3);

        var problem = Problem.Named("my-poisson")
            .On(domain)
            .Solve(-Laplacian(u) == 0)
            .With(Dirichlet.On(domain.Boundary, exact))
            .Exact(exact);

        // The same definition feeds the finite-element reference and the PINN.
        var reference = (FemSolution)new FemSolver(new FemOptions(MeshSize: 1.0 / 32)).Solve(problem);
        var pinn = new PinnSolver(new PinnOptions(Steps: 300)).Solve(problem);

        var comparison = Comparison.Of(problem, reference.Mesh, [reference, pinn], reference);
        Console.WriteLine(comparison);
        comparison.WriteTo(Directory.CreateDirectory("out").FullName);
        // README example: end
        return comparison;
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PdeNet.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (PdeNet.sln) above the test binaries");
    }
}
