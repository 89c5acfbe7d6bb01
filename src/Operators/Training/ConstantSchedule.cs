namespace PdeNet.Operators.Training;

/// <summary>The same learning rate in every epoch.</summary>
/// <param name="Rate">The learning rate.</param>
public sealed record ConstantSchedule(double Rate) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double RateAt(int epoch) => Rate;
}
