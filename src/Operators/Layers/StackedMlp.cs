using PdeNet.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Layers;

/// <summary>
/// p independent MLPs [m, hidden..., 1] evaluated together (the stacked DeepONet branch): layer l holds
/// weights (p, n_l, n_{l+1}) and biases (p, n_{l+1}), Glorot-normal per sub-network, zero biases.
/// Input (batch, m), output (batch, p).
/// </summary>
internal sealed class StackedMlp : nn.Module<Tensor, Tensor>
{
    private readonly ParameterList _weights = new();
    private readonly ParameterList _biases = new();
    private readonly Activation _activation;

    public StackedMlp(int inputs, IReadOnlyList<int> hidden, int stacks, Activation activation) : base(nameof(StackedMlp))
    {
        _activation = activation;
        var widths = new[] { inputs }.Concat(hidden).Append(1).ToArray();
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            double std = Math.Sqrt(2.0 / (widths[l] + widths[l + 1]));
            _weights.Add(new Parameter(randn(stacks, widths[l], widths[l + 1]).Times(std)));
            _biases.Add(new Parameter(zeros(stacks, 1, widths[l + 1])));
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = einsum("bi,kio->kbo", input, _weights[0]).Plus(_biases[0]);
        for (int l = 1; l < _weights.Count; l++)
        {
            x = ActivationFunctions.Apply(_activation, x);
            x = matmul(x, _weights[l]).Plus(_biases[l]);
        }
        return x.squeeze(-1).transpose(0, 1);
    }
}
