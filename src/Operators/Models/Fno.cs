using PdeNet.Neural;
using PdeNet.Operators.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// A Fourier neural operator on a 2D or 3D grid (see <see cref="FnoOptions"/>): (batch, C_in, n_1, n_2) →
/// (batch, C_out, n_1, n_2), or (batch, C_in, n_1, n_2, n_3) → (batch, C_out, n_1, n_2, n_3) when
/// <see cref="FnoOptions.Modes3"/> is set, on any grid large enough for its modes. It is the basis network of
/// the physics-informed operators, whose grid is (time, space…).
/// </summary>
public sealed class Fno : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _lift;
    private readonly ModuleList<SpectralConvolution> _spectral = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _pointwise = new();
    private readonly nn.Module<Tensor, Tensor> _projectHidden, _projectOut;

    /// <summary>Builds the network; weights come from libtorch's generator (seed it first) in the default dtype.</summary>
    public Fno(FnoOptions options) : base(nameof(Fno))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _lift = Pointwise(options.InChannels + options.Dimensions, options.Width);
        for (int i = 0; i < options.Layers; i++)
        {
            _spectral.Add(new SpectralConvolution(options.Width, options.Width, options.Modes));
            _pointwise.Add(Pointwise(options.Width, options.Width));
        }
        _projectHidden = Pointwise(options.Width, options.ProjectionWidth);
        _projectOut = Pointwise(options.ProjectionWidth, options.OutChannels);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public FnoOptions Options { get; }

    /// <summary>Evaluates the network.</summary>
    /// <param name="input">(batch, C_in, n_1, n_2), or (batch, C_in, n_1, n_2, n_3) for a 3D network, in the parameters' dtype.</param>
    /// <returns>(batch, C_out, n_1, n_2), or (batch, C_out, n_1, n_2, n_3).</returns>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int d = Options.Dimensions;
        if (input.dim() != d + 2 || input.shape[1] != Options.InChannels)
            throw new ArgumentException($"input: expected shape (batch, {Options.InChannels}, {string.Join(", ", Enumerable.Range(1, d).Select(k => $"n{k}"))}), got ({string.Join(", ", input.shape)})", nameof(input));
        long[] sizes = input.shape[2..];
        var v = _lift.forward(cat([input, Grid(input.shape[0], sizes, input.dtype)], 1));
        int pad = Options.Padding;
        if (pad > 0) v = nn.functional.pad(v, [.. Enumerable.Range(0, d).SelectMany(_ => new long[] { 0, pad })]);
        for (int i = 0; i < _spectral.Count; i++)
        {
            v = _spectral[i].forward(v).Plus(_pointwise[i].forward(v));
            if (i < _spectral.Count - 1) v = nn.functional.gelu(v);
        }
        if (pad > 0)
            for (int k = 0; k < d; k++) v = v.narrow(k + 2, 0, sizes[k]);
        return _projectOut.forward(nn.functional.gelu(_projectHidden.forward(v)));
    }

    /// <summary>A 1×1 (×1) convolution over the grid: the same linear map of the channels at every point.</summary>
    private nn.Module<Tensor, Tensor> Pointwise(int inChannels, int outChannels) =>
        Options.Dimensions == 2 ? nn.Conv2d(inChannels, outChannels, 1) : nn.Conv3d(inChannels, outChannels, 1);

    /// <summary>One coordinate channel per axis, i_k/(n_k − 1) along axis k (0 on a one-point axis): (batch, d, n_1, …, n_d).</summary>
    private static Tensor Grid(long batch, long[] sizes, ScalarType dtype)
    {
        long[] expanded = [batch, 1, .. sizes];
        var channels = new Tensor[sizes.Length];
        for (int k = 0; k < sizes.Length; k++)
        {
            var coordinate = sizes[k] > 1 ? linspace(0, 1, sizes[k], dtype) : zeros(1, dtype: dtype);
            long[] shape = [.. Enumerable.Repeat(1L, sizes.Length + 2)];
            shape[k + 2] = sizes[k];
            channels[k] = coordinate.view(shape).expand(expanded);
        }
        return cat(channels, 1);
    }
}
