using PdeNet.Core.Problems;
using PdeNet.Core.Solving;

namespace PdeNet.Solvers.Evolution;

/// <summary>
/// The outer loop every grid solver shares: from one output time to the next, in a number of
/// equal steps chosen at the start of each interval (so a step size limit that depends on the
/// current state is respected), recording the state at each output time.
/// </summary>
internal static class TimeMarching
{
    /// <summary>The output times t0 + k (t1 - t0)/S, k = 0 … S, the last one exactly t1.</summary>
    public static double[] OutputTimes(TimeInterval interval, int intervals) =>
        Enumerable.Range(0, intervals + 1).Select(k => k == intervals ? interval.End : interval.Start + k * interval.Length / intervals).ToArray();

    /// <summary>Runs the loop and returns the number of steps taken.</summary>
    /// <param name="times">Output times, increasing; the state is at times[0] on entry and is recorded there first.</param>
    /// <param name="steps">The number of equal steps for an interval of the given length (at least 1).</param>
    /// <param name="advance">Advances the state from t by dt.</param>
    /// <param name="record">Stores the state as output k.</param>
    /// <param name="progress">Receives one report per interval; may be null.</param>
    /// <param name="cancellation">Checked once per interval.</param>
    /// <param name="stage">The stage name in the progress reports.</param>
    public static long Run(IReadOnlyList<double> times, Func<double, int> steps, Action<double, double> advance, Action<int> record,
        IProgress<SolverProgress>? progress, CancellationToken cancellation, string stage)
    {
        long total = 0;
        record(0);
        for (int k = 1; k < times.Count; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            double start = times[k - 1], length = times[k] - start;
            int m = steps(length);
            if (m < 1) throw new InvalidOperationException($"an interval needs at least one step, got {m}");
            double dt = length / m;
            for (int s = 0; s < m; s++) advance(start + s * dt, dt);
            total += m;
            record(k);
            progress?.Report(new SolverProgress(stage, k, times.Count - 1, new Dictionary<string, double> { ["t"] = times[k], ["dt"] = dt }));
        }
        return total;
    }

    /// <summary>The number of equal steps of at most <paramref name="maxStep"/> that fill <paramref name="length"/>.</summary>
    public static int StepsFor(double length, double maxStep)
    {
        if (!(maxStep > 0)) throw new ArgumentOutOfRangeException(nameof(maxStep), maxStep, "the step limit must be positive");
        double count = Math.Ceiling(length / maxStep * (1 - 1e-12));
        if (count > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(maxStep), maxStep, "the step limit is far too small for the interval");
        return Math.Max(1, (int)count);
    }
}
