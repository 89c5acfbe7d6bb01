using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Operators.Normalisation;

/// <summary>
/// Pointwise Gaussian normalisation, as FNO's <c>UnitGaussianNormalizer</c>: the mean μ and standard
/// deviation σ (unbiased, n − 1) of every entry (every channel and grid point) over the training
/// samples; encode x ↦ (x − μ)/(σ + ε), decode z ↦ z (σ + ε) + μ. Tensors are (batch, ...) with
/// the trailing shape equal to <see cref="SampleShape"/>.
/// </summary>
public sealed class UnitGaussianNormaliser : IDisposable
{
    private readonly Tensor _scale;

    private UnitGaussianNormaliser(Tensor mean, Tensor std, double epsilon)
    {
        Mean = mean;
        Std = std;
        Epsilon = epsilon;
        using var guard = full_like(std, epsilon);
        _scale = std.Plus(guard).DetachFromDisposeScope();
    }

    /// <summary>The pointwise mean, shape <see cref="SampleShape"/>.</summary>
    public Tensor Mean { get; }

    /// <summary>The pointwise standard deviation, shape <see cref="SampleShape"/>.</summary>
    public Tensor Std { get; }

    /// <summary>The guard ε added to σ (1e-5 as in FNO).</summary>
    public double Epsilon { get; }

    /// <summary>The shape of one sample.</summary>
    public long[] SampleShape => Mean.shape;

    /// <summary>Fits μ and σ over the first axis of <paramref name="samples"/> (shape (n, ...), n ≥ 2).</summary>
    public static UnitGaussianNormaliser Fit(Tensor samples, double epsilon = 1e-5)
    {
        if (samples.dim() < 2 || samples.shape[0] < 2)
            throw new ArgumentException($"samples need shape (n, ...) with n ≥ 2, got ({string.Join(", ", samples.shape)})", nameof(samples));
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive");
        using var _ = no_grad();
        var data = samples.detach();
        return new UnitGaussianNormaliser(data.mean([0L]).DetachFromDisposeScope(), data.std(0, unbiased: true).DetachFromDisposeScope(), epsilon);
    }

    /// <summary>(x − μ)/(σ + ε) for x of shape (batch, ...sample shape).</summary>
    public Tensor Encode(Tensor x)
    {
        Check(x, nameof(x));
        return x.Minus(Mean.to(x.device).to_type(x.dtype)) / _scale.to(x.device).to_type(x.dtype);
    }

    /// <summary>z (σ + ε) + μ for z of shape (batch, ...sample shape).</summary>
    public Tensor Decode(Tensor z)
    {
        Check(z, nameof(z));
        return (z * _scale.to(z.device).to_type(z.dtype)).Plus(Mean.to(z.device).to_type(z.dtype));
    }

    private void Check(Tensor x, string name)
    {
        var shape = x.shape;
        if (shape.Length != SampleShape.Length + 1 || !shape.Skip(1).SequenceEqual(SampleShape))
            throw new ArgumentException($"expected shape (batch, {string.Join(", ", SampleShape)}), got ({string.Join(", ", shape)})", name);
    }

    /// <summary>Writes ε, the shape and μ, σ (float64).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Epsilon);
        writer.Write(SampleShape.Length);
        foreach (long n in SampleShape) writer.Write(n);
        foreach (var t in new[] { Mean, Std })
            foreach (double v in t.to_type(ScalarType.Float64).data<double>()) writer.Write(v);
    }

    /// <summary>Reads a normaliser written by <see cref="Write"/>; its tensors have type <paramref name="dtype"/>.</summary>
    public static UnitGaussianNormaliser Read(BinaryReader reader, ScalarType dtype = ScalarType.Float32)
    {
        double epsilon = reader.ReadDouble();
        int rank = reader.ReadInt32();
        if (rank < 0 || rank > 16) throw new InvalidDataException($"a normaliser of rank {rank} is not valid");
        var shape = new long[rank];
        for (int i = 0; i < rank; i++) shape[i] = reader.ReadInt64();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        Tensor Block()
        {
            var values = new double[count];
            for (long i = 0; i < count; i++) values[i] = reader.ReadDouble();
            return tensor(values, shape, ScalarType.Float64).to_type(dtype);
        }
        var mean = Block();
        var std = Block();
        return new UnitGaussianNormaliser(mean, std, epsilon);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Mean.Dispose();
        Std.Dispose();
        _scale.Dispose();
    }
}
