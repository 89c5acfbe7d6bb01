using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet mesh &lt;problem|file.msh&gt; [--h H] [--out DIR] [--json]</c></summary>
internal static class MeshCommand
{
    public static Command Create(Func<string, double?, string, bool, int> run)
    {
        var source = new Argument<string>("source") { Description = "a problem name (its domain is meshed) or a gmsh .msh file (read)" };
        var meshSize = new Option<double?>("--h") { Description = "target mesh size for a problem's domain (default 1/64)" };
        var output = new Option<string>("--out") { Description = "output folder (created if its parent exists)", DefaultValueFactory = _ => "out" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        OptionChecks.RealNumber(meshSize, h => h > 0, "positive");
        var command = new Command("mesh", "mesh a problem's domain or read a gmsh mesh; write it as HDF5/XDMF and PNG and report its size, parts and quality");
        command.Arguments.Add(source);
        command.Options.Add(meshSize);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(result => run(result.GetValue(source)!, result.GetValue(meshSize), result.GetValue(output)!, result.GetValue(json)));
        return command;
    }
}
