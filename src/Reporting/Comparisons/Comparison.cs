using System.Globalization;
using PdeNet.Core.Fields;
using PdeNet.Core.Metrics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Quadrature;
using PdeNet.Reporting.Plots;

namespace PdeNet.Reporting.Comparisons;

/// <summary>
/// Solutions of one problem side by side on one mesh: relative L2 errors against the exact
/// solution and against the reference solver, and the files a person opens:
/// <c>&lt;problem&gt;.h5</c> + <c>.xdmf</c> with every solution, the exact solution and the
/// pointwise errors, and PNG plots of the fields, the error maps and the loss curves.
/// Steady problems are compared on the mesh. Evolution problems are compared over space and time:
/// errors are integrated on the mesh at <see cref="ErrorSteps"/> + 1 equally spaced times and
/// combined by the trapezoidal rule in t, fields are stored at up to <see cref="FileSteps"/> + 1
/// times, and plots show x–t pictures for 1D problems and the final time for 2D ones.
/// </summary>
public sealed class Comparison
{
    /// <summary>Time intervals over which errors of evolution problems are integrated.</summary>
    public const int ErrorSteps = 100;

    /// <summary>Time intervals between the stored fields of evolution problems.</summary>
    public const int FileSteps = 20;

    private readonly MeshQuadrature _quadrature;

