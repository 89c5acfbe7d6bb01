using PdeNet.Core.Problems;
using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The PINN's approximation u_θ(x, t): the inputs are mapped affinely from the domain's bounding
/// box (and time interval) onto [-1, 1], passed through the chosen input embeddings (periodic
/// coordinates, Fourier features), then fed to an MLP with one output.
/// Input shape (n, d) or (n, d + 1) with time last; output shape (n).
/// </summary>
internal sealed class PinnNetwork : IDisposable
{
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
        DType = options.Precision.ScalarType();
        Model = new EmbeddedMlp(centre.ToArray(), halfWidth.ToArray(), options.Embeddings ?? [], options.HiddenLayers, 1, options.Activation, options.Precision);
    }

    /// <summary>Number of inputs: d, plus one for time.</summary>
    public int Inputs { get; }

    /// <summary>The network: input map, embeddings and MLP.</summary>
    public EmbeddedMlp Model { get; }

    /// <summary>Element type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <summary>u_θ at the points, shape (n).</summary>
    public Tensor Forward(Tensor points) => Model.forward(points).squeeze(1);

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
    public void Dispose() => Model.Dispose();
}
