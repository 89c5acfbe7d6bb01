using static TorchSharp.torch;

namespace PdeNet.Neural.Training;

/// <summary>What a <see cref="Trainer"/> minimises: named loss terms and their weighted total.</summary>
public interface ITrainingObjective
{
    /// <summary>The loss terms at the current parameters, each a scalar tensor, by name ("pde", "boundary", ...).</summary>
    IReadOnlyDictionary<string, Tensor> Terms();

    /// <summary>The scalar minimised: the weighted sum of <paramref name="terms"/>.</summary>
    Tensor Total(IReadOnlyDictionary<string, Tensor> terms);
}
