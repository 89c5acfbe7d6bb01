namespace PdeNet.Operators.Training;

/// <summary>What an epoch of operator training reports.</summary>
/// <param name="Epoch">Epochs completed (1-based).</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="LearningRate">Learning rate used in the epoch.</param>
/// <param name="Loss">Mean training loss over the epoch's samples.</param>
/// <param name="ValidationLoss">Training loss on the validation set; null without one.</param>
/// <param name="ValidationRelativeL2">Relative L2 error on the validation set; null without one.</param>
public sealed record OperatorEpoch(int Epoch, int Epochs, double LearningRate, double Loss, double? ValidationLoss, double? ValidationRelativeL2);
