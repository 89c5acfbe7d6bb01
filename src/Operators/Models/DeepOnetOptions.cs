using PdeNet.Neural;

namespace PdeNet.Operators.Models;

/// <summary>
/// A DeepONet G(u)(y) = Σ_k b_k(u) t_k(y) + b₀. Branch layers are [m, hidden..., p] with the last layer
/// linear (unstacked) or p stacked networks [m, hidden..., 1]; trunk layers are [d, hidden..., p] with
/// every layer activated, the last one too; b₀ is a trainable scalar starting at 0 (when
/// <paramref name="Bias"/>). Weights are Glorot-normal and biases zero, as in DeepXDE.
/// </summary>
/// <param name="Branch">Branch widths [m, ..., p] (MLP branch; ignored when <paramref name="Cnn"/> is set except for its last entry p).</param>
/// <param name="Trunk">Trunk widths [d, ..., p].</param>
/// <param name="Activation">Activation of the hidden layers (ReLU in the papers).</param>
/// <param name="Variant">Unstacked or stacked branch.</param>
/// <param name="Bias">Add the trainable output bias b₀.</param>
/// <param name="Cnn">A convolutional branch for 2D grid inputs instead of the MLP branch.</param>
public sealed record DeepOnetOptions(int[] Branch, int[] Trunk, Activation Activation = Activation.Relu,
    DeepOnetVariant Variant = DeepOnetVariant.Unstacked, bool Bias = true, CnnBranchOptions? Cnn = null);
