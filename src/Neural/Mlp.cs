using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeNet.Neural;

/// <summary>
/// A fully connected network x ↦ W_L σ(... σ(W_1 x + b_1) ...) + b_L with Glorot-normal weights
/// and zero biases. Input shape (n, inputs), output shape (n, outputs).
/// </summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _layers;
    private readonly Activation _activation;

    /// <summary>Creates the network; draws its weights from libtorch's generator (seed it first).</summary>
    /// <param name="inputs">Input features.</param>
    /// <param name="hidden">Widths of the hidden layers.</param>
    /// <param name="outputs">Output features.</param>
    /// <param name="activation">Activation of the hidden layers (the output layer is linear).</param>
    /// <param name="precision">Parameter precision.</param>
    public Mlp(int inputs, IReadOnlyList<int> hidden, int outputs, Activation activation, Precision precision) : base(nameof(Mlp))
    {
        if (inputs < 1 || outputs < 1 || hidden.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(hidden), "layer widths must be positive");
        var widths = new[] { inputs }.Concat(hidden).Append(outputs).ToArray();
        _activation = activation;
        _layers = new ModuleList<Linear>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            var layer = Linear(widths[i], widths[i + 1], hasBias: true, dtype: precision.ScalarType());
            using (no_grad())
            {
                init.xavier_normal_(layer.weight!);
                init.zeros_(layer.bias!);
            }
            _layers.Add(layer);
        }
        RegisterComponents();
        ParameterCount = parameters().Sum(p => p.numel());
    }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        for (int i = 0; i < _layers.Count; i++)
        {
            x = _layers[i].forward(x);
            if (i + 1 < _layers.Count) x = Activate(x);
        }
        return x;
    }

    private Tensor Activate(Tensor x) => _activation switch
    {
        Activation.Tanh => x.tanh(),
        Activation.Sin => x.sin(),
        Activation.Gelu => functional.gelu(x),
        Activation.Relu => functional.relu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(x), _activation, "unknown activation"),
    };
}
