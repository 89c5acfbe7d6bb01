using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>How values become colours: a colormap and the value range it spans.</summary>
/// <param name="Colormap">The colormap; its first colour is drawn at <c>Range.Min</c>.</param>
/// <param name="Range">The values at the two ends of the colormap.</param>
public sealed record ColourScale(IColormap Colormap, ColourRange Range)
{
    /// <summary>The default scale for values of a quantity: Viridis over the range of <paramref name="values"/>.</summary>
    public static ColourScale ForValues(IEnumerable<double> values) => new(new ScottPlot.Colormaps.Viridis(), ColourRange.Of(values));

    /// <summary>
    /// The default scale for pointwise errors, chosen by their sign: Inferno over [0, max] when
    /// no finite value is negative, else the diverging Balance map over [-m, m] with m the
    /// largest magnitude, so that zero error is the neutral middle colour.
    /// </summary>
    public static ColourScale ForErrors(IEnumerable<double> errors)
    {
        var (min, max) = ColourRange.FiniteExtent(errors);
        if (min >= 0) return new(new ScottPlot.Colormaps.Inferno(), new ColourRange(0, max > 0 ? max : 1));
        double m = Math.Max(-min, Math.Abs(max));
        return new(new ScottPlot.Colormaps.Balance(), new ColourRange(-m, m));
    }

    /// <summary>The default scale for <paramref name="role"/>.</summary>
    public static ColourScale For(FieldRole role, IEnumerable<double> values) => role switch
    {
        FieldRole.Value => ForValues(values),
        FieldRole.Error => ForErrors(values),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown field role"),
    };
}
