using System.Text.Json;
using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Operators.Layers;
using PdeNet.Operators.Models;
using PdeNet.Operators.Training;
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
        var (first, last) = Fit(fno, input, target, rate: 3e-3, steps: 300);
        Assert.That(last, Is.LessThan(first / 100));
    }

    /// <summary>Adam steps on the mean square error; the first and last step's losses.</summary>
    private static (double First, double Last) Fit(Fno fno, Tensor input, Tensor target, double rate, int steps)
    {
        using var optimizer = new AdamOptimizer(fno.parameters(), new AdamOptions(rate));
        double first = 0, last = 0;
        for (int step = 0; step < steps; step++)
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
        return (first, last);
    }

    private static SpectralConvolution Layer(int channels, int[] modes)
    {
        var previous = get_default_dtype();
        set_default_dtype(ScalarType.Float64);
        try
        {
            manual_seed(7);
            return new SpectralConvolution(channels, channels, modes);
        }
        finally
        {
            set_default_dtype(previous);
        }
    }

    [Test]
    public void MapsChannelsOnAThreeDimensionalGridAndRefusesTooFewCells()
    {
        var options = new FnoOptions(3, 5, Width: 6, Modes1: 2, Modes2: 3, Layers: 2, ProjectionWidth: 8, Padding: 2, Modes3: 3);
        Assert.That(options.Dimensions, Is.EqualTo(3));
        Assert.That(options.Modes, Is.EqualTo(new[] { 2, 3, 3 }));
        var fno = Build(options);
        using var x = randn([2, 3, 5, 6, 7], ScalarType.Float64);
        using var y = fno.forward(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 5, 5, 6, 7 }));
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(() => fno.forward(randn(1, 3, 5, 6, ScalarType.Float64)), Throws.ArgumentException.With.Message.Contains("(batch, 3, n1, n2, n3)"));
        // Padded to 4 x 8 x 9: axis 1 holds 2 modes of each sign, axis 2 holds 4, axis 3 (real FFT) holds 5.
        using var fits = fno.forward(randn([1, 3, 2, 6, 7], ScalarType.Float64));
        Assert.That(fits.shape, Is.EqualTo(new long[] { 1, 5, 2, 6, 7 }));
        Assert.That(() => fno.forward(randn([1, 3, 5, 2, 7], ScalarType.Float64)),
            Throws.ArgumentException.With.Message.Contains("a 7 x 4 x 9 grid holds at most 3 x 2 x 5 modes; the layer keeps 2 x 3 x 3"));
        Assert.That(() => fno.forward(randn([1, 3, 5, 6, 1], ScalarType.Float64)),
            Throws.ArgumentException.With.Message.Contains("a 7 x 8 x 3 grid holds at most 3 x 4 x 2 modes"));
        Assert.That(() => new FnoOptions(1, 1, Modes3: 0).Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Modes3"));
    }

    [Test]
    public void ThreeDimensionalSpectralWeightsReceiveGradients()
    {
        var fno = Build(new FnoOptions(1, 2, Width: 4, Modes1: 2, Modes2: 2, Layers: 1, ProjectionWidth: 8, Padding: 0, Modes3: 2));
        using var x = randn([2, 1, 5, 6, 4], ScalarType.Float64);
        fno.forward(x).square().sum().backward();
        Assert.That(fno.named_parameters().Count(p => p.name.StartsWith("_spectral.0.")), Is.EqualTo(8));
        foreach (var (name, p) in fno.named_parameters())
            Assert.That(p.grad is not null && p.grad.abs().sum().item<double>() > 0, Is.True, $"{name} has no gradient");
    }

    [Test]
    public void ThreeDimensionalLayerMultipliesAFourierModeByItsWeight()
    {
        // u = cos θ with θ = 2π (j1/n1 − j2/n2 + j3/n3): frequency (1, −1, 1), kept in the corner low along
        // axis 1 and high along axis 2, at block position (1, m2 − 1, 1). The layer returns Re(w e^{iθ}).
        const int n1 = 6, n2 = 8, n3 = 6;
        var layer = Layer(1, [2, 3, 2]);
        var weights = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.That(weights.Keys, Is.EquivalentTo(new[]
        {
            "_lowLowReal", "_lowLowImaginary", "_lowHighReal", "_lowHighImaginary",
            "_highLowReal", "_highLowImaginary", "_highHighReal", "_highHighImaginary",
        }));
        double real = weights["_lowHighReal"][0, 0, 1, 2, 1].item<double>();
        double imaginary = weights["_lowHighImaginary"][0, 0, 1, 2, 1].item<double>();
        var j1 = arange(n1, ScalarType.Float64).view(n1, 1, 1);
        var j2 = arange(n2, ScalarType.Float64).view(1, n2, 1);
        var j3 = arange(n3, ScalarType.Float64).view(1, 1, n3);
        var theta = 2 * Math.PI * (j1 / n1 - j2 / n2 + j3 / n3);
        using var output = layer.forward(theta.cos().view(1, 1, n1, n2, n3));
        var expected = real * theta.cos() - imaginary * theta.sin();
        double error = (output.view(n1, n2, n3) - expected).abs().max().item<double>();
        Assert.That(error, Is.LessThan(1e-12), $"max error {error:E2}");
    }

    [Test]
    public void ThreeDimensionalLayerIsTranslationEquivariant()
    {
        var layer = Layer(3, [2, 3, 2]);
        manual_seed(8);
        using var x = randn([2, 3, 6, 8, 5], ScalarType.Float64);
        long[] shifts = [1, 1, 1], dims = [2, 3, 4];
        using var shiftedThenMapped = layer.forward(x.roll(shifts, dims));
        using var mappedThenShifted = layer.forward(x).roll(shifts, dims);
        double error = (shiftedThenMapped - mappedThenShifted).abs().max().item<double>();
        Assert.That(error, Is.LessThan(1e-12), $"max error {error:E2}");
        Assert.That(mappedThenShifted.abs().max().item<double>(), Is.GreaterThan(1e-3));
    }

    [Test]
    public void MemorisesTwoFieldsInThreeDimensions()
    {
        var fno = Build(new FnoOptions(1, 1, Width: 6, Modes1: 2, Modes2: 2, Layers: 2, ProjectionWidth: 12, Padding: 1, Modes3: 2));
        var t = linspace(0, 1, 4, ScalarType.Float64).view(1, 1, 4, 1, 1);
        var x = linspace(0, 1, 6, ScalarType.Float64).view(1, 1, 1, 6, 1);
        var y = linspace(0, 1, 6, ScalarType.Float64).view(1, 1, 1, 1, 6);
        var input = cat([zeros([1, 1, 4, 6, 6], ScalarType.Float64), ones([1, 1, 4, 6, 6], ScalarType.Float64)], 0);
        var target = cat([(Math.PI * x).sin() * (Math.PI * y).sin() * (-t).exp(), (2 * Math.PI * x).cos() * y * t], 0);
        var (first, last) = Fit(fno, input, target, rate: 1e-2, steps: 40);
        Assert.That(last, Is.LessThan(first / 10));
    }

    [Test]
    public void ThreeDimensionalSpecRoundTripsAndOldSpecsStayTwoDimensional()
    {
        var basis = new FnoOptions(1, 8, Width: 8, Modes1: 3, Modes2: 4, Layers: 2, ProjectionWidth: 16, Padding: 2, Modes3: 5);
        var spec = OperatorModelSpec.Of(new PhysicsInformedOptions("p", [0, 0.5, 1], [[0, 0.5, 1], [0, 0.5, 1]], basis));
        string json = JsonSerializer.Serialize(spec, OperatorModelFile.Json);
        var read = JsonSerializer.Deserialize<OperatorModelSpec>(json, OperatorModelFile.Json)!;
        Assert.That(read.PhysicsInformed!.Basis, Is.EqualTo(basis));
        Assert.That(read.PhysicsInformed.Basis.Dimensions, Is.EqualTo(3));
        // A specification written before the third axis existed has no Modes3 and reads as a 2D network.
        var planar = spec with { PhysicsInformed = spec.PhysicsInformed! with { Basis = basis with { Modes3 = null } } };
        string older = JsonSerializer.Serialize(planar, OperatorModelFile.Json).Replace("\"Modes3\":null,", "").Replace(",\"Modes3\":null", "");
        Assert.That(older, Does.Not.Contain("Modes3"));
        var readOlder = JsonSerializer.Deserialize<OperatorModelSpec>(older, OperatorModelFile.Json)!;
        Assert.That(readOlder.PhysicsInformed!.Basis, Is.EqualTo(basis with { Modes3 = null }));
        Assert.That(readOlder.PhysicsInformed.Basis.Dimensions, Is.EqualTo(2));
    }
}
