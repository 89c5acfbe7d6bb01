using System.Globalization;
using System.Text;
using System.Text.Json;
using PdeNet.Core.IO;

namespace PdeNet.Validation;

/// <summary>The outcome of a validation: a verdict, tables of measured figures and notes,
/// written as JSON (for machines) and Markdown (for people).</summary>
internal sealed class ValidationReport(string name, string title)
{
    private readonly List<(string Caption, string[] Columns, List<object?[]> Rows)> _tables = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, object> _figures = [];

    /// <summary>Whether every target was met.</summary>
    public bool Passed { get; set; } = true;

    /// <summary>Starts a table; returns a function that adds a row.</summary>
    public Action<object?[]> Table(string caption, params string[] columns)
    {
        var rows = new List<object?[]>();
        _tables.Add((caption, columns, rows));
        return row => rows.Add(row);
    }

    /// <summary>Adds a named figure to the JSON summary.</summary>
    public void Figure(string key, object value) => _figures[key] = value;

    /// <summary>Adds a line of explanation.</summary>
    public void Note(string text) => _notes.Add(text);

    /// <summary>Records a target and whether it was met.</summary>
    public void Target(string description, bool met)
    {
        Passed &= met;
        _notes.Add($"target: {description}: {(met ? "met" : "NOT met")}");
    }

    /// <summary>Writes <c>&lt;name&gt;.json</c> and <c>&lt;name&gt;.md</c> into <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> WriteTo(string directory, string machine, string command)
    {
        string json = Path.Combine(directory, $"{name}.json"), markdown = Path.Combine(directory, $"{name}.md");
        var document = new Dictionary<string, object>
        {
            ["validation"] = name,
            ["title"] = title,
            ["passed"] = Passed,
            ["machine"] = machine,
            ["command"] = command,
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["figures"] = _figures,
            ["tables"] = _tables.Select(t => new { caption = t.Caption, columns = t.Columns, rows = t.Rows }).ToArray(),
            ["notes"] = _notes,
        };
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var text = new StringBuilder();
        text.AppendLine($"# {title}").AppendLine();
        text.AppendLine($"Verdict: **{(Passed ? "all targets met" : "targets missed")}**. Machine: {machine}. Reproduce: `{command}`.").AppendLine();
        foreach (var (caption, columns, rows) in _tables)
        {
            text.AppendLine($"## {caption}").AppendLine();
            text.AppendLine("| " + string.Join(" | ", columns) + " |");
            text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
            foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row.Select(Format)) + " |");
            text.AppendLine();
        }
        foreach (var note in _notes) text.AppendLine($"- {note}");
        AtomicFile.WriteAllText(markdown, text.ToString());
        return [json, markdown];
    }

    private static string Format(object? value) => value switch
    {
        null => "–",
        double d when Math.Abs(d) < 1e-2 || Math.Abs(d) >= 1e4 => d.ToString("0.000e+00", CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
