using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>(3×3 convolution without bias → BatchNorm → ReLU) twice, the U-Net block. (batch, C_in, H, W) → (batch, C_out, H, W).</summary>
internal sealed class DoubleConv : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _first;
    private readonly BatchNorm2d _firstNorm;
    private readonly Conv2d _second;
    private readonly BatchNorm2d _secondNorm;

    public DoubleConv(long inChannels, long outChannels, long? midChannels = null) : base(nameof(DoubleConv))
    {
        long mid = midChannels ?? outChannels;
        _first = nn.Conv2d(inChannels, mid, 3, padding: 1, bias: false);
        _firstNorm = nn.BatchNorm2d(mid);
        _second = nn.Conv2d(mid, outChannels, 3, padding: 1, bias: false);
        _secondNorm = nn.BatchNorm2d(outChannels);
        using (no_grad())
        {
            foreach (var norm in new[] { _firstNorm, _secondNorm })
            {
                nn.init.ones_(norm.weight!);
                nn.init.zeros_(norm.bias!);
            }
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        nn.functional.relu(_secondNorm.forward(_second.forward(nn.functional.relu(_firstNorm.forward(_first.forward(x))))));
}
