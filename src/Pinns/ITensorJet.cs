using PdeNet.Core.Symbolic;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// What <see cref="TensorEvaluator"/> reads the leaves of a lowered expression from: coordinates,
/// time, normal components and the jet variables u, u_x, u_t, … at a batch of points, all as
/// tensors that broadcast against each other. <see cref="TensorJet"/> differentiates a network by
/// autograd; the hard-constraint grid rows hand out finite-difference or spectral images of a basis.
/// </summary>
internal interface ITensorJet
{
    /// <summary>Coordinate x_axis at the points.</summary>
    Tensor Coordinate(int axis);

    /// <summary>Time at the points.</summary>
    Tensor Time { get; }

    /// <summary>Component <paramref name="axis"/> of the unit outward normal at the points.</summary>
    Tensor Normal(int axis);

    /// <summary>The derivative of the unknown that <paramref name="w"/> stands for, at the points.</summary>
    Tensor Get(Unknown w);
}
