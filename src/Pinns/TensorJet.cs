using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The network output u at a batch of points and its derivatives, computed by autograd on
/// demand and cached: asking for u_xx and u_xy costs one gradient call of u_x, which yields
/// both. Inputs have shape (n, d) or (n, d + 1) with time as the last column.
/// </summary>
internal sealed class TensorJet : ITensorJet
{
    private readonly Tensor _inputs;
    private readonly Tensor? _normals;
    private readonly int _dimension;
    private readonly bool _hasTime;
    private readonly Dictionary<Unknown, Tensor> _cache = [];

    public TensorJet(Tensor inputs, Tensor u, Unknown unknown, int dimension, bool hasTime, Tensor? normals)
    {
        _inputs = inputs;
        _dimension = dimension;
        _hasTime = hasTime;
        _normals = normals;
        _cache[unknown.Base] = u;
    }

    /// <summary>Column x_i of the inputs, shape (n).</summary>
    public Tensor Coordinate(int axis) => _inputs.select(1, axis);

    /// <summary>The time column, shape (n).</summary>
    public Tensor Time => _hasTime ? _inputs.select(1, _dimension) : throw new InvalidOperationException("the expression uses t, but the problem is steady");

    /// <summary>Normal component n_i, shape (n).</summary>
    public Tensor Normal(int axis) => (_normals ?? throw new InvalidOperationException("the expression uses the normal, which exists on the boundary only")).select(1, axis);

    /// <summary>The derivative of u that <paramref name="w"/> stands for, shape (n).</summary>
    public Tensor Get(Unknown w)
    {
        if (_cache.TryGetValue(w, out var cached)) return cached;
        if (w.TimeOrder > 0 && !_hasTime) throw new InvalidOperationException($"the expression uses {w.Label}, but the problem is steady");
        // Differentiate the derivative one order lower, and keep every component of its gradient.
        int axis = w.TimeOrder > 0 ? _dimension : Enumerable.Range(0, _dimension).First(i => w.SpatialOrders[i] > 0);
        var parent = Lower(w, axis);
        var gradient = Autograd.Gradient(Get(parent), _inputs);
        for (int i = 0; i < _dimension; i++) _cache.TryAdd(parent.DifferentiateSpace(i), gradient.select(1, i));
        if (_hasTime) _cache.TryAdd(parent.DifferentiateTime(), gradient.select(1, _dimension));
        return _cache[w];
    }

    /// <summary>The jet variable with one order less along <paramref name="axis"/> (the time axis is d).</summary>
    private Unknown Lower(Unknown w, int axis)
    {
        var result = w.Base;
        for (int i = 0; i < _dimension; i++)
        {
            for (int k = 0; k < w.SpatialOrders[i] - (i == axis ? 1 : 0); k++) result = result.DifferentiateSpace(i);
        }
        for (int k = 0; k < w.TimeOrder - (axis == _dimension ? 1 : 0); k++) result = result.DifferentiateTime();
        return result;
    }
}
