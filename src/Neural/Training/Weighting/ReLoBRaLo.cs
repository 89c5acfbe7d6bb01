namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// Relative loss balancing with random lookback (Bischof, Kraus, "Multi-objective loss balancing for
/// physics-informed deep learning", 2021). With m terms, temperature T and
/// <code>
///   λ̂_i(t, t') = m · exp(L_i(t) / (T L_i(t'))) / Σ_j exp(L_j(t) / (T L_j(t'))),
///   λ_i(t) = α (ρ λ_i(t−1) + (1 − ρ) λ̂_i(t, 0)) + (1 − α) λ̂_i(t, t−1),
/// </code>
/// where ρ is a Bernoulli variable with expectation <paramref name="ExpectedRho"/> (ρ = 0 looks back to the first
/// step). Every term, the PDE residual included, is weighted; all weights start at 1 and the first update only records
/// L_i(0). Terms that fall more slowly than the others, relative to their own history, gain weight; the weights sum
/// to m in the balance terms. ρ is drawn from a counter-based generator of (seed, step), so a resumed run draws the
/// same values. A denominator gets 1e-12 added, so a term that reached zero does not divide by zero.
/// </summary>
/// <param name="Alpha">Weight of the history (exponential decay), in [0, 1].</param>
/// <param name="Temperature">Softmax temperature T &gt; 0; small values make the balance sharper.</param>
/// <param name="ExpectedRho">E[ρ], in [0, 1]: the probability of keeping the history rather than looking back to step 0.</param>
public sealed record ReLoBRaLo(double Alpha = 0.999, double Temperature = 0.1, double ExpectedRho = 0.999) : LossWeighting
{
    private const double Tiny = 1e-12;

    /// <inheritdoc/>
    public override LossWeightState Update(LossWeightState state, int step, IReadOnlyDictionary<string, TermStatistics> terms)
    {
        var values = terms.ToDictionary(t => t.Key, t => t.Value.Value);
        if (state.Initial is null || state.Previous is null)
            return state with { Step = step, Weights = values.ToDictionary(v => v.Key, _ => 1.0), Initial = values, Previous = values };
        var toPrevious = Balance(values, state.Previous);
        var toInitial = Balance(values, state.Initial);
        double rho = LooksBack(state.Seed, step) ? 0 : 1;
        var weights = new Dictionary<string, double>(state.Weights);
        foreach (var name in values.Keys)
            weights[name] = Alpha * (rho * Current(state, name) + (1 - rho) * toInitial[name]) + (1 - Alpha) * toPrevious[name];
        return state with { Step = step, Weights = weights, Previous = values };
    }

    /// <summary>λ̂(t, t') = m · softmax_i(L_i(t) / (T L_i(t'))), computed with the largest exponent subtracted.</summary>
    public Dictionary<string, double> Balance(IReadOnlyDictionary<string, double> now, IReadOnlyDictionary<string, double> then)
    {
        var exponents = now.ToDictionary(t => t.Key, t => t.Value / (Temperature * (then.TryGetValue(t.Key, out double past) ? past : t.Value) + Tiny));
        double largest = exponents.Values.Max();
        var scaled = exponents.ToDictionary(e => e.Key, e => Math.Exp(e.Value - largest));
        double sum = scaled.Values.Sum();
        return scaled.ToDictionary(e => e.Key, e => now.Count * e.Value / sum);
    }

    /// <summary>Whether ρ = 0 at <paramref name="step"/> (the weights look back to step 0): true with probability 1 − E[ρ].</summary>
    public bool LooksBack(int seed, int step) => Uniform(seed, step) >= ExpectedRho;

    /// <summary>A uniform number in [0, 1) from (seed, step): the SplitMix64 finaliser of their 64-bit concatenation.</summary>
    private static double Uniform(int seed, int step)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)step) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <inheritdoc/>
    public override LossWeighting Validate()
    {
        if (!(Alpha >= 0 && Alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "the history weight must lie in [0, 1]");
        if (!(Temperature > 0) || double.IsInfinity(Temperature)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "the temperature must be positive and finite");
        if (!(ExpectedRho >= 0 && ExpectedRho <= 1)) throw new ArgumentOutOfRangeException(nameof(ExpectedRho), ExpectedRho, "the expected lookback variable is a probability, in [0, 1]");
        return this;
    }
}
