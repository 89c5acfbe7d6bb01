using PdeNet.Neural;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The PINN's loss terms: "pde", the mean squared PDE residual over the interior points; "boundary", the
/// mean squared residual of the boundary conditions over the boundary points; "initial" (evolution
/// problems), the mean squared initial mismatch; "data", the mean squared misfit to the observations.
/// Residuals come from the problem's symbolic equation and conditions, derivatives from autograd, and
/// parameters being fitted from their trainable tensors. A <see cref="PdeNet.Neural.Training.Weighting.LossBalancer"/>
/// weighs the terms.
/// </summary>
internal sealed class PinnLoss : IDisposable
{
    private readonly Problem _problem;
    private readonly Expr _residual;
    private readonly Expr? _initial;
    private readonly Unknown _unknown;
    private readonly IReadOnlyDictionary<string, Tensor> _trainable;
    private readonly Tensor? _observed;
    private readonly Tensor? _values;

    /// <summary>The loss of <paramref name="problem"/> with the observations of <paramref name="options"/>, in precision <paramref name="dtype"/>.</summary>
    public PinnLoss(Problem problem, PinnOptions options, IReadOnlyDictionary<string, Tensor> trainable, ScalarType dtype)
    {
        _problem = problem;
        _residual = Lowering.Lower(problem.Equation!.Residual, problem.Dimension);
        _initial = problem.IsTimeDependent && problem.Initial is not null ? Lowering.Lower(problem.Initial.Value, problem.Dimension) : null;
        _unknown = problem.Unknown;
        _trainable = trainable;
        if (options.Observations is { } data)
        {
            int columns = problem.Dimension + (problem.IsTimeDependent ? 1 : 0);
            _observed = tensor(data.Points, [data.Count, columns], dtype);
            _values = tensor(data.Values, [data.Count], dtype);
        }
    }

    /// <summary>The loss terms at the current parameters, each a scalar tensor: "pde", "boundary", "initial", "data".</summary>
    public IReadOnlyDictionary<string, Tensor> Terms(PinnNetwork network, CollocationSet points)
    {
        var terms = new Dictionary<string, Tensor> { ["pde"] = InteriorResidual(network, points.Interior).square().mean() };
        if (points.BoundaryCount > 0)
        {
            var squares = points.Boundary.Select(g => Residual(network, g.Points, g.Normals, g.Residual).square().sum())
                .Concat(points.Periodic.Select(g => Mismatch(network, g)))
                .ToArray();
            if (squares.Length > 0) terms["boundary"] = squares.Skip(1).Aggregate(squares[0], (a, b) => a.Plus(b)).DividedBy(points.BoundaryCount);
        }
        if (points.Initial is not null && _initial is not null)
        {
            var u = network.Forward(points.Initial);
            var jet = new TensorJet(points.Initial, u, _unknown, _problem.Dimension, true, null);
            var target = new TensorEvaluator(jet, _problem.ValueOf, network.DType, _trainable).Evaluate(_initial);
            terms["initial"] = u.Minus(target).square().mean();
        }
        if (_observed is not null) terms["data"] = network.Forward(_observed).Minus(_values!).square().mean();
        return terms;
    }

    /// <summary>The PDE residual at interior points (which must require gradients), shape (n).</summary>
    public Tensor InteriorResidual(PinnNetwork network, Tensor points) => Residual(network, points, null, _residual);

    /// <summary>Σ (u(x) - u(x + s))² (+ (∂u/∂n(x) - ∇u(x + s)·n(x))² when fluxes must match) over a periodic group.</summary>
    private Tensor Mismatch(PinnNetwork network, CollocationSet.PeriodicGroup group)
    {
        var a = network.Forward(group.Points);
        var b = network.Forward(group.Images);
        var sum = a.Minus(b).square().sum();
        if (!group.MatchFlux) return sum;
        int d = _problem.Dimension;
        var ga = PdeNet.Neural.Autograd.Gradient(a, group.Points).narrow(1, 0, d);
        var gb = PdeNet.Neural.Autograd.Gradient(b, group.Images).narrow(1, 0, d);
        return sum.Plus((ga.Minus(gb) * group.Normals).sum(1).square().sum());
    }

    private Tensor Residual(PinnNetwork network, Tensor points, Tensor? normals, Expr residual)
    {
        var u = network.Forward(points);
        var jet = new TensorJet(points, u, _unknown, _problem.Dimension, _problem.IsTimeDependent, normals);
        var value = new TensorEvaluator(jet, _problem.ValueOf, network.DType, _trainable).Evaluate(residual);
        return value.dim() == 0 ? value.expand(points.shape[0]) : value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _observed?.Dispose();
        _values?.Dispose();
    }
}