    private Comparison(Problem problem, Mesh mesh, IReadOnlyList<Solution> solutions, Solution? reference, ExactSolution? exact)
    {
        Problem = problem;
        Mesh = mesh;
        Solutions = solutions;
        Reference = reference;
        Exact = exact;
        _quadrature = MeshQuadrature.Of(mesh, ErrorNorms.DefaultDegree);
        Times = problem.IsTimeDependent ? Spaced(problem.Time!, ErrorSteps) : [0];
        FileTimes = problem.IsTimeDependent ? Spaced(problem.Time!, FileSteps) : [0];
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
        var repeated = solutions.Select(s => s.SolverName).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
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

    /// <summary>The times at which errors are measured: 0 for steady problems.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The times at which fields are stored.</summary>
    public IReadOnlyList<double> FileTimes { get; }

    /// <summary>One row per solution.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>What the comparison measures against: the exact solution, else the reference.</summary>
    private Solution? Target => (Solution?)Exact ?? Reference;

    private static double[] Spaced(TimeInterval interval, int steps) =>
        Enumerable.Range(0, steps + 1).Select(k => k == steps ? interval.End : interval.Start + k * interval.Length / steps).ToArray();

    private ComparisonRow Row(Solution solution)
    {
        double? versusExact = Exact is null ? null : RelativeL2(solution, Exact);
        double? versusReference = Reference is null || ReferenceEquals(solution, Reference) ? null : RelativeL2(solution, Reference);
        double? maxAbs = Target is null || ReferenceEquals(Target, solution) ? null : Times.Max(t => ErrorNorms.MaxAbs(solution, Target, Mesh, t));
        return new ComparisonRow(solution.SolverName, versusExact, versusReference, maxAbs, solution.Seconds);
    }

    /// <summary>‖u - v‖ / ‖v‖ over the mesh, and over time by the trapezoidal rule for evolution problems.</summary>
    private double RelativeL2(Solution u, Solution v) => ErrorNorms.RelativeL2(u, v, _quadrature, Times);

    /// <summary>Writes the field file and the plots into <paramref name="directory"/> (which must exist).</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="metadata">Extra run metadata for the field file (for example the command line).</param>
    /// <returns>The files written for each solver (shared files included) and all files.</returns>
    public ComparisonFiles WriteTo(string directory, IReadOnlyDictionary<string, object>? metadata = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"the output folder '{directory}' does not exist");
        string stem = Path.Combine(directory, Problem.Name);
        var byTime = FileTimes.Select(t => FieldsAt(Mesh, t)).ToList();
        var paths = FieldFile.Write(stem, byTime.SelectMany(f => f.Values).ToList(), RunMetadata(metadata));
        var shared = new List<string> { paths.Hdf5Path, paths.XdmfPath };

        // Pictures: x–t for 1D evolution problems, the final time otherwise.
        bool spaceTime = Problem.IsTimeDependent && Mesh.GeometricDimension == 1;
        var picture = (spaceTime ? PictureOverTime() : byTime[^1]).ToDictionary(e => e.Key, e => Magnitude(e.Value));
        var labels = spaceTime ? ("x", "t", (double?)0.6) : ("x", "y", null);
        string suffix = Problem.IsTimeDependent && !spaceTime ? $" (t = {FileTimes[^1].ToString("G4", CultureInfo.InvariantCulture)})" : "";
        var entries = new List<FieldPanelEntry>();
        if (Exact is not null) entries.Add(new FieldPanelEntry(picture["exact"], "exact" + suffix));
        entries.AddRange(Solutions.Select(s => new FieldPanelEntry(picture[s.SolverName], s.SolverName.ToUpperInvariant() + suffix)));
        if (SurrogateErrorName() is { } surrogateError)
            entries.Add(new FieldPanelEntry(picture[surrogateError], $"|{Solutions[^1].SolverName.ToUpperInvariant()} - {Reference!.SolverName.ToUpperInvariant()}|" + suffix, FieldRole.Error));
        string panel = $"{stem}-fields.png";
        FieldPanelPlot.Save(panel, entries, new FieldPanelOptions { XLabel = labels.Item1, YLabel = labels.Item2, Aspect = labels.Item3 });
        shared.Add(panel);

        var perSolver = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var solution in Solutions)
        {
            var own = new List<string>(shared);
            if (picture.TryGetValue(ErrorName(solution), out var error))
            {
                string path = $"{stem}-error-{solution.SolverName}.png";
                ErrorMapPlot.Save(path, error, new FieldPlotOptions
                {
                    Title = $"|{solution.SolverName.ToUpperInvariant()} - {(Exact is not null ? "exact" : Reference!.SolverName.ToUpperInvariant())}|" + suffix,
                    XLabel = labels.Item1,
                    YLabel = labels.Item2,
                    Aspect = labels.Item3,
                });
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

    private string ErrorName(Solution solution) => $"error_{solution.SolverName}" + (Exact is not null ? "" : $"_vs_{Reference?.SolverName}");

    private string? SurrogateErrorName() =>
        Reference is not null && Exact is not null && Solutions.Count > 1 ? $"error_{Solutions[^1].SolverName}_vs_{Reference.SolverName}" : null;

    /// <summary>A scalar field as it is; a vector field (a vector unknown, plotted as its length) as |v| per node.</summary>
    private static Field Magnitude(Field field)
    {
        if (field.Components == 1) return field;
        int m = field.Components;
        var lengths = new double[field.Mesh.NodeCount];
        for (int i = 0; i < lengths.Length; i++)
        {
            double sum = 0;
            for (int c = 0; c < m; c++) sum += field.Values[i * m + c] * field.Values[i * m + c];
            lengths[i] = Math.Sqrt(sum);
        }
        return new Field(field.Name, field.Mesh, lengths, 1, field.Time, field.Units, field.Attributes);
    }

    /// <summary>Every field of the comparison at time <paramref name="time"/> on <paramref name="mesh"/>, by name.</summary>
    private Dictionary<string, Field> FieldsAt(Mesh mesh, double time) =>
        Build(mesh, time, s => s.ToField(mesh, time: time), (name, values) => new Field(name, mesh, values, values.Length / mesh.NodeCount, time));

    /// <summary>The comparison's fields on the x–t mesh of a 1D evolution problem, by name.</summary>
    private Dictionary<string, Field> PictureOverTime()
    {
        var sweep = SpaceTimeMesh.Of(Mesh, Times);
        double[] Values(Solution s) => Times.SelectMany(t => s.Evaluate(Mesh.Coordinates, t)).ToArray();
        return Build(sweep, 0, s => new Field(s.SolverName, sweep, Values(s), s.Components), (name, values) => new Field(name, sweep, values, values.Length / sweep.NodeCount));
    }

    /// <summary>The fields of every solution, the exact solution and the pointwise errors, built by the given makers.</summary>
    private Dictionary<string, Field> Build(Mesh mesh, double time, Func<Solution, Field> field, Func<string, double[], Field> make)
    {
        var byName = new Dictionary<string, Field>();
        Field Named(Field f, string name) => f.Name == name ? f : new Field(name, f.Mesh, f.Values, f.Components, f.Time, f.Units, f.Attributes);
        if (Exact is not null) byName["exact"] = Named(field(Exact), "exact");
        foreach (var solution in Solutions) byName[solution.SolverName] = Named(field(solution), solution.SolverName);
        var target = Exact is not null ? byName["exact"] : Reference is not null ? byName[Reference.SolverName] : null;
        foreach (var solution in Solutions)
        {
            if (target is null || ReferenceEquals(solution, Target)) continue;
            string name = ErrorName(solution);
            byName[name] = make(name, byName[solution.SolverName].Values.Zip(target.Values, (a, b) => Math.Abs(a - b)).ToArray());
        }
        if (SurrogateErrorName() is { } surrogate)
            byName[surrogate] = make(surrogate, byName[Solutions[^1].SolverName].Values.Zip(byName[Reference!.SolverName].Values, (a, b) => Math.Abs(a - b)).ToArray());
        return byName;
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
        if (Problem.IsTimeDependent) metadata["error_times"] = Times.Count;
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
