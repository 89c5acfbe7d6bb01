using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The PINN loss: the mean squared PDE residual over the interior points, plus the weighted mean
/// squared residual of the boundary conditions over the boundary points, plus (for evolution
/// problems) the weighted mean squared initial mismatch. Residuals come from the problem's
/// symbolic equation and conditions, derivatives from autograd.
/// </summary>
internal sealed class PinnLoss(Problem problem, PinnOptions options)
{
    private readonly Expr _residual = Lowering.Lower(problem.Equation!.Residual, problem.Dimension);
    private readonly Expr? _initial = problem.IsTimeDependent && problem.Initial is not null ? Lowering.Lower(problem.Initial.Value, problem.Dimension) : null;
    private readonly Unknown _unknown = problem.Unknown;

    /// <summary>The loss terms at the current parameters, each a scalar tensor: "pde", "boundary", "initial".</summary>
    public IReadOnlyDictionary<string, Tensor> Terms(PinnNetwork network, CollocationSet points)
    {
        var terms = new Dictionary<string, Tensor> { ["pde"] = Residual(network, points.Interior, null, _residual).square().mean() };
        if (points.BoundaryCount > 0)
        {
            var squares = points.Boundary.Select(g => Residual(network, g.Points, g.Normals, g.Residual).square().sum())
                .Concat(points.Periodic.Select(g => Mismatch(network, g)))
                .ToArray();
            if (squares.Length > 0) terms["boundary"] = squares.Skip(1).Aggregate(squares[0], (a, b) => a + b) / points.BoundaryCount;
        }
        if (points.Initial is not null && _initial is not null)
        {
            var u = network.Forward(points.Initial);
            var jet = new TensorJet(points.Initial, u, _unknown, problem.Dimension, true, null);
            var target = new TensorEvaluator(jet, problem.ValueOf, network.DType).Evaluate(_initial);
            terms["initial"] = (u - target).square().mean();
        }
        return terms;
    }

    /// <summary>The weighted sum of the terms.</summary>
    public Tensor Total(IReadOnlyDictionary<string, Tensor> terms)
    {
        var total = terms["pde"];
        if (terms.TryGetValue("boundary", out var boundary)) total = total + options.BoundaryWeight * boundary;
        if (terms.TryGetValue("initial", out var initial)) total = total + options.InitialWeight * initial;
        return total;
    }

    /// <summary>Σ (u(x) - u(x + s))² (+ (∂u/∂n(x) - ∇u(x + s)·n(x))² when fluxes must match) over a periodic group.</summary>
    private Tensor Mismatch(PinnNetwork network, CollocationSet.PeriodicGroup group)
    {
        var a = network.Forward(group.Points);
        var b = network.Forward(group.Images);
        var sum = (a - b).square().sum();
        if (!group.MatchFlux) return sum;
        int d = problem.Dimension;
        var ga = PdeNet.Neural.Autograd.Gradient(a, group.Points).narrow(1, 0, d);
        var gb = PdeNet.Neural.Autograd.Gradient(b, group.Images).narrow(1, 0, d);
        return sum + ((ga - gb) * group.Normals).sum(1).square().sum();
    }

    private Tensor Residual(PinnNetwork network, Tensor points, Tensor? normals, Expr residual)
    {
        var u = network.Forward(points);
        var jet = new TensorJet(points, u, _unknown, problem.Dimension, problem.IsTimeDependent, normals);
        var value = new TensorEvaluator(jet, problem.ValueOf, network.DType).Evaluate(residual);
        return value.dim() == 0 ? value.expand(points.shape[0]) : value;
    }
}
