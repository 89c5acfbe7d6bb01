using PdeNet.Operators.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// The convolutional DeepONet branch: valid convolutions with ReLU, flatten, dense layers with ReLU
/// except the last. Input (batch, C_in, H, W), output (batch, p). Glorot-uniform weights and zero
/// biases, Keras' defaults in the reference code.
/// </summary>
internal sealed class CnnBranch : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Conv2d> _convolutions = new();
    private readonly ModuleList<Linear> _dense = new();

    public CnnBranch(CnnBranchOptions options) : base(nameof(CnnBranch))
    {
        if (options.Channels.Length == 0 || options.Dense.Length == 0) throw new ArgumentException("the CNN branch needs at least one convolution and one dense layer", nameof(options));
        long channels = options.InChannels, height = options.Height, width = options.Width;
        foreach (int c in options.Channels)
        {
            var conv = nn.Conv2d(channels, c, options.Kernel, stride: options.Stride, bias: true);
            _convolutions.Add(conv);
            channels = c;
            height = (height - options.Kernel) / options.Stride + 1;
            width = (width - options.Kernel) / options.Stride + 1;
            if (height < 1 || width < 1) throw new ArgumentException($"a {options.Height}×{options.Width} grid is too small for {options.Channels.Length} convolutions of size {options.Kernel}, stride {options.Stride}", nameof(options));
        }
        long features = channels * height * width;
        foreach (int d in options.Dense)
        {
            _dense.Add(nn.Linear(features, d));
            features = d;
        }
        using (no_grad())
        {
            foreach (var conv in _convolutions) { nn.init.xavier_uniform_(conv.weight!); nn.init.zeros_(conv.bias!); }
            foreach (var dense in _dense) { nn.init.xavier_uniform_(dense.weight!); nn.init.zeros_(dense.bias!); }
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var conv in _convolutions) x = nn.functional.relu(conv.forward(x));
        x = x.flatten(1);
        for (int i = 0; i < _dense.Count; i++)
        {
            x = _dense[i].forward(x);
            if (i + 1 < _dense.Count) x = nn.functional.relu(x);
        }
        return x;
    }
}
