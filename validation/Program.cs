using PdeNet.Validation;
using PdeNet.Validation.Foundation;

// dotnet run --project validation -- <name>|all [--out DIR]
// Runs validations outside the test suite and writes validation/reports/<name>.json and .md.
// Benchmarks (fem-benchmark) need an optimised build: dotnet run -c Release --project validation -- fem-benchmark
string root = FindRoot();
var validations = new IValidation[]
{
    new FemConvergence(),
    new PinnLShapeBudget(),
    new ParaViewReader(root),
    new PdeNet.Validation.Meshing.MesherBenchmark(),
    new PdeNet.Validation.Fem.FemBenchmark(root),
    new PdeNet.Validation.Fem.FemElements(),
    new PdeNet.Validation.References.SpectralReferences(),
    new PdeNet.Validation.Pinns.FailureModes(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Pinns.BurgersReactionDiffusion(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Pinns.PinnVersusReference(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Pinns.PinnPerformance(root),
    new PdeNet.Validation.Pinns.PinnInverse(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Operators.OperatorPerformance(root),
    new PdeNet.Validation.Operators.OperatorAntiderivative(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Operators.OperatorDarcy(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Operators.OperatorBurgers(Path.Combine(root, "validation", "reports")),
    new PdeNet.Validation.Pinns.HardConstraintBenchmark(Path.Combine(root, "validation", "reports")),
};
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: dotnet run --project validation -- <name>|all [--out DIR]");
    foreach (var v in validations) Console.WriteLine($"  {v.Name,-16} {v.Description}");
    return args.Length == 0 ? 1 : 0;
}
var chosen = args[0] == "all" ? validations : validations.Where(v => v.Name == args[0]).ToArray();
if (chosen.Length == 0)
{
    Console.Error.WriteLine($"error: unknown validation '{args[0]}'; the validations are: {string.Join(", ", validations.Select(v => v.Name))}");
    return 1;
}
int outIndex = Array.IndexOf(args, "--out");
string output = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(root, "out", "validation"));
Directory.CreateDirectory(output);
string reports = Path.Combine(root, "validation", "reports");
string machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
// Timings come from Release builds; the reproduce line names the configuration this run was built with.
bool optimised = typeof(IValidation).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
    .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
bool passed = true;
foreach (var validation in chosen)
{
    Console.Error.WriteLine($"running {validation.Name}: {validation.Description}");
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var report = validation.Run(output);
    var files = report.WriteTo(reports, machine, $"dotnet run {(optimised ? "-c Release " : "")}--project validation -- {validation.Name}");
    Console.WriteLine($"{validation.Name}: {(report.Passed ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:F0} s; report {string.Join(", ", files)}");
    passed &= report.Passed;
}
return passed ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PdeNet.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("cannot find the repository root (PdeNet.sln)");
}
