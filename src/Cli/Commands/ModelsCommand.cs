using System.CommandLine;
using System.Text.Json;
using PdeNet.Operators.Models;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet models</c>: the neural operator presets with their parameter counts.</summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("models", "list the neural operator presets (DeepONet, MgNO, LSM) with their parameter counts");
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var rows = OperatorPresets.All.Select(p =>
            {
                using var network = p.Spec.Build();
                return (Preset: p, Count: network.ParameterCount);
            }).ToArray();
            if (result.GetValue(json))
            {
                var listing = new
                {
                    models = rows.Select(r => new
                    {
                        name = r.Preset.Name,
                        kind = r.Preset.Spec.Kind.ToString().ToLowerInvariant(),
                        description = r.Preset.Description,
                        parameters = r.Count,
                        official_parameters = r.Preset.OfficialParameterCount,
                    }),
                };
                output.WriteLine(JsonSerializer.Serialize(listing, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            output.WriteLine("models:");
            foreach (var (preset, count) in rows)
                output.WriteLine($"  {preset.Name}: {count:N0} parameters (official code: {preset.OfficialParameterCount:N0})\n      {preset.Description}");
            return 0;
        });
        return command;
    }
}
