using ScottPlot;
using SkiaSharp;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// Text styling shared by every plot: one embedded typeface (DejaVu Sans), so that titles and
/// labels are drawn the same on every machine, including ones with no font installed (where
/// ScottPlot's system font lookup finds nothing and text silently disappears).
/// </summary>
internal static class PlotText
{
    /// <summary>Name under which the embedded typeface is known to ScottPlot.</summary>
    public const string FontName = "PdeNet DejaVu Sans";

    /// <summary>Size of plot titles, in pixels.</summary>
    public const float TitleSize = 16;

    /// <summary>Size of axis labels, in pixels.</summary>
    public const float LabelSize = 14;

    /// <summary>Size of tick labels and legend entries, in pixels.</summary>
    public const float TickSize = 12;

    private static readonly Lazy<SKTypeface> Typeface = new(Load);
    private static readonly Lazy<bool> Registration = new(Register);

    /// <summary>Gives every text element of <paramref name="plot"/> (title, axes, colour bars, legend) the embedded typeface.</summary>
    public static void Apply(Plot plot)
    {
        _ = Registration.Value;
        Style(plot.Axes.Title.Label, TitleSize);
        foreach (var axis in plot.Axes.GetAxes()) StyleAxis(axis);
        foreach (var bar in plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>()) StyleAxis(bar.Axis);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = TickSize;
    }

    private static void StyleAxis(IAxis axis)
    {
        Style(axis.Label, LabelSize);
        Style(axis.TickLabelStyle, TickSize);
    }

    private static void Style(LabelStyle label, float size)
    {
        label.FontName = FontName;
        label.Font = Typeface.Value;
        label.FontSize = size;
        label.Bold = false;
    }

    private static SKTypeface Load()
    {
        const string resource = "PdeNet.Reporting.Plots.Fonts.DejaVuSans.ttf";
        using var stream = typeof(PlotText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the plot font resource '{resource}' is missing from {typeof(PlotText).Assembly.GetName().Name}");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the plot font resource '{resource}' is not a readable font");
    }

    private static bool Register()
    {
        // Legend entries are styled by font name only, so ScottPlot must be able to resolve it.
        lock (Fonts.FontResolvers) Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    }

    /// <summary>Resolves <see cref="FontName"/>, in any weight or slant, to the embedded typeface.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == FontName ? Typeface.Value : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == FontName ? Typeface.Value : null;
    }
}
