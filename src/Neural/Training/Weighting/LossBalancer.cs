using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Neural.Training.Weighting;

/// <summary>
/// Runs a <see cref="LossWeighting"/> on a model's loss terms: forms the weighted total Σ_i λ_i L_i, updates the
/// weights once per optimisation step from the terms (computing the gradient statistics of each term with
/// respect to the model's parameters when the scheme asks for them), and names the weights for the training
/// history ("w_boundary", ...). Wire <see cref="Update"/> to <see cref="Trainer.AfterAdamTerms"/>: weights move
/// during Adam and stay fixed in L-BFGS, whose line search needs one objective.
/// </summary>
public sealed class LossBalancer
{
    private readonly IReadOnlyDictionary<string, double> _given;
    private readonly Parameter[] _parameters;

    /// <summary>A balancer for <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The weighting scheme.</param>
    /// <param name="given">The model's fixed weights by term name (used by <see cref="StaticWeighting"/>).</param>
    /// <param name="parameters">The parameters θ of the gradient statistics (the network's, not fitted coefficients).</param>
    /// <param name="seed">Seed of the scheme's random choices.</param>
    public LossBalancer(LossWeighting scheme, IReadOnlyDictionary<string, double> given, IEnumerable<Parameter> parameters, int seed)
    {
        Scheme = scheme.Validate();
        _given = given;
        _parameters = parameters.ToArray();
        State = LossWeightState.Start(seed);
    }

    /// <summary>The scheme.</summary>
    public LossWeighting Scheme { get; }

    /// <summary>The scheme's state; set it to continue from a checkpoint.</summary>
    public LossWeightState State { get; set; }

    /// <summary>The prefix of the weights' names in the history.</summary>
    public const string SeriesPrefix = "w_";

    /// <summary>The current weight λ of <paramref name="term"/>.</summary>
    public double Weight(string term) =>
        State.Weights.TryGetValue(term, out double weight) ? weight : Scheme.InitialWeight(term, _given.TryGetValue(term, out double given) ? given : null);

    /// <summary>Σ_i λ_i L_i over <paramref name="terms"/>, in their order (a weight of 1 multiplies nothing).</summary>
    public Tensor Total(IReadOnlyDictionary<string, Tensor> terms)
    {
        Tensor? total = null;
        foreach (var (name, term) in terms)
        {
            double weight = Weight(name);
            var weighted = weight == 1 ? term : term.Times(weight);
            total = total is null ? weighted : total.Plus(weighted);
        }
        return total ?? throw new ArgumentException("the loss has no terms", nameof(terms));
    }

    /// <summary>
    /// Updates the weights at <paramref name="step"/> from <paramref name="terms"/> (scalar tensors whose graphs are
    /// alive). A step the state has already seen (a run resumed from a checkpoint taken at that step) is skipped.
    /// </summary>
    public void Update(int step, IReadOnlyDictionary<string, Tensor> terms)
    {
        if (step <= State.Step) return;
        bool gradients = Scheme.NeedsGradients(step);
        var statistics = terms.ToDictionary(t => t.Key, t => Statistics(t.Value, _parameters, gradients));
        State = Scheme.Update(State, step, statistics);
    }

    /// <summary>The weights as history series: "w_" + term name → λ, for the terms of a logged step.</summary>
    public IEnumerable<KeyValuePair<string, double>> Series(IEnumerable<string> terms) =>
        terms.Select(name => KeyValuePair.Create(SeriesPrefix + name, Weight(name)));

    /// <summary>
    /// The value of <paramref name="term"/> and, when <paramref name="withGradients"/>, max and mean of |∂term/∂θ| over every
    /// entry of <paramref name="parameters"/> (entries the term does not depend on count as zeros). The graph is kept.
    /// </summary>
    public static TermStatistics Statistics(Tensor term, IReadOnlyList<Parameter> parameters, bool withGradients)
    {
        using var scope = NewDisposeScope();
        double value = term.detach().to_type(ScalarType.Float64).item<double>();
        if (!withGradients) return new TermStatistics(value);
        long count = parameters.Sum(p => p.numel());
        if (!term.requires_grad || count == 0) return new TermStatistics(value, 0, 0);
        var gradients = autograd.grad([term], parameters.Cast<Tensor>().ToArray(), retain_graph: true, allow_unused: true);
        double max = 0, sum = 0;
        foreach (var gradient in gradients)
        {
            if (gradient is null || gradient.IsInvalid) continue;
            var magnitude = gradient.abs().to_type(ScalarType.Float64);
            max = Math.Max(max, magnitude.max().item<double>());
            sum += magnitude.sum().item<double>();
        }
        return new TermStatistics(value, max, sum / count);
    }
}
