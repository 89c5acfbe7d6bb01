using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Operators.Models;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

public class FnoTests
{
    [OneTimeSetUp]
    public void Threads() => TorchRuntime.Initialise(seed: 5, threads: 1);

    private static Fno Build(FnoOptions options)
    {
        var previous = get_default_dtype();
        set_default_dtype(ScalarType.Float64);
        try
        {
            manual_seed(5);
            return new Fno(options);
        }
        finally
        {
            set_default_dtype(previous);
        }
    }

    [Test]
    public void MapsChannelsOnTheGridAndRefusesTooManyModes()
    {
        var fno = Build(new FnoOptions(3, 5, Width: 8, Modes1: 3, Modes2: 4, Layers: 2, ProjectionWidth: 16, Padding: 2));
        using var x = randn(2, 3, 10, 16, ScalarType.Float64);
        using var y = fno.forward(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 5, 10, 16 }));
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Float64));
        // The same weights serve another grid.
        using var z = fno.forward(randn(1, 3, 7, 9, ScalarType.Float64));
        Assert.That(z.shape, Is.EqualTo(new long[] { 1, 5, 7, 9 }));
        Assert.That(() => fno.forward(randn(1, 2, 10, 16, ScalarType.Float64)), Throws.ArgumentException.With.Message.Contains("(batch, 3, n1, n2)"));
        Assert.That(() => fno.forward(randn(1, 3, 2, 16, ScalarType.Float64)), Throws.ArgumentException.With.Message.Contains("modes"));
        Assert.That(() => new FnoOptions(1, 1, Modes1: 0).Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Modes1"));
    }

    [Test]
    public void SpectralWeightsReceiveGradients()
    {
        var fno = Build(new FnoOptions(1, 2, Width: 4, Modes1: 2, Modes2: 2, Layers: 1, ProjectionWidth: 8, Padding: 0));
        using var x = randn(2, 1, 6, 8, ScalarType.Float64);
        fno.forward(x).square().sum().backward();
        foreach (var (name, p) in fno.named_parameters())
            Assert.That(p.grad is not null && p.grad.abs().sum().item<double>() > 0, Is.True, $"{name} has no gradient");
    }

    [Test]
    public void MemorisesTwoFields()
    {
        var fno = Build(new FnoOptions(1, 1, Width: 12, Modes1: 4, Modes2: 4, Layers: 2, ProjectionWidth: 24, Padding: 2));
        var t = linspace(0, 1, 8, ScalarType.Float64).view(1, 1, 8, 1);
        var x = linspace(0, 1, 12, ScalarType.Float64).view(1, 1, 1, 12);
        var input = cat([zeros(1, 1, 8, 12, ScalarType.Float64), ones(1, 1, 8, 12, ScalarType.Float64)], 0);
        var target = cat([(Math.PI * x).sin() * (-t).exp(), (2 * Math.PI * x).cos() * t], 0);
        using var optimizer = new AdamOptimizer(fno.parameters(), new AdamOptions(3e-3));
        double first = 0, last = 0;
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var loss = (fno.forward(input) - target).square().mean();
            loss.backward();
            optimizer.Step();
            last = loss.item<double>();
            if (step == 0) first = last;
        }
        TestContext.Out.WriteLine($"MSE {first:E3} -> {last:E3}");
        Assert.That(last, Is.LessThan(first / 100));
    }
}
