namespace PdeNet.Reporting.Plots;

/// <summary>
/// The interval of values [Min, Max] that a colormap spans, in the unit of the plotted field.
/// Values below Min take the first colour, values above Max the last.
/// </summary>
public sealed record ColourRange
{
    /// <summary>Creates a range; both ends must be finite and <paramref name="min"/> below <paramref name="max"/>.</summary>
    public ColourRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
            throw new ArgumentException($"a colour range needs finite ends with min < max, got [{min}, {max}]");
        Min = min;
        Max = max;
    }

    /// <summary>Value drawn with the first colour of the colormap.</summary>
    public double Min { get; }

    /// <summary>Value drawn with the last colour of the colormap.</summary>
    public double Max { get; }

    /// <summary>
    /// The smallest range holding every finite value of <paramref name="values"/> (NaN and
    /// infinities are skipped). A constant set of values v gets a small range around v.
    /// </summary>
    /// <exception cref="ArgumentException">No value is finite.</exception>
    public static ColourRange Of(IEnumerable<double> values)
    {
        var (min, max) = FiniteExtent(values);
        return Around(min, max);
    }

    /// <summary>Smallest and largest finite value; throws when there is none.</summary>
    internal static (double Min, double Max) FiniteExtent(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min > max) throw new ArgumentException("there is no finite value to take a colour range from", nameof(values));
        return (min, max);
    }

    /// <summary>[min, max], widened around its centre when it is a single point.</summary>
    internal static ColourRange Around(double min, double max)
    {
        if (min < max) return new ColourRange(min, max);
        double pad = min == 0 ? 1 : Math.Abs(min) * 0.05;
        return new ColourRange(min - pad, max + pad);
    }

    /// <summary>The smallest range holding both ranges.</summary>
    public ColourRange Union(ColourRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));

    /// <inheritdoc/>
    public override string ToString() => $"[{Min:G6}, {Max:G6}]";
}
