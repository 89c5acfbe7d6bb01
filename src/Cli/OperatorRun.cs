using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PdeNet.Core.Solving;
using PdeNet.Operators.Experiments;
using PdeNet.Problems;
using PdeNet.Reporting.Plots;

namespace PdeNet.Cli;

/// <summary>
/// <c>pdenet train</c> and <c>pdenet predict</c>: thin wrappers over <see cref="OperatorTrainingRun"/> and
/// <see cref="OperatorPredictionRun"/> that show progress on the error stream and print the report
/// (lines, or one JSON object in the camel case of <c>solve --json</c>).
/// </summary>
internal sealed class OperatorRun(TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Train(OperatorTrainingSettings settings, bool json)
    {
        _ = ParametricProblemLibrary.Get(settings.Problem);   // an unknown name fails here, listing the problems
        string label = $"{settings.Problem} {settings.Variant?.Name ?? settings.Kind.ToString().ToLowerInvariant()}";
        var report = json
            ? OperatorTrainingRun.Run(settings)
            : new ProgressDisplay(error).Run(label, progress => OperatorTrainingRun.Run(settings, new Reporter(e =>
            {
                var values = new Dictionary<string, double> { ["loss"] = e.Loss };
                if (e.ValidationRelativeL2 is { } v) values["val_rel_l2"] = v;
                progress.Report(new SolverProgress("epoch", e.Epoch, e.Epochs, values));
            })));
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
            return 0;
        }
        static string E(double? value) => value is { } v ? v.ToString("E3", CultureInfo.InvariantCulture) : "-";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Problem}: {report.Model} (preset {report.Preset}, {report.Parameters:N0} parameters), {report.Epochs} epochs, weights of epoch {report.BestEpoch}"));
        output.WriteLine($"  samples: {report.TrainSamples} train, {report.ValidationSamples} validation, {report.TestPositions.Length} test");
        output.WriteLine($"  train loss ({report.Loss}): {E(report.TrainLoss)}");
        output.WriteLine($"  validation rel. L2: {E(report.ValidationRelL2)}");
        output.WriteLine($"  test rel. L2: {E(report.TestRelL2)}, test MSE: {E(report.TestMse)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.SecondsPerEpoch:F3} s per epoch, {report.InferenceSecondsPerSample:E2} s inference per sample"));
        output.WriteLine($"model: {report.ModelFile}");
        return 0;
    }

    public int Predict(OperatorPredictionSettings settings, bool plot, bool json)
    {
        var report = OperatorPredictionRun.Run(settings);
        var files = new List<string> { report.Hdf5Path, report.XdmfPath };
        if (plot)
        {
            if (report.Data.Dimension == 2)
            {
                string png = Path.ChangeExtension(report.Hdf5Path, ".png");
                Plot(png, report);
                files.Add(png);
            }
            else
            {
                error.WriteLine($"warning: --plot draws 2D data sets; {report.DataPath} has {report.Data.Dimension}D fields, no picture written");
            }
        }
        var e = report.Evaluation;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                report.Problem,
                report.Model,
                report.ModelFile,
                Data = report.DataPath,
                Samples = e.Positions.Select((p, k) => new { Position = p, SampleIndex = e.SampleIndices[k], RelL2 = e.RelativeL2[k] }),
                MeanRelL2 = e.MeanRelativeL2,
                e.Mse,
                InferenceSecondsPerSample = e.SecondsPerSample,
                Files = files,
            }, JsonOptions));
            return 0;
        }
        output.WriteLine($"{report.Problem}: {report.Model} from {report.ModelFile} on {e.Positions.Length} samples of {report.DataPath}");
        for (int k = 0; k < e.Positions.Length; k++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sample {e.SampleIndices[k]} (position {e.Positions[k]}): rel. L2 {e.RelativeL2[k]:E3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  mean rel. L2 {e.MeanRelativeL2:E3}, MSE {e.Mse:E3}, {e.SecondsPerSample:E2} s inference per sample"));
        output.WriteLine("files:");
        foreach (var file in files) output.WriteLine($"  {file}");
        return 0;
    }

    /// <summary>Input(s), reference, prediction and error of the first predicted sample at the last output time.</summary>
    private static void Plot(string path, OperatorPredictionReport report)
    {
        var fields = OperatorPredictionFile.Fields(report.Data, DatasetGridMesh.For(report.Data), report.Evaluation, 0);
        long index = report.Evaluation.SampleIndices[0];
        var entries = fields.Inputs.Select(f => new FieldPanelEntry(f, $"input {f.Name}", RangeGroup: f.Name))
            .Append(new FieldPanelEntry(fields.Targets[^1], $"reference (sample {index})", RangeGroup: "output"))
            .Append(new FieldPanelEntry(fields.Predictions[^1], $"{report.Model} prediction", RangeGroup: "output"))
            .Append(new FieldPanelEntry(fields.Errors[^1], "prediction - reference", FieldRole.Error))
            .ToArray();
        FieldPanelPlot.Save(path, entries, new FieldPanelOptions { PanelsPerRow = entries.Length, ShowBoundary = false });
    }

    private sealed class Reporter(Action<Operators.Training.OperatorEpoch> report) : IProgress<Operators.Training.OperatorEpoch>
    {
        public void Report(Operators.Training.OperatorEpoch value) => report(value);
    }
}
