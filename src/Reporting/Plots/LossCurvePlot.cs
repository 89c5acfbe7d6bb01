using PdeNet.Core.Solving;
using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// The series of a training history (total loss, loss terms, learning rate, metrics) against
/// the step, as a PNG line plot with a legend and, by default, a logarithmic value axis.
/// </summary>
public static class LossCurvePlot
{
    /// <summary>Writes the loss curves of <paramref name="history"/> to <paramref name="path"/> (PNG), atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="history">A history with at least one logged step.</param>
    /// <param name="options">Size, text, series and scale; null for the defaults.</param>
    /// <exception cref="ArgumentException">The history is empty, or on a log axis no value is positive.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, TrainingHistory history, LossCurveOptions? options = null)
    {
        options ??= new LossCurveOptions();
        if (history.Count == 0) throw new ArgumentException("the training history is empty: log at least one step before plotting it", nameof(history));
        if (options.Width < 1 || options.Height < 1) throw new ArgumentOutOfRangeException(nameof(options), $"the image size must be positive, got {options.Width} x {options.Height}");
        var names = options.Series ?? history.Names;
        if (names.Count == 0) throw new ArgumentException("no series chosen to plot", nameof(options));
        var curves = names.Select(name => Curve(name, history, options.LogScale)).ToArray();
        var plotted = curves.SelectMany(c => c.Points).Select(p => p.Y).ToArray();
        if (plotted.Length == 0)
            throw new ArgumentException(options.LogScale
                ? $"no series of the training history has a positive value to show on a log axis ({string.Join(", ", names)})"
                : $"no series of the training history has a finite value ({string.Join(", ", names)})", nameof(history));

        PngFile.Write(path, () =>
        {
            using var plot = Build(history, options, curves, plotted.Min(), plotted.Max());
            return plot.GetImage(options.Width, options.Height);
        });
    }

    /// <summary>One series as plot points: (step, value or log10 value), unshowable values dropped.</summary>
    private sealed record SeriesCurve(string Label, IReadOnlyList<Coordinates> Points, int[] Breaks);

    private static SeriesCurve Curve(string name, TrainingHistory history, bool log)
    {
        var values = history[name];
        var points = new List<Coordinates>();
        var breaks = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            bool shown = log ? v > 0 && double.IsFinite(v) : double.IsFinite(v);
            if (!shown)
            {
                if (points.Count > 0 && (breaks.Count == 0 || breaks[^1] != points.Count)) breaks.Add(points.Count);
                continue;
            }
            points.Add(new Coordinates(history.Steps[i], log ? Math.Log10(v) : v));
        }
        string label = points.Count == 0 ? $"{name} (nothing to show)" : points.Count < values.Count ? $"{name} ({values.Count - points.Count} values not shown)" : name;
        return new SeriesCurve(label, points, [.. breaks]);
    }

    private static Plot Build(TrainingHistory history, LossCurveOptions options, SeriesCurve[] curves, double low, double high)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < curves.Length; s++) AddCurve(plot, curves[s], palette.GetColor(s));

        double first = history.Steps[0], last = history.Steps[^1];
        if (first == last) (first, last) = (first - 1, last + 1);
        plot.Axes.SetLimitsX(first, last);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = StepLabel };
        if (options.LogScale)
        {
            var (bottom, top) = LogAxis.Limits(low, high);
            plot.Axes.SetLimitsY(bottom, top);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(LogAxis.Ticks(bottom, top));
        }
        else
        {
            double margin = 0.05 * (high > low ? high - low : Math.Max(Math.Abs(high), 1));
            plot.Axes.SetLimitsY(low - margin, high + margin);
        }

        plot.Title(options.Title);
        plot.XLabel(options.XLabel);
        plot.YLabel(options.LogScale ? $"{options.YLabel} (log scale)" : options.YLabel);
        plot.ShowLegend(Edge.Right);
        PlotText.Apply(plot);
        return plot;
    }

    private static string StepLabel(double step) => step.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a series as one line per run of shown values, all in one colour, labelled once.</summary>
    private static void AddCurve(Plot plot, SeriesCurve curve, Color colour)
    {
        int[] bounds = [0, .. curve.Breaks, curve.Points.Count];
        for (int r = 0; r + 1 < bounds.Length; r++)
        {
            var run = curve.Points.Skip(bounds[r]).Take(bounds[r + 1] - bounds[r]).ToArray();
            if (run.Length == 0) continue;
            var line = plot.Add.ScatterLine(run, colour);
            line.LineWidth = 1.5f;
            line.MarkerSize = run.Length == 1 ? 5 : 0;
            if (r == 0) line.LegendText = curve.Label;
        }
        if (curve.Points.Count == 0)
        {
            // Keep the series in the legend even though it has nothing to draw.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = curve.Label, LineColor = colour, LineWidth = 1.5f });
        }
    }
}
