using System.Text.Json.Serialization;

namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// How the terms L_i of a composite loss L = Σ_i λ_i L_i are weighted and how the weights λ_i move during
/// training. A scheme is configuration only: its state is a <see cref="LossWeightState"/> that the pure function
/// <see cref="Update"/> advances from the terms' values (and, at steps where <see cref="NeedsGradients"/> says so,
/// statistics of their gradients with respect to the model's parameters). So the state can be stored in a
/// checkpoint, and each scheme can be checked on hand-made numbers. <see cref="LossBalancer"/> runs a scheme on tensors.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StaticWeighting), "static")]
[JsonDerivedType(typeof(LearningRateAnnealing), "lra")]
[JsonDerivedType(typeof(ReLoBRaLo), "relobralo")]
public abstract record LossWeighting
{
    /// <summary>Whether the weights change during training (adaptive schemes log them in the history).</summary>
    public virtual bool IsAdaptive => true;

    /// <summary>The weight of <paramref name="term"/> before any update, given the model's fixed weight for it (null: none).</summary>
    public virtual double InitialWeight(string term, double? given) => 1;

    /// <summary>Whether the update at <paramref name="step"/> needs every term's gradient statistics.</summary>
    public virtual bool NeedsGradients(int step) => false;

    /// <summary>
    /// The state after the update at <paramref name="step"/>, from the terms' values (and gradient statistics when
    /// <see cref="NeedsGradients"/> asked for them). Steps arrive in increasing order; a scheme with nothing due at this
    /// step returns the state with only <see cref="LossWeightState.Step"/> advanced.
    /// </summary>
    public abstract LossWeightState Update(LossWeightState state, int step, IReadOnlyDictionary<string, TermStatistics> terms);

    /// <summary>Throws when a setting is out of range, naming it; returns the scheme otherwise.</summary>
    public virtual LossWeighting Validate() => this;

    /// <summary>The current weight of <paramref name="term"/> in <paramref name="state"/>, or its initial weight.</summary>
    protected double Current(LossWeightState state, string term) =>
        state.Weights.TryGetValue(term, out double weight) ? weight : InitialWeight(term, null);
}
