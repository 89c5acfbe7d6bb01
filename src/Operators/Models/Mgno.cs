using PdeNet.Neural;
using PdeNet.Operators.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// MgNO (He, Liu, Xu, ICLR 2024): layers u ← GELU(MgConv(u) + W u + c) with W a 1×1 convolution, then a
/// 1×1 convolution head without bias. No lifting, no coordinate channels. Input (batch, C_in, H, W),
/// output (batch, C_out, H, W), any H, W (the same weights serve every resolution).
/// </summary>
public sealed class Mgno : OperatorNetwork
{
    private readonly ModuleList<MgConv> _multigrid = new();
    private readonly ModuleList<Conv2d> _pointwise = new();
    private readonly Conv2d _head;

    /// <summary>Builds the network; weights come from libtorch's generator (seed it first).</summary>
    public Mgno(MgnoOptions options) : base(nameof(Mgno))
    {
        Options = options;
        if (options.Layers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Layers, "MgNO needs at least one layer");
        if (options.PreSmoothing.Length < 1 || options.PreSmoothing[0] < 1 || options.PreSmoothing.Any(n => n < 0))
            throw new ArgumentException("PreSmoothing needs one entry per level, at least one step on level 0", nameof(options));
        if (options.PostSmoothing is { } post && post.Length != options.PreSmoothing.Length - 1)
            throw new ArgumentException($"PostSmoothing needs {options.PreSmoothing.Length - 1} entries (all levels but the coarsest), got {post.Length}", nameof(options));
        for (int i = 0; i < options.Layers; i++)
        {
            int cf = i == 0 ? options.InChannels : options.Channels;
            _multigrid.Add(new MgConv(options.Channels, cf, options.PreSmoothing, options.PostSmoothing, options.Padding));
            _pointwise.Add(nn.Conv2d(cf, options.Channels, 1, bias: true));
        }
        _head = nn.Conv2d(options.Channels, options.OutChannels, 1, bias: false);
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public MgnoOptions Options { get; }

    /// <inheritdoc/>
    public override bool NeedsCoordinates => false;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor? coordinates)
    {
        Expect(input.dim() == 4 && input.shape[1] == Options.InChannels, nameof(input), $"(batch, {Options.InChannels}, H, W)", input);
        var u = input;
        for (int i = 0; i < _multigrid.Count; i++)
            u = nn.functional.gelu(_multigrid[i].forward(u).Plus(_pointwise[i].forward(u)));
        return _head.forward(u);
    }
}
