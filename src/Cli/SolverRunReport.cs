using System.Globalization;
using System.Text.Json.Serialization;
using PdeNet.Core.Solving;
using PdeNet.Reporting.Comparisons;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli;

/// <summary>One solver run in a <see cref="RunReport"/>.</summary>
/// <param name="Solver">Solver name.</param>
/// <param name="RelL2VsExact">Relative L2 error against the exact solution, when there is one.</param>
/// <param name="RelL2VsReference">Relative L2 error against the reference, when one was computed.</param>
/// <param name="MaxAbsError">Largest nodal error against the exact solution (or the reference).</param>
/// <param name="Seconds">Wall time of the solve.</param>
/// <param name="Files">Files that show this run.</param>
/// <param name="Details">Solver facts: options, sizes, iteration counts, final loss.</param>
/// <param name="Dofs">Unknowns of a finite-element run.</param>
/// <param name="Iterations">Krylov iterations of a finite-element run, over all linear solves.</param>
/// <param name="AssembleSeconds">Seconds a finite-element run spent assembling.</param>
/// <param name="SolveSeconds">Seconds a finite-element run spent in linear solves.</param>
public sealed record SolverRunReport(
    [property: JsonPropertyName("solver")] string Solver,
    [property: JsonPropertyName("relL2VsExact"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RelL2VsExact,
    [property: JsonPropertyName("relL2VsReference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RelL2VsReference,
    [property: JsonPropertyName("maxAbsError"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MaxAbsError,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, object> Details,
    [property: JsonPropertyName("dofs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Dofs = null,
    [property: JsonPropertyName("iterations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Iterations = null,
    [property: JsonPropertyName("assembleSeconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AssembleSeconds = null,
    [property: JsonPropertyName("solveSeconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SolveSeconds = null)
{
    /// <summary>The report of <paramref name="solution"/>'s row, with the finite-element figures when it is a finite-element solution.</summary>
    public static SolverRunReport Of(ComparisonRow row, Solution solution, IReadOnlyList<string> files)
    {
        var report = new SolverRunReport(row.Solver, row.RelativeL2VsExact, row.RelativeL2VsReference, row.MaxAbsError, row.Seconds, files, solution.Metadata);
        if (solution is not FemSolution fem) return report;
        var m = fem.Metadata;
        return report with
        {
            Dofs = fem.Space.DofCount,
            Iterations = Convert.ToInt32(m["iterations"], CultureInfo.InvariantCulture),
            AssembleSeconds = Convert.ToDouble(m["assemble_seconds"], CultureInfo.InvariantCulture),
            SolveSeconds = Convert.ToDouble(m["solve_seconds"], CultureInfo.InvariantCulture),
        };
    }
}
