using PdeNet.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// LSM's neural spectral block (2D). The field is split into P×P patches; in each patch, T learned
/// latent tokens per head (8 heads) attend to the pixels (keys and values from a 1×1 convolution,
/// softmax without 1/√d scaling), with a residual; the tokens move in latent space by
/// z ← z + Σ_m W[c, m] φ_m(z), φ = [sin(k π z), cos(k π z)], k = i/num_basis, i = 0..num_basis−1;
/// the pixels then attend back to the tokens, with a residual. (batch, C, H, W) → same, H and W
/// multiples of the patch size.
/// </summary>
internal sealed class NeuralSpectralBlock : nn.Module<Tensor, Tensor>
{
    private const int Heads = 8;
    private readonly int _width;
    private readonly int _patch;
    private readonly int _tokens;
    private readonly int _numBasis;
    private readonly Parameter _weights;
    private readonly Parameter _latent;
    private readonly Conv2d _encoderAttention;
    private readonly Conv2d _decoderAttention;

    public NeuralSpectralBlock(int width, int numBasis, int patch, int tokens) : base(nameof(NeuralSpectralBlock))
    {
        if (width % Heads != 0) throw new ArgumentException($"the width {width} must be a multiple of {Heads} heads", nameof(width));
        _width = width;
        _patch = patch;
        _tokens = tokens;
        _numBasis = numBasis;
        _weights = new Parameter(rand(width, 2 * numBasis).DividedBy(width));
        _latent = new Parameter(rand(Heads, tokens, width / Heads).DividedBy(width));
        _encoderAttention = nn.Conv2d(width, 2 * width, 1);
        _decoderAttention = nn.Conv2d(width, width, 1);
        RegisterComponents();
    }

    private static Tensor Attend(Tensor q, Tensor k, Tensor v) => matmul(matmul(q, k.transpose(-1, -2)).softmax(-1), v);

    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        int p = _patch;
        if (c != _width || h % p != 0 || w % p != 0)
            throw new ArgumentException($"expected shape (batch, {_width}, H, W) with H, W multiples of {p}, got ({string.Join(", ", x.shape)})", nameof(x));
        long nh = h / p, nw = w / p, patches = b * nh * nw, pixels = (long)p * p, dh = c / Heads;
        // patchify: (B, C, H, W) → (B·nh·nw, C, p, p)
        var z = x.view(b, c, nh, p, nw, p).permute(0, 2, 4, 1, 3, 5).reshape(patches, c, p, p);
        // encoder: tokens attend to pixels
        var kv = _encoderAttention.forward(z).view(patches, 2 * c, pixels).permute(0, 2, 1)
            .reshape(patches, pixels, Heads, dh, 2).permute(4, 0, 2, 1, 3);
        var latent = _latent.unsqueeze(0).expand(patches, Heads, _tokens, dh);
        var tokens = Attend(latent, kv[0], kv[1]).Plus(latent);
        tokens = tokens.permute(0, 1, 3, 2).reshape(patches, c, _tokens);
        // latent spectral transition
        var modes = arange(_numBasis, tokens.dtype, tokens.device).DividedBy(_numBasis);
        var angle = (tokens.unsqueeze(-1) * modes).Times(Math.PI);
        var basis = cat([angle.sin(), angle.cos()], -1);
        tokens = einsum("bilm,im->bil", basis, _weights).Plus(tokens);
        // decoder: pixels attend to tokens
        var keys = tokens.view(patches, Heads, dh, _tokens).permute(0, 1, 3, 2);
        var queries = _decoderAttention.forward(z).view(patches, c, pixels).permute(0, 2, 1).reshape(patches, pixels, Heads, dh).permute(0, 2, 1, 3);
        var y = Attend(queries, keys, keys).permute(0, 1, 3, 2).reshape(patches, c, p, p).Plus(z);
        // de-patchify
        return y.view(b, nh, nw, c, p, p).permute(0, 3, 1, 4, 2, 5).reshape(b, c, h, w);
    }
}
