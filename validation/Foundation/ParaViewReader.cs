using System.Diagnostics;
using System.Globalization;
using PdeNet.Core.Fields;
using PdeNet.Pinns;
using PdeNet.Problems;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers.Fem;

namespace PdeNet.Validation.Foundation;

/// <summary>Writes a comparison of the L-shape (FEM + a short PINN) and opens the .xdmf with
/// ParaView's own XDMF reader through validation/paraview/check_xdmf.py (Debian's pvbatch), checking
/// that every array is there with the range the writer stored; h5dump must read the .h5.</summary>
internal sealed class ParaViewReader(string repositoryRoot) : IValidation
{
    public string Name => "paraview-reader";

    public string Description => "the demo's .xdmf/.h5 opened by ParaView's XDMF reader (pvbatch) and h5dump";

    public ValidationReport Run(string outputDirectory)
    {
        var report = new ValidationReport(Name, "ParaView and h5dump read the field files");
        var problem = PoissonLShape.Create();
        var reference = (FemSolution)new FemSolver().Solve(problem);
        var pinn = new PinnSolver(new PinnOptions(Steps: 200)).Solve(problem);
        var files = Comparison.Of(problem, reference.Mesh, [reference, pinn], reference).WriteTo(outputDirectory);
        string xdmf = files.All.Single(f => f.EndsWith(".xdmf", StringComparison.Ordinal));
        var contents = FieldFile.Read(xdmf);
        var add = report.Table("Arrays written", "field", "min", "max");
        var expectations = new List<string>();
        foreach (var field in contents.Fields)
        {
            add([field.Name, field.Min(), field.Max()]);
            expectations.Add("--expect");
            expectations.Add(string.Create(CultureInfo.InvariantCulture, $"{field.Name}={field.Min():R}:{field.Max():R}"));
        }
        string script = Path.Combine(repositoryRoot, "validation", "paraview", "check_xdmf.py");
        var paraview = ExternalProgram.Run("pvbatch", [script, xdmf, .. expectations, "--tolerance", "1e-6"]);
        var h5dump = ExternalProgram.Run("h5dump", ["-H", Path.ChangeExtension(xdmf, ".h5")]);
        if (paraview is null || h5dump is null)
        {
            report.Note("pvbatch or h5dump is not installed (Debian: apt-get install paraview python3-paraview hdf5-tools); nothing was checked.");
            report.Passed = false;
            return report;
        }
        report.Note("pvbatch printed:");
        foreach (var line in paraview.Value.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)) report.Note($"`{line}`");
        report.Target("ParaView's XDMF reader loads the file and every array has the stored range", paraview.Value.Exit == 0);
        report.Target("h5dump reads the .h5", h5dump.Value.Exit == 0);
        report.Figure("h5dump_groups", h5dump.Value.Output.Split('\n').Count(l => l.TrimStart().StartsWith("GROUP", StringComparison.Ordinal)));
        return report;
    }
}
