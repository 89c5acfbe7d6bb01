using static TorchSharp.torch;

namespace PdeNet.Operators.Losses;

/// <summary>A loss or metric comparing a batch of predicted functions with the targets.</summary>
public interface IOperatorLoss
{
    /// <summary>Short name used in histories and logs ("rel_l2", "rel_h1", "mse").</summary>
    string Name { get; }

    /// <summary>
    /// The loss of <paramref name="prediction"/> against <paramref name="target"/>, both of shape
    /// (batch, ...) with the same shape; a scalar tensor (mean over the batch).
    /// </summary>
    Tensor Compute(Tensor prediction, Tensor target);
}
