using System.Globalization;
using System.Text.Json;
using PdeNet.Core.Fields;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Problems;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers;
using PdeNet.Solvers.Fem;
using Spectre.Console;

namespace PdeNet.Cli;

/// <summary>
/// One run of the command line: builds the problem from the library with the given parameters,
/// computes the reference (spectral, finite-volume or finite-element, whichever accepts the
/// problem), runs the chosen solver, compares them on the reference's mesh or grid, writes the
/// field file and plots, and prints a table or one JSON object.
/// </summary>
internal sealed class SolveRun(TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public int Execute(RunSettings settings)
    {
        var problem = ProblemLibrary.Get(settings.Problem).WithParameters(settings.Parameters).Validate();
        var solver = SolverCatalog.Create(settings.Solver, settings);
        string directory = PrepareOutput(settings.OutputDirectory);
        var display = new ProgressDisplay(error);

        // A reference solver's own result is the reference; a surrogate is measured against the
        // reference solver that accepts the problem (spectral, finite-volume or finite elements).
        Solution? reference = null;
        bool isReference = SolverCatalog.IsReference(settings.Solver);
        if (isReference)
        {
            reference = display.Run(settings.Solver, p => solver.Solve(problem, p));
        }
        else if (settings.WithReference)
        {
            var referenceSolver = SolverCatalog.ReferenceFor(problem, settings);
            try
            {
                reference = display.Run(referenceSolver.Name, p => referenceSolver.Solve(problem, p));
            }
            catch (NotSupportedException e)
            {
                error.WriteLine($"warning: no {referenceSolver.Name} reference for '{problem.Name}': {e.Message}");
            }
        }
        var solutions = new List<Solution>();
        if (reference is not null) solutions.Add(reference);
        if (!isReference) solutions.Add(display.Run(settings.Solver, p => solver.Solve(problem, p)));
        var mesh = ReferenceSolvers.ComparisonMesh(reference, problem.Domain!, SolverCatalog.FemOptions(settings), nativeGrid: settings.MeshSize is null);

        var comparison = Comparison.Of(problem, mesh, solutions, reference);
        var metadata = new Dictionary<string, object>
        {
            ["seed"] = settings.Seed,
            ["command"] = $"pdenet solve {settings.Problem} --solver {settings.Solver} --element {settings.Element.ToString().ToLowerInvariant()}" + string.Concat(settings.Parameters.Select(p => $" --param {p}")),
        };
        var files = WithNativeFemFile(comparison.WriteTo(directory, metadata), reference as FemSolution, directory, metadata);

        var parameters = problem.Parameters.ToDictionary(p => p.Name, problem.ValueOf);
        if (settings.Json)
        {
            var runs = comparison.Rows.Select((row, i) => SolverRunReport.Of(row, comparison.Solutions[i], files.BySolver[row.Solver])).ToArray();
            output.WriteLine(JsonSerializer.Serialize(new RunReport(problem.Name, problem.Equation!.ToString(), parameters, runs, files.All), JsonOptions));
            return 0;
        }
        WriteTable(comparison, parameters, files);
        return 0;
    }

    /// <summary>
    /// Adds <c>&lt;problem&gt;-fem.h5/.xdmf</c>: the finite-element solution with every unknown (the
    /// quadratic mesh of P2) at every stored time step, when the comparison's file, which holds the
    /// values at the linear mesh's nodes at its own output times, does not already say it all.
    /// </summary>
    private static ComparisonFiles WithNativeFemFile(ComparisonFiles files, FemSolution? reference, string directory, IReadOnlyDictionary<string, object> metadata)
    {
        if (reference is null || (!reference.IsTimeSeries && reference.Space.Element.Degree == 1)) return files;
        var extra = new Dictionary<string, object>(metadata) { ["problem"] = reference.Problem.Name, ["element"] = reference.Space.Kind.ToString() };
        var paths = FieldFile.Write(Path.Combine(directory, $"{reference.Problem.Name}-fem"), reference.ToFields(), extra);
        string[] written = [paths.Hdf5Path, paths.XdmfPath];
        var bySolver = files.BySolver.ToDictionary(e => e.Key, e => e.Key == reference.SolverName ? (IReadOnlyList<string>)[.. e.Value, .. written] : e.Value);
        return new ComparisonFiles(bySolver, [.. files.All, .. written]);
    }

    /// <summary>The output folder, created when missing; its parent must exist.</summary>
    public static string PrepareOutput(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("--out needs a folder");
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new ArgumentException($"--out '{path}' is a file, not a folder");
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new DirectoryNotFoundException($"cannot write to '{path}': the folder '{parent}' does not exist");
        Directory.CreateDirectory(full);
        return full;
    }

    private void WriteTable(Comparison comparison, IReadOnlyDictionary<string, double> parameters, ComparisonFiles files)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect });
        var problem = comparison.Problem;
        output.WriteLine($"{problem.Name}: {problem.Equation}");
        foreach (var condition in problem.Conditions) output.WriteLine($"  {condition}");
        if (parameters.Count > 0) output.WriteLine("  parameters: " + string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value.ToString("G6", CultureInfo.InvariantCulture)}")));
        var table = new Table().AddColumns("solver", "rel. L2 vs exact", "rel. L2 vs reference", "max |error|", "seconds");
        static string Format(double? value) => value is { } v ? v.ToString("E3", CultureInfo.InvariantCulture) : "-";
        foreach (var row in comparison.Rows)
            table.AddRow(row.Solver, Format(row.RelativeL2VsExact), Format(row.RelativeL2VsReference), Format(row.MaxAbsError), row.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var solution in comparison.Solutions.OfType<FemSolution>())
        {
            var m = solution.Metadata;
            output.WriteLine($"fem: {m["element"]}, {m["dofs"]} unknowns, {m["cells"]} cells, {m["iterations"]} Krylov iterations ({m["linear_solver"]}), {m["newton_iterations"]} Newton steps, " +
                $"assemble {Convert.ToDouble(m["assemble_seconds"], CultureInfo.InvariantCulture):F2} s, solve {Convert.ToDouble(m["solve_seconds"], CultureInfo.InvariantCulture):F2} s");
        }
        output.WriteLine("files:");
        foreach (var file in files.All) output.WriteLine($"  {file}");
    }
}
