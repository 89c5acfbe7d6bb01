using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Neural.Training;

/// <summary>A copy of a set of parameters in managed memory (float64), to go back to later.</summary>
public sealed class ParameterSnapshot
{
    private readonly double[][] _values;

    private ParameterSnapshot(double[][] values) => _values = values;

    /// <summary>Copies the current values of <paramref name="parameters"/>.</summary>
    public static ParameterSnapshot Of(IEnumerable<Parameter> parameters) =>
        new(parameters.Select(p => p.detach().to_type(ScalarType.Float64).data<double>().ToArray()).ToArray());

    /// <summary>Writes the saved values back into <paramref name="parameters"/> (the same parameters, in the same order).</summary>
    public void RestoreInto(IEnumerable<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (parameter, values) in parameters.Zip(_values))
            parameter.copy_(tensor(values, parameter.shape, ScalarType.Float64).to_type(parameter.dtype));
    }
}
