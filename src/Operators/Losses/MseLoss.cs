using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Operators.Losses;

/// <summary>Mean squared error over every entry of the batch: mean((x − y)²), DeepONet's training loss.</summary>
public sealed record MseLoss : IOperatorLoss
{
    /// <inheritdoc/>
    public string Name => "mse";

    /// <inheritdoc/>
    public Tensor Compute(Tensor prediction, Tensor target)
    {
        LossChecks.SameShape(prediction, target);
        return prediction.Minus(target).square().mean();
    }
}
