using System.CommandLine;
using System.Globalization;
using PdeNet.Operators.Experiments;

namespace PdeNet.Cli.Commands;

/// <summary><c>pdenet predict &lt;model-file&gt; --data FILE.h5 [--samples i,j,... | --count N] --out PRED.h5 [--plot] [--threads N] [--json]</c>.</summary>
internal static class PredictCommand
{
    public static Command Create(Func<OperatorPredictionSettings, bool, bool, int> predict)
    {
        var model = new Argument<string>("model") { Description = "a model file written by 'pdenet train'" };
        var data = new Option<string>("--data") { Description = "the data set (.h5) whose samples to predict", Required = true };
        var samples = new Option<int[]?>("--samples") { Description = "positions of the samples in the data set, comma-separated (default: the model's test set on its own data set, otherwise all)" };
        var count = new Option<int?>("--count") { Description = "predict only the first N samples of the default set" };
        var output = new Option<string>("--out") { Description = "the prediction field file (.h5, with an .xdmf for ParaView)", Required = true };
        var plot = new Option<bool>("--plot") { Description = "also write <out>.png: input, reference, prediction and error of the first sample (2D data sets)" };
        var threads = new Option<int?>("--threads") { Description = "threads (default: one per core)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        OptionChecks.WholeNumber(threads, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(count, n => n >= 1, "at least 1");
        samples.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var parts = text.Split(',');
            var values = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < 0)
                {
                    result.AddError($"--samples needs comma-separated positions (whole numbers from 0), got '{text}'");
                    return null;
                }
            }
            return values;
        };
        var command = new Command("predict", "predict data-set samples with a trained operator and write them beside the references (.h5 + .xdmf)");
        command.Arguments.Add(model);
        foreach (var option in new Option[] { data, samples, count, output, plot, threads, json }) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetResult(samples) is not null && result.GetResult(count) is not null) result.AddError("give --samples or --count, not both");
        });
        command.SetAction(result => predict(new OperatorPredictionSettings(result.GetValue(model)!, result.GetValue(data)!, result.GetValue(output)!,
            result.GetValue(samples) is { Length: > 0 } positions ? positions : null, result.GetValue(count), Threads: result.GetValue(threads)), result.GetValue(plot), result.GetValue(json)));
        return command;
    }
}
