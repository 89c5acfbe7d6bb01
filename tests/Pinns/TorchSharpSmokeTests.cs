using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Tests.Pinns;

/// <summary>The native libtorch stack loads on this system and autograd works (the build patches
/// libLibTorchSharp.so where the system libstdc++ is older than the one it was linked against).</summary>
public class TorchSharpSmokeTests
{
    [Test]
    public void SecondDerivativeByAutogradIsExact()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.5, 1.0, 2.0 }, dtype: float64, requires_grad: true);
        var y = x.pow(3).sum();
        var dy = autograd.grad([y], [x], create_graph: true, retain_graph: true)[0];
        var d2y = autograd.grad([dy.sum()], [x])[0];
        Assert.That(dy.data<double>().ToArray(), Is.EqualTo(new[] { 0.75, 3.0, 12.0 }).Within(1e-14));
        Assert.That(d2y.data<double>().ToArray(), Is.EqualTo(new[] { 3.0, 6.0, 12.0 }).Within(1e-14));
    }

    [Test]
    public void AllocatorKeepsFreedTensorMemoryOnGlibc()
    {
        PdeNet.Neural.TorchRuntime.Initialise(seed: 0, threads: 1);
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the allocator setting applies to glibc on Linux");
        Assert.That(PdeNet.Neural.TorchRuntime.MallocTuned, "glibc accepted the mmap and trim thresholds");
    }
}
