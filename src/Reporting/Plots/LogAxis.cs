using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A logarithmic axis drawn on a linear one: data are plotted as log10(v), and the ticks sit at
/// log10 of round values and are labelled with the values themselves.
/// </summary>
internal static class LogAxis
{
    /// <summary>Axis limits (log10 units) around data spanning [<paramref name="minLog"/>, <paramref name="maxLog"/>], with a small margin.</summary>
    public static (double Low, double High) Limits(double minLog, double maxLog)
    {
        double margin = 0.05 * Math.Max(maxLog - minLog, 0.2);
        return (minLog - margin, maxLog + margin);
    }

    /// <summary>
    /// Ticks for the axis range [<paramref name="low"/>, <paramref name="high"/>] (log10 units),
    /// from the first of these that labels enough ticks: decades (every k-th when there are
    /// many, with minor ticks between), 1, 2 and 5 times powers of ten, every integer multiple
    /// of powers of ten, and for a narrow range evenly spaced round values.
    /// </summary>
    public static Tick[] Ticks(double low, double high)
    {
        var candidates = new Func<double, double, List<Tick>>[] { Decades, (a, b) => Multiples(a, b, [1, 2, 5]), (a, b) => Multiples(a, b, [1, 2, 3, 4, 5, 6, 7, 8, 9]) };
        foreach (var candidate in candidates)
        {
            var ticks = candidate(low, high).Where(t => t.Position >= low && t.Position <= high).ToArray();
            if (ticks.Count(t => t.IsMajor) >= 3) return ticks;
        }
        return RoundValues(low, high);
    }

    private static List<Tick> Decades(double low, double high)
    {
        int first = (int)Math.Ceiling(low), last = (int)Math.Floor(high);
        int stride = Math.Max(1, (int)Math.Ceiling((last - first + 1) / 8.0));
        var ticks = new List<Tick>();
        for (int k = first - 1; k <= last; k++)
        {
            ticks.Add(Mod(k, stride) == 0 ? Tick.Major(k, TickLabels.Decade(k)) : Tick.Minor(k));
            if (stride == 1)
            {
                for (int m = 2; m <= 9; m++) ticks.Add(Tick.Minor(k + Math.Log10(m)));
            }
        }
        return ticks;
    }

    private static List<Tick> Multiples(double low, double high, int[] labelled)
    {
        var ticks = new List<Tick>();
        for (int k = (int)Math.Floor(low); k <= (int)Math.Ceiling(high); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double position = k + Math.Log10(m);
                ticks.Add(labelled.Contains(m) ? Tick.Major(position, Multiple(m, k)) : Tick.Minor(position));
            }
        }
        return ticks;
    }

    /// <summary>About five evenly spaced values of 1, 2 or 5 times a power of ten, for ranges narrower than a factor of 3.</summary>
    private static Tick[] RoundValues(double low, double high)
    {
        double from = Math.Pow(10, low), to = Math.Pow(10, high);
        double raw = (to - from) / 5, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw * 0.999);
        int digits = Math.Max(0, -(int)Math.Floor(Math.Log10(step)) + 1);
        var ticks = new List<Tick>();
        for (double i = Math.Ceiling(from / step); i * step <= to; i++)
        {
            double value = Math.Round(i * step, Math.Min(digits, 15));
            if (value > 0) ticks.Add(Tick.Major(Math.Log10(value), TickLabels.Value(value)));
        }
        return [.. ticks];
    }

    private static string Multiple(int mantissa, int exponent) => TickLabels.Value(mantissa * Math.Pow(10, exponent));

    private static int Mod(int a, int b) => ((a % b) + b) % b;
}
