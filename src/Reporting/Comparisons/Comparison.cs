using System.Globalization;
using PdeNet.Core.Fields;
using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Reporting.Plots;

namespace PdeNet.Reporting.Comparisons;

/// <summary>
/// Solutions of one problem side by side on one mesh: relative L2 errors against the exact
/// solution and against the reference solver (by quadrature on the mesh), and the files a person
/// opens: <c>&lt;problem&gt;.h5</c> + <c>.xdmf</c> with every solution, the exact solution and the
/// pointwise errors, and PNG plots of the fields, the error maps and the loss curves.
/// </summary>
public sealed class Comparison
{
    private Comparison(Problem problem, Mesh mesh, IReadOnlyList<Solution> solutions, Solution? reference, ExactSolution? exact)
    {
        Problem = problem;
        Mesh = mesh;
        Solutions = solutions;
        Reference = reference;
        Exact = exact;
        Rows = solutions.Select(Row).ToArray();
    }

    /// <summary>Compares <paramref name="solutions"/> of <paramref name="problem"/> on <paramref name="mesh"/>.</summary>
    /// <param name="problem">The problem all solutions solve.</param>
    /// <param name="mesh">Where errors are integrated and fields are stored (the reference's mesh, typically).</param>
    /// <param name="solutions">The solutions, the reference among them if there is one.</param>
    /// <param name="reference">The reference solution the others are measured against, or null.</param>
    public static Comparison Of(Problem problem, Mesh mesh, IReadOnlyList<Solution> solutions, Solution? reference = null)
    {
        if (solutions.Count == 0) throw new ArgumentException("nothing to compare", nameof(solutions));
        var names = solutions.Select(s => s.SolverName).ToArray();
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"two solutions come from solver '{repeated.Key}'", nameof(solutions));
        if (reference is not null && !solutions.Contains(reference)) solutions = [reference, .. solutions];
        var exact = problem.ExactSolution is null ? null : ExactSolution.Of(problem);
        return new Comparison(problem, mesh, solutions, reference, exact);
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>The mesh of the comparison.</summary>
    public Mesh Mesh { get; }

    /// <summary>The solutions compared.</summary>
    public IReadOnlyList<Solution> Solutions { get; }

    /// <summary>The reference solution, if any.</summary>
    public Solution? Reference { get; }

    /// <summary>The exact solution, if the problem has one.</summary>
    public ExactSolution? Exact { get; }

    /// <summary>One row per solution.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    private ComparisonRow Row(Solution solution)
    {
        double? versusExact = Exact is null ? null : ErrorNorms.RelativeL2(solution, Exact, Mesh);
        double? versusReference = Reference is null || ReferenceEquals(solution, Reference) ? null : ErrorNorms.RelativeL2(solution, Reference, Mesh);
        var target = (Solution?)Exact ?? Reference;
        double? maxAbs = target is null || ReferenceEquals(target, solution) ? null : ErrorNorms.MaxAbs(solution, target, Mesh);
        return new ComparisonRow(solution.SolverName, versusExact, versusReference, maxAbs, solution.Seconds);
    }

    /// <summary>
    /// Writes the field file and the plots into <paramref name="directory"/> (which must exist).
    /// </summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="metadata">Extra run metadata for the field file (for example the command line).</param>
    /// <returns>The files written for each solver (shared files included) and all files.</returns>
    public ComparisonFiles WriteTo(string directory, IReadOnlyDictionary<string, object>? metadata = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"the output folder '{directory}' does not exist");
        string stem = Path.Combine(directory, Problem.Name);
        var fields = new List<Field>();
        var byName = new Dictionary<string, Field>();
        var target = (Solution?)Exact ?? Reference;
        Field? targetField = null;
        if (Exact is not null)
        {
            targetField = Exact.ToField(Mesh, "exact");
            fields.Add(targetField);
        }
        foreach (var solution in Solutions)
        {
            var field = solution.ToField(Mesh);
            fields.Add(field);
            byName[solution.SolverName] = field;
            if (ReferenceEquals(solution, Reference) && targetField is null) targetField = field;
        }
        var errors = new Dictionary<string, Field>();
        foreach (var solution in Solutions)
        {
            if (targetField is null || ReferenceEquals(solution, target)) continue;
            string suffix = Exact is not null ? "" : $"_vs_{Reference!.SolverName}";
            var error = byName[solution.SolverName].AbsoluteError(targetField, $"error_{solution.SolverName}{suffix}");
            errors[solution.SolverName] = error;
            fields.Add(error);
        }
        Field? surrogateError = null;
        if (Reference is not null && Exact is not null)
        {
            foreach (var solution in Solutions.Where(s => !ReferenceEquals(s, Reference)))
            {
                surrogateError = byName[solution.SolverName].AbsoluteError(byName[Reference.SolverName], $"error_{solution.SolverName}_vs_{Reference.SolverName}");
                fields.Add(surrogateError);
            }
        }

