using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PdeNet.Problems;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet list</c>: the problems with their parameters, and the solvers.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("list", "list the problems (with their parameters) and the solvers");
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var problems = ProblemLibrary.All().ToArray();
            if (result.GetValue(json))
            {
                var listing = new
                {
                    problems = problems.Select(p => new
                    {
                        name = p.Name,
                        description = p.Description,
                        equation = p.Equation!.ToString(),
                        parameters = p.Parameters.Select(q => new { name = q.Name, @default = q.DefaultValue, description = q.Description, units = q.Units }),
                    }),
                    solvers = SolverCatalog.Solvers.Select(s => new { name = s.Name, description = s.Description }),
                };
                output.WriteLine(JsonSerializer.Serialize(listing, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            output.WriteLine("problems:");
            foreach (var p in problems)
            {
                output.WriteLine($"  {p.Name}: {p.Description}");
                output.WriteLine($"      {p.Equation}");
                foreach (var q in p.Parameters)
                    output.WriteLine($"      --param {q.Name}={q.DefaultValue.ToString("G6", CultureInfo.InvariantCulture)}  {q.Description}{(q.Units.Length > 0 ? $" [{q.Units}]" : "")}");
            }
            output.WriteLine("solvers:");
            foreach (var (name, description) in SolverCatalog.Solvers) output.WriteLine($"  {name}: {description}");
            return 0;
        });
        return command;
    }
}
