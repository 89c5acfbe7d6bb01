using static TorchSharp.torch;

namespace PdeNet.Operators.Losses;

/// <summary>Shape checks shared by the losses.</summary>
internal static class LossChecks
{
    public static void SameShape(Tensor prediction, Tensor target, int minimumRank = 1)
    {
        if (!prediction.shape.SequenceEqual(target.shape))
            throw new ArgumentException($"prediction has shape ({string.Join(", ", prediction.shape)}) but target has shape ({string.Join(", ", target.shape)}); they must agree", nameof(target));
        if (prediction.dim() < minimumRank)
            throw new ArgumentException($"prediction needs at least {minimumRank} dimensions (batch first), got shape ({string.Join(", ", prediction.shape)})", nameof(prediction));
    }
}
