using System.Globalization;
using System.Text.Json;
using PdeNet.Problems;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.Fem.Convergence;
using Spectre.Console;

namespace PdeNet.Cli;

/// <summary>
/// One run of <c>pdenet convergence</c>: builds the problem, meshes its domain at several uniform
/// refinements (<see cref="FemConvergenceStudy.UniformMeshes"/>), solves with the finite-element
/// reference and prints h, the errors against the exact solution and the observed rates.
/// </summary>
internal sealed class ConvergenceRun(TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public int Execute(ConvergenceSettings settings)
    {
        var problem = ProblemLibrary.Get(settings.Problem).WithParameters(settings.Parameters).Validate();
        if (problem.ExactSolution is null)
            throw new ArgumentException($"problem '{problem.Name}' has no exact solution; a convergence study measures errors against one");
        int d = problem.Dimension;
        int levels = settings.Levels ?? (d == 3 ? 3 : 4);
        int coarsest = settings.Coarsest ?? d switch { 1 => 8, 2 => 4, _ => 2 };
        var meshes = FemConvergenceStudy.UniformMeshes(problem.Domain!, levels, coarsest);
        var defaults = new FemOptions();
        var options = defaults with { Element = settings.Element, TimeSteps = settings.TimeSteps, Scheme = settings.Scheme ?? defaults.Scheme };
        var display = new ProgressDisplay(error);
        var study = display.Run("convergence", p => FemConvergenceStudy.Run(problem, options, meshes, p));

        var parameters = problem.Parameters.ToDictionary(p => p.Name, problem.ValueOf);
        string element = settings.Element.ToString().ToLowerInvariant();
        if (settings.Json)
        {
            var report = new ConvergenceReport(problem.Name, problem.Equation!.ToString(), element, parameters,
                study.Select(l => new ConvergenceLevelReport(l.H, l.Dofs, l.TimeSteps, l.L2, l.H1, l.RateL2, l.RateH1, l.Seconds)).ToArray());
            output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
            return 0;
        }
        output.WriteLine($"{problem.Name}: {problem.Equation} ({element})");
        if (parameters.Count > 0) output.WriteLine("  parameters: " + string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value.ToString("G6", CultureInfo.InvariantCulture)}")));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Detect });
        var table = new Table().AddColumns("h", "unknowns", "L2 error", "rate", "H1 error", "rate", "seconds");
        if (problem.IsTimeDependent) table.AddColumn("time steps");
        static string Rate(double? r) => r is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";
        foreach (var l in study)
        {
            var cells = new List<string>
            {
                l.H.ToString("G4", CultureInfo.InvariantCulture), l.Dofs.ToString(CultureInfo.InvariantCulture),
                l.L2.ToString("E3", CultureInfo.InvariantCulture), Rate(l.RateL2),
                l.H1.ToString("E3", CultureInfo.InvariantCulture), Rate(l.RateH1),
                l.Seconds.ToString("F2", CultureInfo.InvariantCulture),
            };
            if (problem.IsTimeDependent) cells.Add(l.TimeSteps?.ToString(CultureInfo.InvariantCulture) ?? "-");
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        if (problem.IsTimeDependent) output.WriteLine($"errors at t = {problem.Time!.End}; the time steps grow with each refinement so that the temporal error keeps pace with h^{options.ElementDegree + 1}");
        return 0;
    }
}
