using System.Globalization;
using PdeNet.Neural;
using PdeNet.Operators.Data;
using PdeNet.Operators.Training;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// Predicts data-set samples with a saved model and writes them beside the reference outputs
/// (<see cref="OperatorPredictionFile"/>). The data set must come from the problem the model was trained
/// on (model metadata <c>problem</c>) and is read with the model's stride. Without explicit positions the
/// samples are the model's test set when the data set is the one it was trained on, otherwise all samples.
/// </summary>
public static class OperatorPredictionRun
{
    /// <summary>Runs the prediction <paramref name="settings"/> describe.</summary>
    /// <exception cref="FileNotFoundException">The model or the data set is missing.</exception>
    /// <exception cref="InvalidDataException">The data set is of another problem, or a file is damaged.</exception>
    /// <exception cref="ArgumentException">Positions out of range, or a data set whose shapes do not fit the model.</exception>
    public static OperatorPredictionReport Run(OperatorPredictionSettings settings)
    {
        OperatorTrainingRun.CheckFolder(settings.OutPath, "--out");
        var model = OperatorModel.Load(settings.ModelPath);
        int stride = model.Metadata.TryGetValue("stride", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 1;
        var data = model.Metadata.TryGetValue("problem", out var problem)
            ? OperatorDatasetFile.Read(settings.DataPath, problem, stride)
            : OperatorDatasetFile.Read(settings.DataPath, stride);
        DatasetTensors.Check(data, model.Spec, settings.DataPath);
        var positions = settings.Positions ?? DefaultPositions(model, data, settings.DataPath);
        foreach (int p in positions)
        {
            if (p < 0 || p >= data.Count) throw new ArgumentOutOfRangeException(nameof(settings), p, $"--samples: position {p} is outside the {data.Count} samples of {settings.DataPath}");
        }
        if (settings.Count is { } count)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(settings), count, "--count must be at least 1");
            positions = positions.Take(count).ToArray();
        }
        TorchRuntime.Initialise(0, settings.Threads);
        var evaluation = OperatorEvaluation.Of(model, data, positions, settings.BatchSize);
        var metadata = new Dictionary<string, object>
        {
            ["problem"] = data.Attributes.GetValueOrDefault("problem") as string ?? "",
            ["model_file"] = Path.GetFullPath(settings.ModelPath),
            ["data"] = Path.GetFullPath(settings.DataPath),
        };
        var paths = OperatorPredictionFile.Write(settings.OutPath, data, evaluation, model, metadata);
        return new OperatorPredictionReport((string)metadata["problem"], model.Spec.Name, settings.ModelPath, settings.DataPath,
            paths.Hdf5Path, paths.XdmfPath, data, evaluation);
    }

    private static int[] DefaultPositions(OperatorModel model, OperatorDataset data, string path)
    {
        if (model.Metadata.TryGetValue("data", out var trainedOn) && trainedOn == Path.GetFullPath(path)
            && model.Metadata.TryGetValue("test_positions", out var test) && test.Length > 0)
            return test.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(0, data.Count).ToArray();
    }
}
