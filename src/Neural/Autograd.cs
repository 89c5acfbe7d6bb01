using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Neural;

/// <summary>
/// Gradients through libtorch's autograd, with the checks done in managed code first: an error
/// inside libtorch's grad ends the whole process instead of raising an exception.
/// </summary>
public static class Autograd
{
    /// <summary>
    /// ∂(Σ output)/∂input, keeping the graph so that higher derivatives can follow.
    /// </summary>
    /// <param name="output">A tensor computed from <paramref name="input"/>.</param>
    /// <param name="input">A leaf or intermediate tensor that requires gradients.</param>
    /// <returns>A tensor shaped like <paramref name="input"/>, itself differentiable.</returns>
    public static Tensor Gradient(Tensor output, Tensor input)
    {
        if (!input.requires_grad) throw new InvalidOperationException("the input does not require gradients; create it with requires_grad: true");
        if (!output.requires_grad) throw new InvalidOperationException("the output does not depend on any tensor that requires gradients");
        if (output.dtype != input.dtype) throw new InvalidOperationException($"output ({output.dtype}) and input ({input.dtype}) have different types");
        var sum = output.sum();
        return autograd.grad([sum], [input], create_graph: true, retain_graph: true)[0];
    }
}
