using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Neural;

/// <summary>
/// Tensor arithmetic that keeps every libtorch <see cref="Scalar"/> it passes alive until the native call has returned.
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="Scalar"/> has a finaliser and reaches libtorch as a bare handle. TorchSharp creates temporary ones
/// that nothing references once their handle has been read: <c>tensor / 2.0</c>, <c>tensor * 2.0</c>,
/// <c>tensor + 1.0</c>, <c>pow(2.0)</c>, <c>clamp_min(1e-12)</c> convert the number, and <c>a + b</c> of two
/// tensors (like <c>tensor.add(number)</c>) calls <c>add</c> with a temporary <c>alpha = 1</c>. A collection during
/// the native call, triggered by another thread's allocations, may finalise the temporary, and libtorch then reads
/// freed memory: the process aborts with "Expected false to be true ... toDouble" (c10/core/Scalar.h) or "Unknown scalar type",
/// seen in training runs.
/// </para>
/// <para>
/// The training and solver paths go through here instead: numbers are held with <c>using</c> for the duration of the
/// call, <c>alpha = 1</c> is one static <see cref="Scalar"/> that is never collected (libtorch only reads it, so
/// it is shared by all threads), and <see cref="Minus(Tensor, Tensor)"/> (whose <c>sub</c> takes no alpha in this
/// TorchSharp) keeps tensor expressions uniform and safe should that change. The kernels are those of the operators,
/// so results are bit-identical.
/// </para>
/// </remarks>
public static class ScalarArithmetic
{
    /// <summary>alpha = 1 of <c>add</c>; rooted by this field for the life of the process.</summary>
    private static readonly Scalar One = 1;

    /// <summary><paramref name="a"/> + <paramref name="b"/>, elementwise with broadcasting; same kernel as <c>a + b</c>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="a"/> − <paramref name="b"/>, elementwise with broadcasting; same kernel as <c>a - b</c>.</summary>
    public static Tensor Minus(this Tensor a, Tensor b) => a.sub(b);

    /// <summary><paramref name="tensor"/> + <paramref name="number"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor Plus(this Tensor tensor, double number) => Held(number, scalar => tensor.add(scalar, One));

    /// <summary><paramref name="tensor"/> − <paramref name="number"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor Minus(this Tensor tensor, double number) => Held(number, tensor.sub);

    /// <summary><paramref name="number"/> − <paramref name="tensor"/>, elementwise; same kernels as <c>number - tensor</c>.</summary>
    public static Tensor SubtractedFrom(this Tensor tensor, double number) => Held(number, scalar =>
    {
        using var negative = tensor.negative();
        return negative.add(scalar, One);
    });

    /// <summary><paramref name="tensor"/> / <paramref name="divisor"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor DividedBy(this Tensor tensor, double divisor) => Held(divisor, scalar => tensor.div(scalar));

    /// <summary><paramref name="tensor"/> · <paramref name="factor"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor Times(this Tensor tensor, double factor) => Held(factor, tensor.mul);

    /// <summary><paramref name="tensor"/>^<paramref name="exponent"/>, elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor Power(this Tensor tensor, double exponent) => Held(exponent, tensor.pow);

    /// <summary>max(<paramref name="tensor"/>, <paramref name="minimum"/>), elementwise; same shape and dtype as the tensor.</summary>
    public static Tensor ClampedBelow(this Tensor tensor, double minimum) => Held(minimum, tensor.clamp_min);

    /// <summary><paramref name="tensor"/> &gt; <paramref name="number"/>, elementwise; a bool tensor of the tensor's shape.</summary>
    public static Tensor IsGreaterThan(this Tensor tensor, double number) => Held(number, tensor.gt);

    /// <summary><paramref name="tensor"/> ≤ <paramref name="number"/>, elementwise; a bool tensor of the tensor's shape.</summary>
    public static Tensor IsAtMost(this Tensor tensor, double number) => Held(number, tensor.le);

    /// <summary>Applies <paramref name="operation"/> to <paramref name="number"/> as a <see cref="Scalar"/> disposed only after it returns.</summary>
    private static Tensor Held(double number, Func<Scalar, Tensor> operation)
    {
        using Scalar scalar = number;
        return operation(scalar);
    }
}
