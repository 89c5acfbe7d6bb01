using PdeNet.Core.Solving;

namespace PdeNet.Pinns;

/// <summary>
/// Thrown when the loss becomes NaN or infinite. Training stops, the network is restored to the
/// last step whose loss was finite, and that solution travels with the exception.
/// </summary>
public sealed class TrainingDivergedException(string message, Solution lastGood) : Exception(message)
{
    /// <summary>The solution with the last parameters whose loss was finite.</summary>
    public Solution LastGood { get; } = lastGood;
}
