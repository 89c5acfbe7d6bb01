namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// What a <see cref="LossWeighting"/> remembers between updates; plain data, saved in checkpoints.
/// </summary>
/// <param name="Step">The last step the scheme has seen (-1 before the first); an update at this step or earlier is not repeated.</param>
/// <param name="Weights">The current weights λ_i by term name; a term not listed has the scheme's initial weight.</param>
/// <param name="Initial">The term values L_i(0) at the first update (ReLoBRaLo's lookback target), or null.</param>
/// <param name="Previous">The term values at the last update, or null.</param>
/// <param name="Seed">Seed of the scheme's random choices (ReLoBRaLo's Bernoulli lookback).</param>
public sealed record LossWeightState(
    int Step,
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, double>? Initial = null,
    IReadOnlyDictionary<string, double>? Previous = null,
    int Seed = 0)
{
    /// <summary>The state before any update.</summary>
    public static LossWeightState Start(int seed) => new(-1, new Dictionary<string, double>(), Seed: seed);
}
