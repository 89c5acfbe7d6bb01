namespace PdeNet.Operators.Training;

/// <summary>
/// PyTorch's OneCycleLR (two phases, cosine annealing), one step per epoch as in MgNO's script:
/// from η_max/div up to η_max over the first <paramref name="PctStart"/> of the steps, then down to
/// η_max/(div · final div). With s₁ = PctStart·T − 1 and s₂ = T − 1, step s ≤ s₁ has
/// pct = s/s₁ and rate cos_anneal(η₀, η_max, pct); later steps pct = (s − s₁)/(s₂ − s₁) and
/// cos_anneal(η_max, η_min, pct), where cos_anneal(a, b, p) = b + (a − b)(1 + cos πp)/2.
/// MgNO: η_max 5e-4, PctStart 0.2, div 2, final div 100. The momentum is not cycled.
/// </summary>
/// <param name="MaxRate">The peak learning rate η_max.</param>
/// <param name="TotalSteps">Steps in the cycle (the number of epochs).</param>
/// <param name="PctStart">Fraction of the steps spent rising.</param>
/// <param name="DivFactor">η₀ = η_max / DivFactor.</param>
/// <param name="FinalDivFactor">η_min = η₀ / FinalDivFactor.</param>
public sealed record OneCycleSchedule(double MaxRate, int TotalSteps, double PctStart = 0.3, double DivFactor = 25, double FinalDivFactor = 1e4) : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double RateAt(int epoch)
    {
        if (TotalSteps < 2) throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, "the cycle needs at least two steps");
        double initial = MaxRate / DivFactor, final = initial / FinalDivFactor;
        double end1 = PctStart * TotalSteps - 1, end2 = TotalSteps - 1;
        if (!(end1 > 0 && end1 < end2))
            throw new ArgumentOutOfRangeException(nameof(PctStart), PctStart, $"PctStart × TotalSteps − 1 must lie strictly between 0 and {end2} (the rise and the fall need a step each)");
        int s = Math.Min(epoch, TotalSteps - 1);
        return s <= end1
            ? Anneal(initial, MaxRate, s / end1)
            : Anneal(MaxRate, final, (s - end1) / (end2 - end1));
    }

    private static double Anneal(double start, double end, double pct) => end + (start - end) / 2 * (Math.Cos(Math.PI * pct) + 1);
}
