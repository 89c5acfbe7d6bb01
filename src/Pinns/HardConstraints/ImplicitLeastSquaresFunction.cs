using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The custom autograd function w*(T): its forward returns a least-squares solution computed
/// beforehand; its backward differentiates the optimality condition G(w*, T) = ∇_w f(w*, T) = 0,
/// f = ½‖r‖² + ½λ²‖w‖², by the implicit function theorem: with H = ∂G/∂w (the full Hessian of f,
/// second-order residual terms included) and ḡ = ∂L/∂w*, it solves Hξ = ḡ and returns
/// ∂L/∂T = -∂(ξ·G)/∂T. The solver's iterations are never differentiated.
/// </summary>
internal sealed class ImplicitLeastSquaresFunction : autograd.SingleTensorFunction<ImplicitLeastSquaresFunction>
{
    /// <summary>What the forward pass needs besides the term tensors.</summary>
    internal sealed record Problem(LeastSquaresSystem System, Tensor Solution, double Ridge);

    [ThreadStatic]
    private static Problem? _pending;

    /// <inheritdoc/>
    public override string Name => nameof(ImplicitLeastSquaresFunction);

    /// <summary>w* with a graph to the system's terms; <paramref name="solution"/> must solve the system.</summary>
    /// <param name="system">The system whose terms carry the graph to the basis network.</param>
    /// <param name="solution">Its solution (batch, N), from <see cref="LevenbergMarquardt.Solve"/>.</param>
    /// <param name="ridge">λ of the ridge rows the solution was computed with.</param>
    internal static Tensor Apply(LeastSquaresSystem system, Tensor solution, double ridge)
    {
        // TorchSharp expects one gradient per argument, so everything passed is a tensor; the system
        // and the ridge reach forward through a thread-local slot (forward runs inside apply, on this thread).
        _pending = new Problem(system, solution, ridge);
        try
        {
            var args = new List<object> { solution.detach() };
            args.AddRange(system.Terms);
            return apply(args.ToArray());
        }
        finally
        {
            _pending = null;
        }
    }

    /// <inheritdoc/>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var problem = _pending ?? throw new InvalidOperationException("call ImplicitLeastSquaresFunction.Apply, not apply");
        var terms = vars.Skip(1).Cast<Tensor>().Select(t => t.detach()).ToList();
        ctx.save_for_backward(terms.Append(problem.Solution.detach()).ToList());
        ctx.save_data("system", problem.System);
        ctx.save_data("ridge", problem.Ridge);
        return problem.Solution.detach().clone();
    }

    /// <inheritdoc/>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        var template = (LeastSquaresSystem)ctx.get_data("system");
        double ridge = (double)ctx.get_data("ridge");
        var solution = saved[^1];
        var terms = saved.Take(saved.Count - 1).Select(t => t.detach().requires_grad_(true)).ToArray();
        using (enable_grad())
        {
            var system = template.WithTerms(terms);
            var w = solution.detach().clone().requires_grad_(true);
            var r = system.Residual(w);
            var f = r.square().sum().Times(0.5).Plus(w.square().sum().Times(0.5 * ridge * ridge));
            var optimality = autograd.grad([f], [w], create_graph: true, retain_graph: true)[0];
            long n = w.shape[1];
            var rows = new Tensor[n];
            for (long k = 0; k < n; k++)
                rows[k] = autograd.grad([optimality.select(1, k).sum()], [w], retain_graph: true)[0];
            var hessian = stack(rows, 1);
            var xi = DenseSolve.General(hessian, grad_output.to_type(ScalarType.Float64)).detach();
            // 0·ΣT keeps every term in the graph: a residual may ignore a term (a zero reaction ignores u).
            var objective = (optimality * xi).sum();
            foreach (var t in terms) objective = objective.Plus(t.sum().Times(0.0));
            var grads = autograd.grad([objective], terms);
            return grads.Select(g => -g.detach()).Prepend(zeros_like(solution)).ToList();
        }
    }
}
