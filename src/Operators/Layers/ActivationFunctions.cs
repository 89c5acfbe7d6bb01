using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>Applies an <see cref="Activation"/> to a tensor.</summary>
internal static class ActivationFunctions
{
    public static Tensor Apply(Activation activation, Tensor x) => activation switch
    {
        Activation.Tanh => x.tanh(),
        Activation.Sin => x.sin(),
        Activation.Gelu => nn.functional.gelu(x),
        Activation.Relu => nn.functional.relu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
