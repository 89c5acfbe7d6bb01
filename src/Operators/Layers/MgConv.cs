using PdeNet.Neural;
using PdeNet.Operators.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// MgNO's multigrid convolution, a linear operator shaped like a V-cycle. Going down, level 0 starts
/// with u = S f; each smoothing step is u ← u + S(f − A u) with S, A 3×3 convolutions without bias;
/// between levels u ← Π u and f ← R f (learned stride-2 3×3 convolutions; f itself is restricted, not
/// the residual, as in the released code). Going up, u_j ← u_j + Rᵀ_j u_{j+1} (4×4 transposed
/// convolution, stride 2, padding 1, cropped to the finer grid), then optional post-smoothing.
/// Input f (batch, C_f, H, W), output u (batch, C_u, H, W); any H, W ≥ 1.
/// </summary>
internal sealed class MgConv : nn.Module<Tensor, Tensor>
{
    private readonly int[] _pre;
    private readonly int[] _post;
    private readonly ModuleList<ModuleList<Conv2d>> _smoothers = new();
    private readonly ModuleList<ModuleList<Conv2d>> _operators = new();
    private readonly ModuleList<ModuleList<Conv2d>> _postSmoothers = new();
    private readonly ModuleList<ModuleList<Conv2d>> _postOperators = new();
    private readonly ModuleList<Conv2d> _prolongations = new();
    private readonly ModuleList<Conv2d> _restrictions = new();
    private readonly ModuleList<ConvTranspose2d> _interpolations = new();

    public MgConv(int channelsU, int channelsF, int[] preSmoothing, int[]? postSmoothing, MgnoPadding padding) : base(nameof(MgConv))
    {
        _pre = preSmoothing;
        int levels = preSmoothing.Length;
        _post = postSmoothing ?? new int[Math.Max(levels - 1, 0)];
        var mode = padding switch
        {
            MgnoPadding.Zeros => PaddingModes.Zeros,
            MgnoPadding.Circular => PaddingModes.Circular,
            MgnoPadding.Reflect => PaddingModes.Reflect,
            _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "unknown padding"),
        };
        Conv2d Conv(long cin, long cout, long stride = 1) => nn.Conv2d(cin, cout, 3, stride: stride, padding: 1, padding_mode: mode, bias: false);
        for (int l = 0; l < levels; l++)
        {
            var s = new ModuleList<Conv2d>();
            var a = new ModuleList<Conv2d>();
            for (int i = 0; i < preSmoothing[l]; i++)
            {
                s.Add(Conv(channelsF, channelsU));
                if (l > 0 || i > 0) a.Add(Conv(channelsU, channelsF));
            }
            _smoothers.Add(s);
            _operators.Add(a);
            var ps = new ModuleList<Conv2d>();
            var pa = new ModuleList<Conv2d>();
            if (l < _post.Length)
                for (int i = 0; i < _post[l]; i++)
                {
                    ps.Add(Conv(channelsF, channelsU));
                    pa.Add(Conv(channelsU, channelsF));
                }
            _postSmoothers.Add(ps);
            _postOperators.Add(pa);
            if (l + 1 < levels)
            {
                _prolongations.Add(Conv(channelsU, channelsU, 2));
                _restrictions.Add(Conv(channelsF, channelsF, 2));
                _interpolations.Add(nn.ConvTranspose2d(channelsU, channelsU, 4, stride: 2, padding: 1, bias: false));
            }
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor f)
    {
        int levels = _pre.Length;
        var u = new Tensor[levels];
        var rhs = new Tensor[levels];
        Tensor? current = null;
        var g = f;
        for (int l = 0; l < levels; l++)
        {
            if (l > 0)
            {
                current = _prolongations[l - 1].forward(current!);
                g = _restrictions[l - 1].forward(g);
            }
            int ai = 0;
            for (int i = 0; i < _pre[l]; i++)
            {
                if (current is null) current = _smoothers[l][i].forward(g);
                else current = current.Plus(_smoothers[l][i].forward(g.Minus(_operators[l][ai++].forward(current))));
            }
            u[l] = current ?? throw new InvalidOperationException("level 0 needs at least one smoothing step");
            rhs[l] = g;
        }
        for (int j = levels - 2; j >= 0; j--)
        {
            var up = _interpolations[j].forward(u[j + 1]);
            up = up[.., .., ..(int)u[j].shape[2], ..(int)u[j].shape[3]];
            var v = u[j].Plus(up);
            for (int i = 0; i < _postSmoothers[j].Count; i++)
                v = v.Plus(_postSmoothers[j][i].forward(rhs[j].Minus(_postOperators[j][i].forward(v))));
            u[j] = v;
        }
        return u[0];
    }
}
