namespace PdeNet.Operators.Training;

/// <summary>PyTorch's CosineAnnealingLR over one half period: η_min + (η₀ − η_min)(1 + cos(π t / T))/2.</summary>
/// <param name="Rate">The initial learning rate η₀.</param>
/// <param name="Epochs">The half period T in epochs.</param>
/// <param name="MinRate">The final learning rate η_min.</param>
public sealed record CosineSchedule(double Rate, int Epochs, double MinRate = 0) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double RateAt(int epoch)
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "the period must be positive");
        int t = Math.Min(epoch, Epochs);
        return MinRate + (Rate - MinRate) * (1 + Math.Cos(Math.PI * t / Epochs)) / 2;
    }
}
