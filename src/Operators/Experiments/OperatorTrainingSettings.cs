using PdeNet.Operators.Models;
using PdeNet.Operators.Training;

namespace PdeNet.Operators.Experiments;

/// <summary>What <see cref="OperatorTrainingRun"/> trains, on which data, and where it saves the model.</summary>
/// <param name="Problem">The parametric problem the data set must come from (its <c>problem</c> attribute).</param>
/// <param name="Kind">The model family.</param>
/// <param name="DataPath">The data set (.h5, written by <c>pdenet data</c>).</param>
/// <param name="ModelPath">Where to save the trained model.</param>
/// <param name="Preset">A preset of the family (<see cref="OperatorPresets"/>); null for the one suited to the data (<see cref="OperatorModelChoice"/>).</param>
/// <param name="Split">Train, validation and test parts: fractions summing to at most 1, or sample counts (<see cref="Data.DatasetSplit.ByParts"/>).</param>
/// <param name="ShuffleSplit">Permute the samples with <paramref name="Seed"/> before splitting; otherwise the test set is the last samples.</param>
/// <param name="Epochs">Epochs; null for <see cref="OperatorTrainingDefaults.Epochs"/>.</param>
/// <param name="BatchSize">Samples per step; null for the family's default.</param>
/// <param name="LearningRate">Learning rate; null for the family's default.</param>
/// <param name="Loss">Training loss; null for the family's default.</param>
/// <param name="Seed">Seed of the weights, the shuffling and a shuffled split.</param>
/// <param name="Checkpoint">Checkpoint file written after every epoch; null for none.</param>
/// <param name="Resume">Continue the training saved in <paramref name="Checkpoint"/>.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="Variant">The constraint of a physics-informed operator (<see cref="OperatorKind.PhysicsInformed"/> only).</param>
/// <param name="Stride">Keep every stride-th grid point of the data set (the FNO protocol trains Darcy 421 at stride 5).</param>
public sealed record OperatorTrainingSettings(
    string Problem,
    OperatorKind Kind,
    string DataPath,
    string ModelPath,
    string? Preset = null,
    double[]? Split = null,
    bool ShuffleSplit = false,
    int? Epochs = null,
    int? BatchSize = null,
    double? LearningRate = null,
    OperatorLossKind? Loss = null,
    int Seed = 0,
    string? Checkpoint = null,
    bool Resume = false,
    int? Threads = null,
    int Stride = 1,
    PhysicsInformedVariant? Variant = null)
{
    /// <summary>The split when none is given: 80% train, 10% validation, 10% test.</summary>
    public static IReadOnlyList<double> DefaultSplit { get; } = [0.8, 0.1, 0.1];
}
