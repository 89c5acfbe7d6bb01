using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Neural;

[NonParallelizable]
public class ScalarArithmeticTests
{
    /// <summary>(3, 1, 5) and (4, 5) seeded standard normals of <paramref name="dtype"/>: they broadcast to (3, 4, 5).</summary>
    private static (Tensor A, Tensor B) Operands(ScalarType dtype, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return (randn([3, 1, 5], dtype, generator: generator), randn([4, 5], dtype, generator: generator));
    }

    /// <summary>The bit patterns of every entry, as float64 or float32 bits widened to long.</summary>
    private static long[] Bits(Tensor t) => t.dtype == ScalarType.Float32
        ? t.contiguous().data<float>().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray()
        : t.contiguous().data<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static void AssertBitIdentical(Tensor expected, Tensor actual)
    {
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype));
        Assert.That(actual.shape, Is.EqualTo(expected.shape));
        if (expected.dtype == ScalarType.Bool)
            Assert.That(actual.data<bool>().ToArray(), Is.EqualTo(expected.data<bool>().ToArray()));
        else
            Assert.That(Bits(actual), Is.EqualTo(Bits(expected)));
    }

    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Float32)]
    public void PlusAndMinusOfTensorsEqualTheOperatorsBitwiseWithBroadcasting(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Operands(dtype, 11);
        AssertBitIdentical(a + b, a.Plus(b));
        AssertBitIdentical(a - b, a.Minus(b));
        AssertBitIdentical(b - a, b.Minus(a));
        Assert.That(a.Plus(b).shape, Is.EqualTo(new long[] { 3, 4, 5 }));
        // Same shapes, and a 0-dimensional operand.
        var c = b * 0.5;
        AssertBitIdentical(b + c, b.Plus(c));
        var s = tensor(1.25, dtype);
        AssertBitIdentical(a - s, a.Minus(s));
        AssertBitIdentical(s + a, s.Plus(a));
    }

    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Float32)]
    public void NumberOperationsEqualTheOperatorsBitwise(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var (a, _) = Operands(dtype, 12);
        AssertBitIdentical(a + 0.3, a.Plus(0.3));
        AssertBitIdentical(a - 0.3, a.Minus(0.3));
        AssertBitIdentical(1 - a, a.SubtractedFrom(1));
        AssertBitIdentical(a * 0.1, a.Times(0.1));
        AssertBitIdentical(a / 0.7, a.DividedBy(0.7));
        AssertBitIdentical(a.pow(3), a.Power(3));
        AssertBitIdentical(a.abs().pow(0.37), a.abs().Power(0.37));
        AssertBitIdentical(a.clamp_min(0.2), a.ClampedBelow(0.2));
        AssertBitIdentical(a > 0.1, a.IsGreaterThan(0.1));
        AssertBitIdentical(a <= 0.1, a.IsAtMost(0.1));
    }

    [Test]
    public void PlusOfIntegerTensorsStaysInteger()
    {
        using var scope = NewDisposeScope();
        var a = arange(5, ScalarType.Int32);
        var sum = a.Plus(a);
        Assert.That(sum.dtype, Is.EqualTo(ScalarType.Int32));
        Assert.That(sum.data<int>().ToArray(), Is.EqualTo(new[] { 0, 2, 4, 6, 8 }));
    }

    /// <summary>
    /// Regression test of the finalised-Scalar hazard: Plus/Minus (tensor and number forms) in a loop while another
    /// thread allocates and forces collections and finalisers. A Scalar freed during a native call aborts the process.
    /// </summary>
    [Test]
    public void PlusAndMinusSurviveCollectionsOnAnotherThread()
    {
        using var generator = new Generator(13);
        using var a = randn([64, 64], ScalarType.Float64, generator: generator);
        using var b = randn([64], ScalarType.Float64, generator: generator);
        using var expected = a + b - b + 0.5 - 0.5;

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        long collections = 0;
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Plain allocations and undisposed Scalars, so the finaliser thread has work too.
                for (int i = 0; i < 100; i++) { _ = new byte[1024]; _ = i.ToScalar(); }
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collections++;
            }
        });

        long iterations = 0;
        double worst = 0;
        while (!stop.IsCancellationRequested)
        {
            using var scope = NewDisposeScope();
            var x = a.Plus(b).Minus(b).Plus(0.5).Minus(0.5);
            if (iterations % 64 == 0) worst = Math.Max(worst, x.Minus(expected).abs().max().item<double>());
            iterations++;
        }
        collector.Wait();
        Assert.That(worst, Is.EqualTo(0.0), "Plus/Minus must give the operators' results under collections");
        Assert.That(iterations, Is.GreaterThan(100));
        Assert.That(collections, Is.GreaterThan(5));
    }
}
