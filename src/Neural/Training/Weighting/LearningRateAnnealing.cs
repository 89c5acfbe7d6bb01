namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// Learning-rate annealing (Wang, Teng, Perdikaris, "Understanding and mitigating gradient flow pathologies in
/// physics-informed neural networks", SIAM J. Sci. Comput. 2021, Algorithm 1): every <paramref name="Every"/> steps,
/// for each term i other than the reference (the PDE residual r), with λ_r = 1 and every λ_i starting at 1,
/// <code>
///   λ̂_i = max_θ |∇_θ L_r| / mean_θ |∇_θ (λ_i L_i)|,    λ_i ← α λ_i + (1 − α) λ̂_i.
/// </code>
/// The paper writes the denominator with the unweighted term, mean_θ |∇_θ L_i|; the authors' released code
/// differentiates the weighted term, as above. This implementation follows the code by default and the paper with
/// <paramref name="WeightedGradient"/> = false. The choice is deliberate: with the paper's denominator the fixed point
/// is λ_i = max|∇L_r| / mean|∇L_i|, which grows without bound as the term is fitted (its gradient vanishes): on
/// full-batch Adam runs of helmholtz-stiff-2d (a₂ = 1, 2, 4) the boundary weight reached 3e6 to 1e7 within 1000 steps while
/// the PDE residual stalled (relative error about 1). With the code's denominator the fixed point is the square root
/// of that ratio, and the same runs end with lower errors than unit weights (validation report pinn-inverse). α weighs the old value (0.9, with updates every 10
/// steps, as in the authors' code). The statistics run over every entry of the model's parameters. An estimate that
/// is not finite (a term whose gradient vanishes) leaves the weight as it was.
/// </summary>
/// <param name="Every">Steps between updates (the first update is at step 0).</param>
/// <param name="Alpha">Weight of the old value in the moving average, in [0, 1).</param>
/// <param name="Reference">The term whose gradient sets the scale, weight 1.</param>
/// <param name="WeightedGradient">Divide by the mean gradient of the weighted term λ_i L_i (the authors' code; default)
/// rather than of L_i (the paper's formula).</param>
public sealed record LearningRateAnnealing(int Every = 10, double Alpha = 0.9, string Reference = "pde", bool WeightedGradient = true) : LossWeighting
{
    /// <inheritdoc/>
    public override bool NeedsGradients(int step) => step % Every == 0;

    /// <inheritdoc/>
    public override LossWeightState Update(LossWeightState state, int step, IReadOnlyDictionary<string, TermStatistics> terms)
    {
        if (step % Every != 0) return state with { Step = step };
        if (!terms.TryGetValue(Reference, out var reference))
            throw new ArgumentException($"learning-rate annealing scales the terms by '{Reference}', which the loss does not have; its terms are: {string.Join(", ", terms.Keys)}");
        var weights = new Dictionary<string, double>(state.Weights) { [Reference] = 1 };
        foreach (var (name, term) in terms)
        {
            if (name == Reference) continue;
            double old = Current(state, name);
            double estimate = reference.GradientMaxAbs / (term.GradientMeanAbs * (WeightedGradient ? old : 1));
            weights[name] = double.IsFinite(estimate) ? Alpha * old + (1 - Alpha) * estimate : old;
        }
        return state with { Step = step, Weights = weights };
    }

    /// <inheritdoc/>
    public override LossWeighting Validate()
    {
        if (Every < 1) throw new ArgumentOutOfRangeException(nameof(Every), Every, "learning-rate annealing needs at least one step between updates");
        if (!(Alpha >= 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "the moving-average weight must lie in [0, 1)");
        if (string.IsNullOrEmpty(Reference)) throw new ArgumentException("the reference term needs a name", nameof(Reference));
        return this;
    }
}
