namespace PdeNet.Neural.Optimization;

/// <summary>
/// A line search for a step α along a descent direction d that satisfies the strong Wolfe
/// conditions f(x + αd) ≤ f(x) + c1 α ∇f·d and |∇f(x + αd)·d| ≤ c2 |∇f(x)·d| (Nocedal &amp; Wright,
/// Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6), with safeguarded cubic
/// interpolation for the trial steps. A NaN or infinite value counts as too large a step.
/// </summary>
internal sealed class StrongWolfeLineSearch(LbfgsOptions options)
{
    /// <summary>The outcome: the accepted step, f and ∇f there (in the given buffers), evaluations used.</summary>
    public readonly record struct Outcome(double Step, double Value, double Slope, int Evaluations, bool Satisfied);

    /// <summary>
    /// Searches along the direction that <paramref name="trial"/> evaluates. On return the last call
    /// of <paramref name="trial"/> was at the returned step, so its gradient buffer holds ∇f there.
    /// </summary>
    /// <param name="trial">Evaluates f and ∇f at x + α d; returns (f, ∇f·d) and leaves ∇f in its gradient buffer.</param>
    /// <param name="value">f(x).</param>
    /// <param name="slope">∇f(x)·d, negative.</param>
    /// <param name="step">The first trial step.</param>
    /// <param name="budget">Evaluations allowed.</param>
    public Outcome Search(Func<double, (double Value, double Slope)> trial, double value, double slope, double step, int budget)
    {
        double c1 = options.SufficientDecrease, c2 = options.Curvature;
        double previousStep = 0, previousValue = value, previousSlope = slope;
        int evaluations = 0;
        int limit = Math.Min(options.MaxLineSearchSteps, budget);
        while (evaluations < limit)
        {
            var (f, g) = trial(step);
            evaluations++;
            if (!double.IsFinite(f) || !double.IsFinite(g) || f > value + c1 * step * slope || (evaluations > 1 && f >= previousValue))
                return Zoom(trial, value, slope, previousStep, previousValue, previousSlope, step, double.IsFinite(f) ? f : double.PositiveInfinity, g, evaluations, limit);
            if (Math.Abs(g) <= -c2 * slope) return new Outcome(step, f, g, evaluations, true);
            if (g >= 0) return Zoom(trial, value, slope, step, f, g, previousStep, previousValue, previousSlope, evaluations, limit);
            double next = Cubic(previousStep, previousValue, previousSlope, step, f, g, step + 0.01 * (step - previousStep), step * 10);
            (previousStep, previousValue, previousSlope) = (step, f, g);
            step = next;
        }
        // Out of trials while extending: return the last step that passed, evaluated once more so the
        // caller's gradient belongs to it.
        if (previousStep != 0)
        {
            trial(previousStep);
            evaluations++;
        }
        return new Outcome(previousStep, previousValue, previousSlope, evaluations, false);
    }

    private Outcome Zoom(Func<double, (double Value, double Slope)> trial, double value, double slope,
        double low, double lowValue, double lowSlope, double high, double highValue, double highSlope, int evaluations, int limit)
    {
        double c1 = options.SufficientDecrease, c2 = options.Curvature;
        while (evaluations < limit)
        {
            double width = Math.Abs(high - low);
            if (width < 1e-16 * Math.Max(1, Math.Abs(low))) break;
            double lo = Math.Min(low, high), hi = Math.Max(low, high);
            double step = double.IsFinite(highValue) && double.IsFinite(highSlope)
                ? Cubic(low, lowValue, lowSlope, high, highValue, highSlope, lo + 0.1 * width, hi - 0.1 * width)
                : (low + high) / 2;
            var (f, g) = trial(step);
            evaluations++;
            if (!double.IsFinite(f) || f > value + c1 * step * slope || f >= lowValue)
            {
                (high, highValue, highSlope) = (step, double.IsFinite(f) ? f : double.PositiveInfinity, g);
                continue;
            }
            if (Math.Abs(g) <= -c2 * slope) return new Outcome(step, f, g, evaluations, true);
            if (g * (high - low) >= 0) (high, highValue, highSlope) = (low, lowValue, lowSlope);
            (low, lowValue, lowSlope) = (step, f, g);
        }
        // Out of trials: settle for the best point seen, which satisfies sufficient decrease (or is the start).
        if (low != 0 && lowValue < value) trial(low);
        return new Outcome(low, lowValue, lowSlope, evaluations + (low != 0 && lowValue < value ? 1 : 0), false);
    }

    /// <summary>The minimiser of the cubic through (a, fa, ga) and (b, fb, gb), clamped to [lo, hi]; the middle when there is none.</summary>
    private static double Cubic(double a, double fa, double ga, double b, double fb, double gb, double lo, double hi)
    {
        if (lo > hi) (lo, hi) = (hi, lo);
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double square = d1 * d1 - ga * gb;
        if (square >= 0 && a != b)
        {
            double d2 = Math.Sqrt(square) * Math.Sign(b - a);
            double minimum = b - (b - a) * ((gb + d2 - d1) / (gb - ga + 2 * d2));
            if (double.IsFinite(minimum)) return Math.Clamp(minimum, lo, hi);
        }
        return (lo + hi) / 2;
    }
}
