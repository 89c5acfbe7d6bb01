namespace PdeNet.Operators.Training;

/// <summary>PyTorch's StepLR: rate · γ^⌊epoch / step size⌋ (LSM: step 100, γ = 0.5).</summary>
/// <param name="Rate">The initial learning rate.</param>
/// <param name="StepSize">Epochs between reductions.</param>
/// <param name="Gamma">The factor applied at each reduction.</param>
public sealed record StepSchedule(double Rate, int StepSize, double Gamma) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double RateAt(int epoch)
    {
        if (StepSize < 1) throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "the step size must be positive");
        return Rate * Math.Pow(Gamma, epoch / StepSize);
    }
}
