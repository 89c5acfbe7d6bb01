using PdeNet.Neural.Embeddings;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Neural;

/// <summary>
/// An MLP behind an input map: the inputs x (shape (n, inputs)) are scaled to v = (x - c)/w, the
/// periodic coordinates are replaced by their cos/sin harmonics of the raw x, random Fourier
/// features of v are appended, and the result feeds an <see cref="Mlp"/>. The scaling and the
/// Fourier matrix are buffers, saved and loaded with the parameters.
/// </summary>
public sealed class EmbeddedMlp : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _centre, _halfWidth, _plainIndex;
    private readonly Tensor? _frequencies;
    private readonly PeriodicCoordinate[] _periodic;
    private readonly Mlp _mlp;

    /// <summary>Creates the network; random frequencies and weights come from libtorch's generator (seed it first).</summary>
    /// <param name="centre">c: the centre of the input box, one entry per input.</param>
    /// <param name="halfWidth">w: half the width of the input box, one entry per input.</param>
    /// <param name="embeddings">Input embeddings (at most one <see cref="FourierFeatures"/>).</param>
    /// <param name="hidden">Hidden layer widths.</param>
    /// <param name="outputs">Output features.</param>
    /// <param name="activation">Hidden activation.</param>
    /// <param name="precision">Parameter precision.</param>
    public EmbeddedMlp(double[] centre, double[] halfWidth, IReadOnlyList<InputEmbedding> embeddings, IReadOnlyList<int> hidden, int outputs, Activation activation, Precision precision)
        : base(nameof(EmbeddedMlp))
    {
        int inputs = centre.Length;
        if (halfWidth.Length != inputs || halfWidth.Any(w => !(w > 0))) throw new ArgumentException("give a positive half-width for every input", nameof(halfWidth));
        var dtype = precision.ScalarType();
        _periodic = embeddings.OfType<PeriodicCoordinate>().ToArray();
        foreach (var p in _periodic)
        {
            if (p.Axis < 0 || p.Axis >= inputs) throw new ArgumentOutOfRangeException(nameof(embeddings), $"periodic axis {p.Axis} is not an input (there are {inputs})");
            if (!(p.Period > 0) || p.Harmonics < 1) throw new ArgumentOutOfRangeException(nameof(embeddings), "a periodic embedding needs a positive period and at least one harmonic");
        }
        if (_periodic.Select(p => p.Axis).Distinct().Count() != _periodic.Length) throw new ArgumentException("each axis can have one periodic embedding", nameof(embeddings));
        var _plainAxes = Enumerable.Range(0, inputs).Where(i => _periodic.All(p => p.Axis != i)).ToArray();
        _plainIndex = tensor(_plainAxes.Select(a => (long)a).ToArray());
        register_buffer("plain_axes", _plainIndex);
        int features = _plainAxes.Length + _periodic.Sum(p => 2 * p.Harmonics);
        _centre = tensor(_plainAxes.Select(i => centre[i]).ToArray(), dtype);
        _halfWidth = tensor(_plainAxes.Select(i => halfWidth[i]).ToArray(), dtype);
        register_buffer("centre", _centre);
        register_buffer("half_width", _halfWidth);
        var fourier = embeddings.OfType<FourierFeatures>().ToArray();
        if (fourier.Length > 1) throw new ArgumentException("give at most one Fourier feature embedding", nameof(embeddings));
        if (fourier.Length == 1)
        {
            if (fourier[0].Count < 1 || !(fourier[0].Scale > 0)) throw new ArgumentOutOfRangeException(nameof(embeddings), "Fourier features need a positive count and scale");
            _frequencies = randn(features, fourier[0].Count, dtype: dtype).Times(fourier[0].Scale).detach();
            register_buffer("frequencies", _frequencies);
            features += 2 * fourier[0].Count;
        }
        _mlp = new Mlp(features, hidden, outputs, activation, precision);
        register_module("mlp", _mlp);
        ParameterCount = parameters().Sum(p => p.numel());
        FeatureCount = features;
    }

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <summary>Width of the first layer's input after the embeddings.</summary>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        // Without periodic coordinates every input column is plain, in order: the selection would be a copy
        // (and a scatter in every backward pass through it).
        var plain = _periodic.Length == 0 ? input : input.index_select(1, _plainIndex);
        var parts = new List<Tensor> { plain.Minus(_centre) / _halfWidth };
        foreach (var p in _periodic)
        {
            var x = input.narrow(1, p.Axis, 1);
            for (int k = 1; k <= p.Harmonics; k++)
            {
                var angle = x.Times(2 * Math.PI * k / p.Period);
                parts.Add(angle.cos());
                parts.Add(angle.sin());
            }
        }
        var features = parts.Count == 1 ? parts[0] : cat(parts, 1);
        if (_frequencies is not null)
        {
            var projection = features.matmul(_frequencies).Times(2 * Math.PI);
            features = cat([features, projection.cos(), projection.sin()], 1);
        }
        return _mlp.forward(features);
    }
}
