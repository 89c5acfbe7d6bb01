using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Operators.Losses;

/// <summary>
/// Relative H1 error computed in Fourier space, as MgNO's <c>HsLoss</c> (k = 1): with X, Y the
/// orthonormal discrete Fourier transforms of prediction and target over the grid axes and integer
/// wave numbers k_i, the weight is w(k) = sqrt(1 + Σ_i k̃_i²) where k̃_i = |k_i| if |k_i| &lt; truncation
/// and 0 otherwise; the loss is (1/B) Σ_b ‖w·(X_b − Y_b)‖₂ / ‖w·Y_b‖₂.
/// Input shape (batch, channels, n_1[, n_2]): the transform runs over every axis after the channel axis.
/// Wave numbers are plain integers (no 2π), so the derivative term is that of the unit-period
/// function; the weight is not a physical H1 norm on the unit square but the one MgNO trains with.
/// </summary>
/// <param name="Truncation">Wave numbers with |k| at or above this contribute no derivative weight (MgNO uses 20).</param>
public sealed record RelativeH1Loss(int Truncation = 20) : IOperatorLoss
{
    /// <inheritdoc/>
    public string Name => "rel_h1";

    /// <inheritdoc/>
    public Tensor Compute(Tensor prediction, Tensor target)
    {
        LossChecks.SameShape(prediction, target, minimumRank: 3);
        if (Truncation < 1) throw new ArgumentOutOfRangeException(nameof(Truncation), Truncation, "the truncation must be at least 1");
        int rank = (int)prediction.dim();
        var axes = Enumerable.Range(2, rank - 2).Select(a => (long)a).ToArray();
        var complexDifference = fft.fftn(prediction.Minus(target), dim: axes, norm: FFTNormType.Ortho);
        var complexTarget = fft.fftn(target, dim: axes, norm: FFTNormType.Ortho);
        var weight = Weight(prediction.shape, axes, prediction.device).to_type(prediction.dtype);
        long batch = prediction.shape[0];
        var difference = (complexDifference.abs().square() * weight).reshape(batch, -1).sum(1).sqrt();
        var reference = (complexTarget.abs().square() * weight).reshape(batch, -1).sum(1).sqrt();
        return (difference / reference).mean();
    }

    /// <summary>w(k)² = 1 + Σ k̃_i², broadcastable against (batch, channels, n_1, ...).</summary>
    private Tensor Weight(long[] shape, long[] axes, Device device)
    {
        var weight = ones(Enumerable.Repeat(1L, shape.Length).ToArray(), ScalarType.Float64, device);
        foreach (long axis in axes)
        {
            long n = shape[axis];
            var k = (fft.fftfreq(n, 1.0 / n, dtype: ScalarType.Float64)).abs().round().to(device);
            using Scalar truncation = Truncation;
            k = k * k.lt(truncation).to_type(ScalarType.Float64);
            var viewShape = Enumerable.Repeat(1L, shape.Length).ToArray();
            viewShape[axis] = n;
            weight = weight.Plus(k.square().reshape(viewShape));
        }
        return weight;
    }
}
