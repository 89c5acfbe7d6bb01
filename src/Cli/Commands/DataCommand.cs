using System.CommandLine;

namespace PdeNet.Cli.Commands;

/// <summary>
/// <c>pdenet data &lt;problem&gt; --samples N [--resolution R] --out FILE.h5 [--seed S] [--first I] [--workers W] [--block B] [--json]</c>,
/// <c>pdenet data merge SHARD.h5... --out FILE.h5</c> and <c>pdenet data info FILE.h5</c>.
/// </summary>
internal static class DataCommand
{
    public static Command Create(Func<DataSettings, int> generate, Func<string[], string, int> merge, Func<string, bool, int> info)
    {
        var problem = new Argument<string>("problem") { Description = "parametric problem: darcy-2d, antiderivative-1d, burgers-1d" };
        var samples = new Option<int>("--samples") { Description = "number of samples N", Required = true };
        var resolution = new Option<int?>("--resolution") { Description = "grid points per axis (default: the problem's, 421 for darcy-2d)" };
        var output = new Option<string>("--out") { Description = "the .h5 file to write", Required = true };
        var seed = new Option<long>("--seed") { Description = "seed of the data set: sample i depends only on (seed, i)", DefaultValueFactory = _ => 0 };
        var first = new Option<long>("--first") { Description = "index of the first sample, for shards made apart (default 0)", DefaultValueFactory = _ => 0 };
        var workers = new Option<int>("--workers") { Description = "samples solved at once (default 0: one per core)", DefaultValueFactory = _ => 0 };
        var block = new Option<int>("--block") { Description = "samples per saved block (default 0: 4 per worker)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        OptionChecks.WholeNumber(samples, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(resolution, n => n >= 2, "at least 2");
        OptionChecks.WholeNumber(workers, n => n >= 0, "zero (one per core) or positive");
        OptionChecks.WholeNumber(block, n => n >= 0, "zero (4 per worker) or positive");
        first.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0) result.AddError("--first must be zero or positive");
        });
        var command = new Command("data", "generate an operator-learning data set of a parametric problem (reference solves in parallel, HDF5, resumable); see docs/datasets.md");
        command.Arguments.Add(problem);
        foreach (var option in new Option[] { samples, resolution, output, seed, first, workers, block, json }) command.Options.Add(option);
        command.SetAction(result => generate(new DataSettings(
            result.GetValue(problem)!, result.GetValue(samples), result.GetValue(resolution), result.GetValue(output)!,
            result.GetValue(seed), result.GetValue(first), result.GetValue(workers), result.GetValue(block), result.GetValue(json))));

        var shards = new Argument<string[]>("shards") { Description = "the shard files (.h5) to merge", Arity = ArgumentArity.OneOrMore };
        var mergedOutput = new Option<string>("--out") { Description = "the merged .h5 file", Required = true };
        var mergeCommand = new Command("merge", "merge shards generated apart (same settings, disjoint --first ranges) into one data set");
        mergeCommand.Arguments.Add(shards);
        mergeCommand.Options.Add(mergedOutput);
        mergeCommand.SetAction(result => merge(result.GetValue(shards)!, result.GetValue(mergedOutput)!));
        command.Subcommands.Add(mergeCommand);

        var file = new Argument<string>("file") { Description = "a data set (.h5)" };
        var infoJson = new Option<bool>("--json") { Description = "print one JSON object" };
        var infoCommand = new Command("info", "print a data set's shapes and generation attributes");
        infoCommand.Arguments.Add(file);
        infoCommand.Options.Add(infoJson);
        infoCommand.SetAction(result => info(result.GetValue(file)!, result.GetValue(infoJson)));
        command.Subcommands.Add(infoCommand);
        return command;
    }
}
