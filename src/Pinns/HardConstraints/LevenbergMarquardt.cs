using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// Batched Levenberg–Marquardt in float64 for <see cref="LeastSquaresSystem"/>: every sample takes its
/// own damped Gauss–Newton steps (JᵀJ + λ²I + μI) δ = -(Jᵀr + λ²w) on the residual augmented with the
/// ridge rows λw, with its own damping μ (Nielsen's update) and its own stopping test.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Solves every sample of the system; nothing here is recorded for autograd.</summary>
    /// <param name="system">The problems; their terms are used detached.</param>
    /// <param name="initial">Starting weights (batch, N) float64, or null for zeros.</param>
    /// <param name="options">Tolerances, damping and ridge.</param>
    /// <returns>The weights (batch, N), detached, and the per-sample outcome.</returns>
    public static (Tensor Weights, LevenbergMarquardtResult Result) Solve(LeastSquaresSystem system, Tensor? initial, LevenbergMarquardtOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        long batch = system.Batch, n = system.Weights;
        if (initial is not null && (initial.dim() != 2 || initial.shape[0] != batch || initial.shape[1] != n))
            throw new ArgumentException($"initial weights must be ({batch}, {n}), got ({string.Join(", ", initial.shape)})", nameof(initial));

        using var scope = NewDisposeScope();
        var detached = system.Detached();
        double ridge2 = options.Ridge * options.Ridge;
        var w = initial is null ? zeros(batch, n, ScalarType.Float64) : initial.detach().to_type(ScalarType.Float64).clone();
        var eye = torch.eye(n, dtype: ScalarType.Float64).unsqueeze(0);

        (Tensor r, Tensor a, Tensor g, Tensor cost) Evaluate(Tensor weights)
        {
            var (res, jac) = detached.ResidualAndJacobian(weights);
            using var _ = no_grad();
            var jt = jac.transpose(1, 2);
            var normal = jt.bmm(jac).Plus(eye.Times(ridge2));
            var gradient = jt.bmm(res.unsqueeze(-1)).squeeze(-1).Plus(weights.Times(ridge2));
            var c = res.square().sum(1).Plus(weights.square().sum(1).Times(ridge2)).Times(0.5);
            return (res, normal, gradient, c);
        }

        var (r, a, g, cost) = Evaluate(w);
        using var noGrad = no_grad();
        var finite = cost.isfinite() & a.isfinite().all(2).all(1);
        if (!finite.all().item<bool>())
        {
            long sample = (~finite).nonzero()[0][0].item<long>();
            throw new InvalidOperationException($"the constraint rows or their Jacobian are not finite at the starting weights (sample {sample}): " +
                "the equation is not defined for the values the basis gives there (e.g. a power of a negative u); start from other weights or check the problem's coefficients");
        }
        // μ never falls below 1e-12 · max diag(JᵀJ) at the start, which keeps the Cholesky factorisation of
        // JᵀJ + λ²I + μI well defined when JᵀJ is singular (more basis functions than rows).
        var floor = a.diagonal(0, 1, 2).amax(1).Times(1e-12).ClampedBelow(1e-300);
        var mu = a.diagonal(0, 1, 2).amax(1).Times(options.InitialDamping).ClampedBelow(1e-300);
        using Scalar two = 2.0;
        var nu = full(batch, two, ScalarType.Float64);
        var converged = zeros(batch, ScalarType.Bool);
        var stalled = zeros(batch, ScalarType.Bool);
        var iterations = zeros(batch, ScalarType.Int32);

        for (int it = 0; it < options.MaxIterations; it++)
        {
            converged = converged | g.abs().amax(1).IsAtMost(options.GradientTolerance) | cost.IsAtMost(options.CostTolerance);
            var active = (~converged) & (~stalled);
            if (!active.any().item<bool>()) break;
            iterations = iterations.Plus(active.to_type(ScalarType.Int32));

            var step = DenseSolve.Spd(a.Plus(mu.view(-1, 1, 1) * eye), -g);
            var wTry = w.Plus(step);
            var (rTry, aTry, gTry, costTry) = Evaluate(wTry);
            // Predicted decrease of the quadratic model: ½ δ·(μδ - g) ≥ 0.
            var predicted = (step * (mu.unsqueeze(1) * step).Minus(g)).sum(1).Times(0.5);
            var rho = cost.Minus(costTry) / predicted;
            var accept = active & rho.IsGreaterThan(0) & costTry.isfinite() & predicted.IsGreaterThan(0);
            var acceptColumn = accept.unsqueeze(1);

            w = where(acceptColumn, wTry, w);
            r = where(acceptColumn, rTry, r);
            g = where(acceptColumn, gTry, g);
            a = where(accept.view(-1, 1, 1), aTry, a);
            cost = where(accept, costTry, cost);

            var shrink = rho.Times(2).Minus(1).Power(3).SubtractedFrom(1).ClampedBelow(1.0 / 3);
            var rejected = active & ~accept;
            mu = maximum(where(accept, mu * shrink, where(rejected, mu * nu, mu)), floor);
            nu = where(accept, full_like(nu, two), where(rejected, nu.Times(2), nu));

            var stepNorm = step.square().sum(1).sqrt();
            // A trial step below the step tolerance (accepted or not) means w is resolved: rejected steps
            // shrink fast as μ grows, so a sample at the floating-point floor of its cost stops here.
            var small = active & (stepNorm <= w.square().sum(1).sqrt().Plus(options.StepTolerance).Times(options.StepTolerance));
            converged = converged | small;
            stalled = stalled | mu.IsGreaterThan(1e200) | ~mu.isfinite();
        }
        converged = converged | g.abs().amax(1).IsAtMost(options.GradientTolerance) | cost.IsAtMost(options.CostTolerance);

        var result = new LevenbergMarquardtResult(
            iterations.data<int>().ToArray(),
            cost.data<double>().ToArray(),
            r.abs().amax(1).data<double>().ToArray(),
            converged.data<bool>().ToArray());
        return (w.MoveToOuterDisposeScope(), result);
    }

    /// <summary>
    /// A fixed number of damped Gauss–Newton steps with the whole computation kept in the autograd
    /// graph, so that the gradient flows through the iterations (the unrolled gradient, for checks
    /// of the implicit one; costly in memory).
    /// </summary>
    internal static Tensor SolveUnrolled(LeastSquaresSystem system, Tensor initial, int iterations, double damping, double ridge)
    {
        var w = initial;
        var eye = torch.eye(system.Weights, dtype: ScalarType.Float64).unsqueeze(0);
        double ridge2 = ridge * ridge;
        for (int it = 0; it < iterations; it++)
        {
            var (r, j) = system.ResidualAndJacobian(w, createGraph: true);
            var jt = j.transpose(1, 2);
            var normal = jt.bmm(j).Plus(eye.Times(ridge2 + damping));
            var gradient = jt.bmm(r.unsqueeze(-1)).squeeze(-1).Plus(w.Times(ridge2));
            w = w.Plus(DenseSolve.General(normal, -gradient));
        }
        return w;
    }
}
