using PdeNet.Neural;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The soft-constraint baseline: u = Σ_k w_k b_k with trainable weights w shared by all samples, and
/// the mean square of the same constraint rows the hard constraint solves returned as a penalty for
/// the loss. Everything upstream (basis network, rows) is shared with <see cref="HardConstraintLayer"/>.
/// </summary>
public sealed class SoftConstraintLayer : IConstraintLayer
{
    private readonly IConstraintRows _rows;
    private readonly Parameter _weights;

    /// <summary>Creates the layer with weights 1/N (u starts as the mean of the basis functions).</summary>
    /// <param name="rows">The problem's constraint rows.</param>
    /// <param name="basisFunctions">N.</param>
    public SoftConstraintLayer(IConstraintRows rows, int basisFunctions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (basisFunctions < 1) throw new ArgumentOutOfRangeException(nameof(basisFunctions), basisFunctions, "at least one basis function is needed");
        _rows = rows;
        using Scalar weight = 1.0 / basisFunctions;
        _weights = new Parameter(full(basisFunctions, weight, ScalarType.Float64));
    }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [_weights];

    /// <inheritdoc/>
    public ConstrainedSolution Forward(Tensor basis, Tensor? initial, Tensor? offset = null)
    {
        HardConstraintLayer.CheckBasis(basis, _rows.Points);
        HardConstraintLayer.CheckInitial(initial, basis.shape[0], _rows.SpatialPoints);
        if (basis.shape[2] != _weights.shape[0])
            throw new ArgumentException($"the basis has {basis.shape[2]} functions, the layer {_weights.shape[0]}", nameof(basis));
        var system = _rows.Build(basis, initial, offset);
        var w = _weights.unsqueeze(0).expand(basis.shape[0], -1);
        var u = basis.bmm(w.unsqueeze(-1)).squeeze(-1);
        if (offset is not null) u = u.Plus(offset);
        var rows = system.Residual(w);
        return new ConstrainedSolution(u, _rows.Observe(u), w, rows.square().mean(), [], () => rows);
    }
}
