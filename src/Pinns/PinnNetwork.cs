using PdeNet.Core.Problems;
using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The PINN's approximation u_θ(x, t): the inputs are mapped affinely from the domain's bounding
/// box (and time interval) onto [-1, 1], then fed to an MLP with one output.
/// Input shape (n, d) or (n, d + 1) with time last; output shape (n).
/// </summary>
internal sealed class PinnNetwork : IDisposable
{
    private readonly Tensor _centre;
    private readonly Tensor _halfWidth;

    public PinnNetwork(Problem problem, PinnOptions options)
    {
        var box = problem.Domain!.Bounds;
        var centre = Enumerable.Range(0, box.Dimension).Select(i => (box.Min[i] + box.Max[i]) / 2).ToList();
        var halfWidth = Enumerable.Range(0, box.Dimension).Select(i => box.Extent(i) / 2).ToList();
        if (problem.IsTimeDependent)
        {
            centre.Add((problem.Time!.Start + problem.Time.End) / 2);
            halfWidth.Add(problem.Time.Length / 2);
        }
        Inputs = centre.Count;
        var dtype = options.Precision.ScalarType();
        _centre = tensor(centre.ToArray(), dtype);
        _halfWidth = tensor(halfWidth.ToArray(), dtype);
        Model = new Mlp(Inputs, options.HiddenLayers, 1, options.Activation, options.Precision);
        DType = dtype;
    }

    /// <summary>Number of inputs: d, plus one for time.</summary>
    public int Inputs { get; }

    /// <summary>The MLP.</summary>
    public Mlp Model { get; }

    /// <summary>Element type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <summary>u_θ at the points, shape (n).</summary>
    public Tensor Forward(Tensor points) => Model.forward((points - _centre) / _halfWidth).squeeze(1);

    /// <summary>The parameters as managed arrays, for a last-good snapshot.</summary>
    public double[][] Snapshot() => Model.parameters().Select(p => p.detach().to_type(ScalarType.Float64).data<double>().ToArray()).ToArray();

    /// <summary>Restores parameters saved by <see cref="Snapshot"/>.</summary>
    public void Restore(double[][] snapshot)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (parameter, values) in Model.parameters().Zip(snapshot))
            parameter.copy_(tensor(values, parameter.shape, ScalarType.Float64).to_type(parameter.dtype));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Model.Dispose();
        _centre.Dispose();
        _halfWidth.Dispose();
    }
}
