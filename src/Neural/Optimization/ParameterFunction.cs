using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Neural.Optimization;

/// <summary>
/// A loss over a set of network parameters seen as a function of one flat vector x (the
/// parameters concatenated in order), for optimisers that work on vectors such as
/// <see cref="Lbfgs"/>. Each evaluation writes x into the parameters, runs the loss and its
/// backward pass in a dispose scope of its own, and reads the gradient back.
/// </summary>
public sealed class ParameterFunction : IDifferentiableFunction
{
    private readonly IReadOnlyList<TorchSharp.Modules.Parameter> _parameters;
    private readonly Func<Tensor> _loss;

    /// <summary>Wraps <paramref name="loss"/>, a closure that builds the scalar loss from the current parameters.</summary>
    public ParameterFunction(IEnumerable<TorchSharp.Modules.Parameter> parameters, Func<Tensor> loss)
    {
        _parameters = parameters.ToArray();
        _loss = loss;
        Dimension = (int)_parameters.Sum(p => p.numel());
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>The current parameters as a flat vector.</summary>
    public double[] Current()
    {
        var x = new double[Dimension];
        int offset = 0;
        foreach (var p in _parameters)
        {
            using var values = p.detach().to_type(ScalarType.Float64);
            var data = values.data<double>().ToArray();
            data.CopyTo(x, offset);
            offset += data.Length;
        }
        return x;
    }

    /// <summary>Writes the flat vector <paramref name="x"/> into the parameters.</summary>
    public void Load(ReadOnlySpan<double> x)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int offset = 0;
        foreach (var p in _parameters)
        {
            int count = (int)p.numel();
            p.copy_(tensor(x.Slice(offset, count).ToArray(), p.shape, ScalarType.Float64).to_type(p.dtype));
            offset += count;
        }
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Load(x);
        using var scope = NewDisposeScope();
        foreach (var p in _parameters) p.grad?.zero_();
        var loss = _loss();
        double value = loss.to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(value))
        {
            gradient.Fill(double.NaN);
            return value;
        }
        loss.backward();
        int offset = 0;
        foreach (var p in _parameters)
        {
            int count = (int)p.numel();
            if (p.grad is null) gradient.Slice(offset, count).Clear();
            else p.grad.to_type(ScalarType.Float64).data<double>().ToArray().CopyTo(gradient.Slice(offset, count));
            offset += count;
        }
        return value;
    }
}
