using PdeNet.Operators.Normalisation;
using static TorchSharp.torch;

namespace PdeNet.Tests.Operators;

public class NormaliserTests
{
    [Test]
    public void EncodingCentresAndScalesEveryPointAndDecodingInvertsIt()
    {
        manual_seed(2);
        var samples = randn(50, 1, 4, 3, ScalarType.Float64) * (arange(12, ScalarType.Float64).reshape(1, 1, 4, 3) + 1) + 5;
        using var normaliser = UnitGaussianNormaliser.Fit(samples);
        Assert.That(normaliser.SampleShape, Is.EqualTo(new long[] { 1, 4, 3 }));
        var encoded = normaliser.Encode(samples);
        Assert.That(encoded.mean([0L]).abs().max().item<double>(), Is.LessThan(1e-12));
        var std = samples.std(0, unbiased: true);
        var expected = std / (std + 1e-5);
        Assert.That((encoded.std(0, unbiased: true) - expected).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That((normaliser.Decode(encoded) - samples).abs().max().item<double>(), Is.LessThan(1e-12));
    }

    [Test]
    public void WriteAndReadGiveTheSameNormaliser()
    {
        manual_seed(3);
        var samples = randn(10, 2, 5, ScalarType.Float64);
        using var normaliser = UnitGaussianNormaliser.Fit(samples);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) normaliser.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        using var copy = UnitGaussianNormaliser.Read(reader, ScalarType.Float64);
        Assert.That(copy.Epsilon, Is.EqualTo(normaliser.Epsilon));
        Assert.That(copy.Encode(samples).data<double>().ToArray(), Is.EqualTo(normaliser.Encode(samples).data<double>().ToArray()));
    }

    [Test]
    public void WrongShapeNamesExpectedAndActual()
    {
        using var normaliser = UnitGaussianNormaliser.Fit(randn(4, 1, 8, 8));
        var error = Assert.Throws<ArgumentException>(() => normaliser.Encode(randn(2, 1, 16, 16)))!;
        Assert.That(error.Message, Does.Contain("expected shape (batch, 1, 8, 8), got (2, 1, 16, 16)"));
        Assert.Throws<ArgumentException>(() => UnitGaussianNormaliser.Fit(randn(1, 3)));
    }
}
