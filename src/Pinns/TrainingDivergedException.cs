using PdeNet.Core.Solving;
using PdeNet.Neural.Training;

namespace PdeNet.Pinns;

/// <summary>
/// Thrown when the loss becomes NaN or infinite. Training stops, the network is restored to the
/// last step whose loss was finite, and that solution travels with the exception.
/// </summary>
public sealed class TrainingDivergedException(string message, Solution lastGood) : Exception(message)
{
    /// <summary>The solution with the last parameters whose loss was finite.</summary>
    public Solution LastGood { get; } = lastGood;

    /// <summary>The exception for a training whose loss <paramref name="diverged"/> at Adam's initial learning rate <paramref name="learningRate"/>, with the restored solution.</summary>
    public static TrainingDivergedException From(LossDivergedException diverged, double learningRate, Solution lastGood) => new(
        $"training diverged at step {diverged.Step}: the loss is {diverged.Loss}; the network was restored to step {diverged.LastGoodStep}, the last with a finite loss. " +
        $"Lower the learning rate ({learningRate}; --lr on the command line) or check the problem's scaling.",
        lastGood);
}
