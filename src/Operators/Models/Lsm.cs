using PdeNet.Operators.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// Latent Spectral Model (Wu et al., ICML 2023), 2D. Input (batch, C_in, H, W), output
/// (batch, C_out, H, W). The grid coordinates (linspace(0, 1) along each axis) are appended as two
/// channels; Linear(C_in + 2, width) lifts pointwise; the field is zero-padded on the high side;
/// a five-scale U-Net (DoubleConv, MaxPool down, bilinear up with concatenation) processes it, every
/// skip tensor passing a <c>NeuralSpectralBlock</c> first; the padding is cropped and the head
/// Linear(width, 128) → GELU → Linear(128, C_out) maps pointwise to the output.
/// </summary>
public sealed class Lsm : OperatorNetwork
{
    private const int Scales = 5;
    private readonly nn.Module<Tensor, Tensor>[] _down;
    private readonly DoubleConv[] _up;
    private readonly NeuralSpectralBlock[] _spectral;
    private readonly ModuleList<DoubleConv> _encoder = new();
    private readonly ModuleList<DoubleConv> _decoder = new();
    private readonly ModuleList<NeuralSpectralBlock> _blocks = new();
    private readonly Conv2d _outConv;
    private readonly Linear _lift;
    private readonly Linear _project1;
    private readonly Linear _project2;

    /// <summary>Builds the network; weights come from libtorch's generator (seed it first).</summary>
    public Lsm(LsmOptions options) : base(nameof(Lsm))
    {
        Options = options;
        if (options.Width < 8 || options.Width % 8 != 0) throw new ArgumentException($"Width must be a positive multiple of 8 (the heads), got {options.Width}", nameof(options));
        if (options.Patch < 1 || options.NumBasis < 1 || options.NumTokens < 1) throw new ArgumentException("Patch, NumBasis and NumTokens must be positive", nameof(options));
        int w = options.Width;
        // encoder widths w, 2w, 4w, 8w, 8w (bilinear U-Net halves the bottom)
        int[] widths = [w, 2 * w, 4 * w, 8 * w, 8 * w];
        _encoder.Add(new DoubleConv(w, w));
        for (int s = 1; s < Scales; s++) _encoder.Add(new DoubleConv(widths[s - 1], widths[s]));
        // decoder: Up(16w → 4w), Up(8w → 2w), Up(4w → w), Up(2w → w), mid = in/2
        _decoder.Add(new DoubleConv(16 * w, 4 * w, 8 * w));
        _decoder.Add(new DoubleConv(8 * w, 2 * w, 4 * w));
        _decoder.Add(new DoubleConv(4 * w, w, 2 * w));
        _decoder.Add(new DoubleConv(2 * w, w, w));
        foreach (int c in widths) _blocks.Add(new NeuralSpectralBlock(c, options.NumBasis, options.Patch, options.NumTokens));
        _outConv = nn.Conv2d(w, w, 1);
        _lift = nn.Linear(options.InChannels + 2, w);
        _project1 = nn.Linear(w, 128);
        _project2 = nn.Linear(128, options.OutChannels);
        _down = [.. _encoder];
        _up = [.. _decoder];
        _spectral = [.. _blocks];
        RegisterComponents();
    }

    /// <summary>The configuration.</summary>
    public LsmOptions Options { get; }

    /// <inheritdoc/>
    public override bool NeedsCoordinates => false;

    /// <summary>The zero padding added on the high side of an axis with <paramref name="n"/> points.</summary>
    public int PaddingFor(long n)
    {
        if (Options.Padding is { } fixedPadding) return fixedPadding;
        long multiple = (1L << (Scales - 1)) * Options.Patch;
        return (int)((n + multiple - 1) / multiple * multiple - n);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor? coordinates)
    {
        Expect(input.dim() == 4 && input.shape[1] == Options.InChannels, nameof(input), $"(batch, {Options.InChannels}, H, W)", input);
        long b = input.shape[0], h = input.shape[2], wd = input.shape[3];
        var gx = linspace(0, 1, h, dtype: input.dtype, device: input.device).view(1, 1, h, 1).expand(b, 1, h, wd);
        var gy = linspace(0, 1, wd, dtype: input.dtype, device: input.device).view(1, 1, 1, wd).expand(b, 1, h, wd);
        var x = cat([input, gx, gy], 1).permute(0, 2, 3, 1);
        x = _lift.forward(x).permute(0, 3, 1, 2);
        int padH = PaddingFor(h), padW = PaddingFor(wd);
        if (padH > 0 || padW > 0) x = nn.functional.pad(x, [0, padW, 0, padH]);
        long multiple = (1L << (Scales - 1)) * Options.Patch;
        if (x.shape[2] % multiple != 0 || x.shape[3] % multiple != 0)
            throw new ArgumentException($"input: the padded grid {x.shape[2]}×{x.shape[3]} must be a multiple of {multiple} (16 × patch) in both axes; choose Padding accordingly or leave it null", nameof(input));
        var skips = new Tensor[Scales];
        skips[0] = _down[0].forward(x);
        for (int s = 1; s < Scales; s++) skips[s] = _down[s].forward(nn.functional.max_pool2d(skips[s - 1], 2));
        var y = _spectral[Scales - 1].forward(skips[Scales - 1]);
        for (int s = Scales - 2, u = 0; s >= 0; s--, u++)
        {
            var skip = _spectral[s].forward(skips[s]);
            var up = nn.functional.interpolate(y, scale_factor: [2.0, 2.0], mode: InterpolationMode.Bilinear, align_corners: true);
            long dy = skip.shape[2] - up.shape[2], dx = skip.shape[3] - up.shape[3];
            if (dy != 0 || dx != 0) up = nn.functional.pad(up, [dx / 2, dx - dx / 2, dy / 2, dy - dy / 2]);
            y = _up[u].forward(cat([skip, up], 1));
        }
        y = _outConv.forward(y);
        y = y[.., .., ..(int)h, ..(int)wd].permute(0, 2, 3, 1);
        y = _project2.forward(nn.functional.gelu(_project1.forward(y)));
        return y.permute(0, 3, 1, 2);
    }
}