        var shared = new List<string>();
        var paths = FieldFile.Write(stem, fields, RunMetadata(metadata));
        shared.Add(paths.Hdf5Path);
        shared.Add(paths.XdmfPath);

        // The panel: exact | each solution | the last surrogate's error against the reference.
        var entries = new List<FieldPanelEntry>();
        if (Exact is not null) entries.Add(new FieldPanelEntry(targetField!, "exact"));
        entries.AddRange(Solutions.Select(s => new FieldPanelEntry(byName[s.SolverName], s.SolverName.ToUpperInvariant())));
        if (surrogateError is not null) entries.Add(new FieldPanelEntry(surrogateError, $"|{Solutions[^1].SolverName.ToUpperInvariant()} - {Reference!.SolverName.ToUpperInvariant()}|", FieldRole.Error));
        string panel = $"{stem}-fields.png";
        FieldPanelPlot.Save(panel, entries);
        shared.Add(panel);

        var perSolver = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var solution in Solutions)
        {
            var own = new List<string>(shared);
            if (errors.TryGetValue(solution.SolverName, out var error))
            {
                string path = $"{stem}-error-{solution.SolverName}.png";
                ErrorMapPlot.Save(path, error, new FieldPlotOptions { Title = $"|{solution.SolverName.ToUpperInvariant()} - {(Exact is not null ? "exact" : Reference!.SolverName.ToUpperInvariant())}|" });
                own.Add(path);
            }
            if (solution.History is { Count: > 0 } history)
            {
                string path = $"{stem}-loss-{solution.SolverName}.png";
                LossCurvePlot.Save(path, history, new LossCurveOptions { Title = $"{solution.SolverName.ToUpperInvariant()} training on {Problem.Name}", YLabel = "loss" });
                own.Add(path);
            }
            perSolver[solution.SolverName] = own;
        }
        return new ComparisonFiles(perSolver, perSolver.Values.SelectMany(f => f).Distinct().ToArray());
    }

    private Dictionary<string, object> RunMetadata(IReadOnlyDictionary<string, object>? extra)
    {
        var metadata = new Dictionary<string, object>
        {
            ["problem"] = Problem.Name,
            ["equation"] = Problem.Equation?.ToString() ?? "",
            ["description"] = Problem.Description,
            ["conditions"] = string.Join("; ", Problem.Conditions.Select(c => c.ToString())),
            ["solvers"] = string.Join(", ", Solutions.Select(s => s.SolverName)),
        };
        if (Reference is not null) metadata["reference"] = Reference.SolverName;
        foreach (var parameter in Problem.Parameters) metadata[$"parameter_{parameter.Name}"] = Problem.ValueOf(parameter);
        foreach (var row in Rows)
        {
            if (row.RelativeL2VsExact is { } e) metadata[$"relative_l2_vs_exact_{row.Solver}"] = e;
            if (row.RelativeL2VsReference is { } r) metadata[$"relative_l2_vs_reference_{row.Solver}"] = r;
        }
        if (extra is not null)
        {
            foreach (var (key, value) in extra) metadata[key] = value;
        }
        return metadata;
    }

    /// <summary>The rows as a plain text table.</summary>
    public override string ToString()
    {
        static string Format(double? value) => value is { } v ? v.ToString("E3", CultureInfo.InvariantCulture) : "-";
        var lines = Rows.Select(r => $"{r.Solver,-8} {Format(r.RelativeL2VsExact),12} {Format(r.RelativeL2VsReference),12} {Format(r.MaxAbsError),12} {r.Seconds,9:F2}");
        return $"{"solver",-8} {"relL2 exact",12} {"relL2 ref",12} {"max abs",12} {"seconds",9}\n" + string.Join("\n", lines);
    }
}
