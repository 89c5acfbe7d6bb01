using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PdeNet.Problems;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet list</c>: the problems with their parameters, the parametric problems (data sets for operator learning) and the solvers.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("list", "list the problems (with their parameters), the parametric problems of 'pdenet data' and 'pdenet train', and the solvers");
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var problems = ProblemLibrary.All().ToArray();
            var parametric = ParametricProblemLibrary.Names.Select(ParametricProblemLibrary.Get).ToArray();
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
                    parametricProblems = parametric.Select(p => new
                    {
                        name = p.Name,
                        description = p.Description,
                        dimension = p.Dimension,
                        inputs = p.InputNames,
                        output = p.OutputName,
                        reference = p.ReferenceSolver,
                        defaultResolution = p.DefaultResolution,
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
            output.WriteLine("parametric problems (pdenet data, pdenet train):");
            foreach (var p in parametric)
            {
                output.WriteLine($"  {p.Name}: {p.Description}");
                output.WriteLine($"      {p.Dimension}D, input {string.Join(", ", p.InputNames)} -> output {p.OutputName}, reference {p.ReferenceSolver}, default resolution {p.DefaultResolution}");
            }
            output.WriteLine("solvers:");
            foreach (var (name, description) in SolverCatalog.Solvers) output.WriteLine($"  {name}: {description}");
            return 0;
        });
        return command;
    }
}
