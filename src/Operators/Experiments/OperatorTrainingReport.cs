using System.Text.Json.Serialization;

namespace PdeNet.Operators.Experiments;

/// <summary>What a training run did and how well the model does (<see cref="OperatorTrainingRun"/>).</summary>
/// <param name="Problem">The parametric problem.</param>
/// <param name="Model">The model family: deeponet, mgno or lsm.</param>
/// <param name="Preset">The preset the network derives from.</param>
/// <param name="Data">The data set's path.</param>
/// <param name="ModelFile">The saved model's path.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Epochs">Epochs trained in all (a resumed run counts the checkpoint's too).</param>
/// <param name="BestEpoch">The epoch whose weights were saved (best validation relative L2, or the last).</param>
/// <param name="Loss">Name of the training loss (rel_l2, rel_h1, mse).</param>
/// <param name="TrainLoss">Mean training loss of the last epoch.</param>
/// <param name="TrainSamples">Training samples.</param>
/// <param name="ValidationSamples">Validation samples.</param>
/// <param name="TestPositions">Positions of the test samples in the data set.</param>
/// <param name="ValidationRelL2">Mean relative L2 error on the validation set with the saved weights; null without one.</param>
/// <param name="TestRelL2">Mean relative L2 error on the test set; null without one.</param>
/// <param name="TestMse">Mean squared error on the test set; null without one.</param>
/// <param name="SecondsPerEpoch">Wall time of training divided by the epochs run in this call.</param>
/// <param name="InferenceSecondsPerSample">Forward-pass seconds per sample on the test set (or the validation or training set without one).</param>
/// <param name="Test">The test predictions; null without a test set.</param>
public sealed record OperatorTrainingReport(
    string Problem,
    string Model,
    string Preset,
    string Data,
    string ModelFile,
    long Parameters,
    int Epochs,
    int BestEpoch,
    string Loss,
    double TrainLoss,
    int TrainSamples,
    int ValidationSamples,
    int[] TestPositions,
    double? ValidationRelL2,
    double? TestRelL2,
    double? TestMse,
    double SecondsPerEpoch,
    double InferenceSecondsPerSample,
    [property: JsonIgnore] OperatorEvaluation? Test);
