using System.Globalization;
using PdeNet.Core.Solving;
using Spectre.Console;

namespace PdeNet.Cli;

/// <summary>
/// Shows solver progress: a live progress bar with the loss terms in an interactive terminal,
/// otherwise one line per tenth of the run. Writes to the error stream, so that stdout holds only
/// results.
/// </summary>
internal sealed class ProgressDisplay(TextWriter error)
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });

    private bool Interactive => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && _console.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="solve"/> while showing the progress it reports.</summary>
    public T Run<T>(string label, Func<IProgress<SolverProgress>, T> solve)
    {
        if (!Interactive)
        {
            // One line per stage, and per tenth of a stage with a known length.
            (string Stage, int Tenth) last = ("", -1);
            return solve(new Reporter(p =>
            {
                var now = (p.Stage, p.TotalSteps > 0 ? 10 * p.Step / p.TotalSteps : 0);
                if (now == last) return;
                last = now;
                error.WriteLine($"{label}: {Describe(p)}");
            }));
        }
        T result = default!;
        _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                result = solve(new Reporter(p =>
                {
                    task.Description = Markup.Escape($"{label}: {Describe(p)}");
                    if (p.TotalSteps > 0) task.Value = (double)p.Step / p.TotalSteps;
                }));
                task.Value = 1;
            });
        return result;
    }

    private static string Describe(SolverProgress p)
    {
        string values = string.Join(", ", p.Values.Select(v => $"{v.Key} {v.Value.ToString("E2", CultureInfo.InvariantCulture)}"));
        string step = p.TotalSteps > 0 ? $" {p.Step}/{p.TotalSteps}" : "";
        return $"{p.Stage}{step}{(values.Length > 0 ? " " + values : "")}";
    }

    private sealed class Reporter(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
