namespace PdeNet.Neural.Training;

/// <summary>
/// Thrown by a <see cref="Trainer"/> when the loss becomes NaN or infinite, after the parameters were
/// restored to those of <see cref="LastGoodStep"/>, the last step with a finite loss.
/// </summary>
public sealed class LossDivergedException(int step, int lastGoodStep, double loss)
    : Exception($"training diverged at step {step}: the loss is {loss}; the parameters were restored to step {lastGoodStep}, the last with a finite loss")
{
    /// <summary>The step whose loss was not finite.</summary>
    public int Step { get; } = step;

    /// <summary>The step the parameters were restored to.</summary>
    public int LastGoodStep { get; } = lastGoodStep;

    /// <summary>The offending loss value.</summary>
    public double Loss { get; } = loss;
}
