namespace PdeNet.Neural.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.5) with a strong-Wolfe line search: the
/// search direction comes from the two-loop recursion over the last m correction pairs with the
/// initial Hessian scaled by sᵀy / yᵀy; pairs that break the curvature condition are skipped.
/// Works in double precision on a flat vector of variables.
/// </summary>
public sealed class Lbfgs(LbfgsOptions? options = null)
{
    /// <summary>The options.</summary>
    public LbfgsOptions Options { get; } = (options ?? new LbfgsOptions()).Validate();

    /// <summary>Minimises <paramref name="function"/> from <paramref name="x"/>, which holds the result on return.</summary>
    /// <param name="function">f and ∇f.</param>
    /// <param name="x">Start point on entry, final point on return.</param>
    /// <param name="onIteration">Called after each iteration with (iteration, f); may be null.</param>
    /// <param name="cancellation">Stops between iterations.</param>
    public LbfgsResult Minimize(IDifferentiableFunction function, double[] x, Action<int, double>? onIteration = null, CancellationToken cancellation = default)
    {
        int n = function.Dimension;
        if (x.Length != n) throw new ArgumentException($"the start point has {x.Length} entries; the function has {n} variables", nameof(x));
        var gradient = new double[n];
        var direction = new double[n];
        var trialPoint = new double[n];
        var trialGradient = new double[n];
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var alpha = new double[Options.History];
        double value = function.Evaluate(x, gradient);
        int evaluations = 1;
        if (!double.IsFinite(value)) return new LbfgsResult(value, 0, evaluations, $"f is {value} at the start point", false);
        if (MaxAbs(gradient) <= Options.GradientTolerance) return new LbfgsResult(value, 0, evaluations, "the gradient is already below the tolerance", true);
        var search = new StrongWolfeLineSearch(Options);

        for (int iteration = 1; iteration <= Options.MaxIterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            // Two-loop recursion: direction = -H ∇f.
            for (int i = 0; i < n; i++) direction[i] = -gradient[i];
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }
            double gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1;
            for (int i = 0; i < n; i++) direction[i] *= gamma;
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }
            double slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (round-off): restart from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                for (int i = 0; i < n; i++) direction[i] = -gradient[i];
                slope = -Dot(gradient, gradient);
            }
            double firstStep = iteration == 1 ? Math.Min(1, 1 / SumAbs(gradient)) * Options.FirstStep : 1;
            var outcome = search.Search(step =>
            {
                for (int i = 0; i < n; i++) trialPoint[i] = x[i] + step * direction[i];
                double f = function.Evaluate(trialPoint, trialGradient);
                return (f, Dot(trialGradient, direction));
            }, value, slope, firstStep, Options.EvaluationLimit - evaluations);
            evaluations += outcome.Evaluations;
            if (outcome.Step == 0)
                return new LbfgsResult(value, iteration - 1, evaluations, "the line search found no step that decreases f", false);

            // trialGradient holds ∇f at the accepted step (the last point the search evaluated).
            var step = new double[n];
            var change = new double[n];
            for (int i = 0; i < n; i++)
            {
                step[i] = outcome.Step * direction[i];
                x[i] += step[i];
                change[i] = trialGradient[i] - gradient[i];
                gradient[i] = trialGradient[i];
            }
            double previous = value;
            value = outcome.Value;
            double curvature = Dot(step, change);
            if (curvature > 1e-10 * Math.Sqrt(Dot(step, step) * Dot(change, change)))
            {
                if (s.Count == Options.History)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }
                s.Add(step);
                y.Add(change);
                rho.Add(1 / curvature);
            }
            onIteration?.Invoke(iteration, value);
            if (MaxAbs(gradient) <= Options.GradientTolerance) return new LbfgsResult(value, iteration, evaluations, "gradient below the tolerance", true);
            if (Math.Abs(value - previous) <= Options.ChangeTolerance * Math.Max(1, Math.Abs(value)))
                return new LbfgsResult(value, iteration, evaluations, "f changed less than the tolerance", true);
            if (evaluations >= Options.EvaluationLimit)
                return new LbfgsResult(value, iteration, evaluations, $"reached {Options.EvaluationLimit} evaluations", false);
        }
        return new LbfgsResult(value, Options.MaxIterations, evaluations, $"reached {Options.MaxIterations} iterations", false);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] a) => a.Max(Math.Abs);

    private static double SumAbs(double[] a) => a.Sum(Math.Abs);
}
