using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Neural;

/// <summary>
/// Tensor–number operations that keep their libtorch <see cref="Scalar"/> alive until the native call has returned.
/// </summary>
/// <remarks>
/// <c>tensor / 2.0</c> converts the number to a temporary <see cref="Scalar"/> that nothing references once its handle
/// has been read; a collection during the native division may finalise it, and libtorch then reads freed memory
/// ("Expected false to be true ... toDouble" from <c>div</c>, seen in training runs). Divisions by numbers in the
/// training paths go through here.
/// </remarks>
public static class ScalarArithmetic
{
    /// <summary><paramref name="tensor"/> / <paramref name="divisor"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor DividedBy(this Tensor tensor, double divisor)
    {
        using Scalar scalar = divisor;
        return tensor.div(scalar);
    }

    /// <summary><paramref name="tensor"/> · <paramref name="factor"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor Times(this Tensor tensor, double factor)
    {
        using Scalar scalar = factor;
        return tensor.mul(scalar);
    }
}
