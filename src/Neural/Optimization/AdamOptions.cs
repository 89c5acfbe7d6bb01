namespace PdeNet.Neural.Optimization;

/// <summary>Settings of <see cref="AdamOptimizer"/> (the defaults are Kingma and Ba's and PyTorch's).</summary>
/// <param name="LearningRate">Step size α (changeable between steps through <see cref="AdamOptimizer.LearningRate"/>).</param>
/// <param name="Beta1">Decay of the first-moment average β₁.</param>
/// <param name="Beta2">Decay of the second-moment average β₂.</param>
/// <param name="Epsilon">ε added to √v̂ in the denominator.</param>
/// <param name="WeightDecay">Weight decay λ (0: none).</param>
/// <param name="Decoupled">
/// False: λθ is added to the gradient (Adam with L2 regularisation). True: θ is shrunk by αλθ before the step (AdamW,
/// Loshchilov and Hutter).
/// </param>
/// <param name="Amsgrad">Divide by the running maximum of v̂ (AMSGrad, Reddi et al.).</param>
public sealed record AdamOptions(
    double LearningRate = 1e-3,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0,
    bool Decoupled = false,
    bool Amsgrad = false)
{
    /// <summary>Throws when a setting is outside its range.</summary>
    public AdamOptions Validated()
    {
        if (!(LearningRate >= 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "the learning rate must be finite and non-negative");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "β₁ must lie in [0, 1)");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "β₂ must lie in [0, 1)");
        if (!(Epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "ε must be positive");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "the weight decay must be finite and non-negative");
        return this;
    }
}
