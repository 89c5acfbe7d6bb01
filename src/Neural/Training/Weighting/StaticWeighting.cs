namespace PdeNet.Neural.Training.Weighting;

/// <summary>Fixed weights: each term keeps the weight the model gives it (1 when it gives none).</summary>
public sealed record StaticWeighting : LossWeighting
{
    /// <inheritdoc/>
    public override bool IsAdaptive => false;

    /// <inheritdoc/>
    public override double InitialWeight(string term, double? given) => given ?? 1;

    /// <inheritdoc/>
    public override LossWeightState Update(LossWeightState state, int step, IReadOnlyDictionary<string, TermStatistics> terms) =>
        state with { Step = step };
}
