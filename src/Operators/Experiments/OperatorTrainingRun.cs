using System.Diagnostics;
using System.Globalization;
using PdeNet.Operators.Data;
using PdeNet.Operators.Training;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// Trains a neural operator on a data set file end to end: reads the file and checks its problem,
/// splits it (<see cref="DatasetSplit.ByParts"/>), picks and fits the preset
/// (<see cref="OperatorModelChoice"/>) and the family's training settings
/// (<see cref="OperatorTrainingDefaults"/>), trains (or resumes a checkpoint), saves the model with its
/// normalisers, history and <see cref="OperatorModel.Metadata"/> (problem, data, preset, stride, split),
/// and scores the saved weights on the validation and test sets with <see cref="OperatorEvaluation"/>.
/// </summary>
public static class OperatorTrainingRun
{
    /// <summary>Runs the training <paramref name="settings"/> describe.</summary>
    /// <param name="settings">What to train.</param>
    /// <param name="progress">Receives every epoch.</param>
    /// <param name="cancellation">Stops between batches; the checkpoint keeps the last finished epoch.</param>
    /// <exception cref="FileNotFoundException">The data set, or the checkpoint to resume, is missing.</exception>
    /// <exception cref="InvalidDataException">The data set is not one of <see cref="OperatorTrainingSettings.Problem"/>.</exception>
    /// <exception cref="ArgumentException">A setting does not fit the data (message names it).</exception>
    public static OperatorTrainingReport Run(OperatorTrainingSettings settings, IProgress<OperatorEpoch>? progress = null, CancellationToken cancellation = default)
    {
        if (settings.Resume && settings.Checkpoint is null) throw new ArgumentException("--resume needs --checkpoint, the file to continue from", nameof(settings));
        if (settings.Resume && !File.Exists(settings.Checkpoint)) throw new FileNotFoundException($"--checkpoint {settings.Checkpoint}: no checkpoint to resume", settings.Checkpoint);
        CheckFolder(settings.ModelPath, "--out");
        if (settings.Checkpoint is not null) CheckFolder(settings.Checkpoint, "--checkpoint");
        var data = OperatorDatasetFile.Read(settings.DataPath, settings.Problem, settings.Stride);
        var split = DatasetSplit.ByParts(data.Count, settings.Split ?? OperatorTrainingSettings.DefaultSplit, settings.ShuffleSplit ? settings.Seed : null);
        if (split.Train.Length == 0) throw new ArgumentException($"the split leaves none of the {data.Count} samples of {settings.DataPath} for training", nameof(settings));
        var choice = OperatorModelChoice.For(settings.Kind, data, settings.Preset, settings.DataPath, settings.Variant);
        var options = OperatorTrainingDefaults.For(choice.Spec, settings.Epochs, settings.BatchSize, settings.LearningRate, settings.Loss,
            settings.Seed, settings.Checkpoint, settings.Threads);
        var train = DatasetTensors.Samples(data, split.Train, choice.Spec);
        var validation = split.Validation.Length > 0 ? DatasetTensors.Samples(data, split.Validation, choice.Spec) : null;

        var metadata = new Dictionary<string, string>
        {
            ["problem"] = settings.Problem,
            ["data"] = Path.GetFullPath(settings.DataPath),
            ["preset"] = choice.Preset.Name,
            ["stride"] = settings.Stride.ToString(CultureInfo.InvariantCulture),
            ["train_positions"] = string.Join(",", split.Train),
            ["validation_positions"] = string.Join(",", split.Validation),
            ["test_positions"] = string.Join(",", split.Test),
        };
        int epochsRun = 0;
        var counter = new EpochCounter(epoch =>
        {
            epochsRun++;
            progress?.Report(epoch);
        });
        var clock = Stopwatch.StartNew();
        OperatorModel model;
        if (settings.Resume)
        {
            model = new OperatorTrainer(options, counter, cancellation).Resume(settings.Checkpoint!, train, validation, saved =>
            {
                if (saved.Metadata.TryGetValue("problem", out var problem) && problem != settings.Problem)
                    throw new InvalidDataException($"--checkpoint {settings.Checkpoint} trains a model of '{problem}', not of '{settings.Problem}'");
                DatasetTensors.Check(data, saved.Spec, settings.DataPath);
            });
        }
        else
        {
            // The metadata goes into every checkpoint as well as into the model file.
            model = OperatorModel.Create(choice.Spec, settings.Seed);
            foreach (var (key, value) in metadata) model.Metadata[key] = value;
            model.Fit(train, validation, options, counter, cancellation);
        }
        foreach (var (key, value) in metadata) model.Metadata[key] = value;
        double seconds = clock.Elapsed.TotalSeconds;
        model.Save(settings.ModelPath);

        var validationScores = split.Validation.Length > 0 ? OperatorEvaluation.Of(model, data, split.Validation, options.BatchSize) : null;
        var test = split.Test.Length > 0 ? OperatorEvaluation.Of(model, data, split.Test, options.BatchSize) : null;
        var timing = test ?? validationScores ?? OperatorEvaluation.Of(model, data, split.Train, options.BatchSize);
        var losses = model.History["loss"];
        return new OperatorTrainingReport(settings.Problem, model.Spec.Name, choice.Preset.Name, settings.DataPath, settings.ModelPath,
            model.ParameterCount, model.History.Count, model.Epoch, options.CreateLoss().Name, losses.Count > 0 ? losses[^1] : double.NaN,
            split.Train.Length, split.Validation.Length, split.Test, validationScores?.MeanRelativeL2, test?.MeanRelativeL2, test?.Mse,
            epochsRun > 0 ? seconds / epochsRun : 0, timing.SecondsPerSample, test);
    }

    /// <summary>Throws unless the folder of <paramref name="path"/> exists.</summary>
    internal static void CheckFolder(string path, string option)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new DirectoryNotFoundException($"{option} {path}: the folder {folder} does not exist");
    }

    private sealed class EpochCounter(Action<OperatorEpoch> report) : IProgress<OperatorEpoch>
    {
        public void Report(OperatorEpoch value) => report(value);
    }
}
