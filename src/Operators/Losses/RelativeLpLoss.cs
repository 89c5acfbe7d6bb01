using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Operators.Losses;

/// <summary>
/// Relative Lp error per sample, then averaged over the batch:
/// (1/B) Σ_b ‖x_b − y_b‖_p / ‖y_b‖_p, each norm taken over all entries of a sample (channels and grid).
/// The grid spacing cancels in the ratio, as in FNO's and MgNO's <c>LpLoss.rel</c>.
/// </summary>
/// <param name="P">The exponent p ≥ 1 (2 for the usual relative L2 error).</param>
public sealed record RelativeLpLoss(double P = 2) : IOperatorLoss
{
    /// <inheritdoc/>
    public string Name => P == 2 ? "rel_l2" : $"rel_l{P}";

    /// <inheritdoc/>
    public Tensor Compute(Tensor prediction, Tensor target)
    {
        if (!(P >= 1)) throw new ArgumentOutOfRangeException(nameof(P), P, "the exponent p must be at least 1");
        LossChecks.SameShape(prediction, target);
        long batch = prediction.shape[0];
        var difference = prediction.Minus(target).reshape(batch, -1);
        var reference = target.reshape(batch, -1);
        return (linalg.vector_norm(difference, P, [1L]) / linalg.vector_norm(reference, P, [1L])).mean();
    }
}
