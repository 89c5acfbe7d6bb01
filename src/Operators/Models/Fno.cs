using PdeNet.Operators.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// A two-dimensional Fourier neural operator (see <see cref="FnoOptions"/>): (batch, C_in, n_1, n_2) →
/// (batch, C_out, n_1, n_2) on any grid large enough for its modes. It is the basis network of the
/// physics-informed operators, whose grid is (time, space).
/// </summary>
public sealed class Fno : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _lift;
    private readonly ModuleList<SpectralConv2d> _spectral = new();
    private readonly ModuleList<Conv2d> _pointwise = new();
    private readonly Conv2d _projectHidden, _projectOut;

    /// <summary>Builds the network; weights come from libtorch's generator (seed it first) in the default dtype.</summary>
    public Fno(FnoOptions options) : base(nameof(Fno))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _lift = nn.Conv2d(options.InChannels + 2, options.Width, 1);
        for (int i = 0; i < options.Layers; i++)
        {
            _spectral.Add(new SpectralConv2d(options.Width, options.Width, options.Modes1, options.Modes2));
            _pointwise.Add(nn.Conv2d(options.Width, options.Width, 1));
        }
        _projectHidden = nn.Conv2d(options.Width, options.ProjectionWidth, 1);
        _projectOut = nn.Conv2d(options.ProjectionWidth, options.OutChannels, 1);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public FnoOptions Options { get; }

    /// <summary>Evaluates the network.</summary>
    /// <param name="input">(batch, C_in, n_1, n_2), in the parameters' dtype.</param>
    /// <returns>(batch, C_out, n_1, n_2).</returns>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Options.InChannels)
            throw new ArgumentException($"input: expected shape (batch, {Options.InChannels}, n1, n2), got ({string.Join(", ", input.shape)})", nameof(input));
        long batch = input.shape[0], n1 = input.shape[2], n2 = input.shape[3];
        var v = _lift.forward(cat([input, Grid(batch, n1, n2, input.dtype)], 1));
        int pad = Options.Padding;
        if (pad > 0) v = nn.functional.pad(v, [0, pad, 0, pad]);
        for (int i = 0; i < _spectral.Count; i++)
        {
            v = _spectral[i].forward(v) + _pointwise[i].forward(v);
            if (i < _spectral.Count - 1) v = nn.functional.gelu(v);
        }
        if (pad > 0) v = v.narrow(2, 0, n1).narrow(3, 0, n2);
        return _projectOut.forward(nn.functional.gelu(_projectHidden.forward(v)));
    }

    /// <summary>The two coordinate channels, i/(n_1 − 1) and j/(n_2 − 1) (0 on a one-point axis).</summary>
    private static Tensor Grid(long batch, long n1, long n2, ScalarType dtype)
    {
        var a = n1 > 1 ? linspace(0, 1, n1, dtype) : zeros(1, dtype: dtype);
        var b = n2 > 1 ? linspace(0, 1, n2, dtype) : zeros(1, dtype: dtype);
        var first = a.view(1, 1, n1, 1).expand(batch, 1, n1, n2);
        var second = b.view(1, 1, 1, n2).expand(batch, 1, n1, n2);
        return cat([first, second], 1);
    }
}
