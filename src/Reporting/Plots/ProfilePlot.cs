using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// One-dimensional functions against x as a PNG line plot with a legend: a reference and a
/// prediction on a 1D grid, for example, and their difference. The value axis is linear.
/// </summary>
public static class ProfilePlot
{
    /// <summary>Writes the curves to <paramref name="path"/> (PNG), atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="x">The abscissae, shared by every curve.</param>
    /// <param name="curves">Label and values of each curve; each has one value per abscissa.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <exception cref="ArgumentException">No curve, fewer than two abscissae, or a curve of another length.</exception>
    public static void Save(string path, IReadOnlyList<double> x, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> curves,
        string title, string xLabel = "x", string yLabel = "value", int width = 800, int height = 500)
    {
        if (x.Count < 2) throw new ArgumentException($"a profile needs at least two abscissae, got {x.Count}", nameof(x));
        if (curves.Count == 0) throw new ArgumentException("a profile plot needs at least one curve", nameof(curves));
        var wrong = curves.FirstOrDefault(c => c.Values.Count != x.Count);
        if (wrong.Values is not null)
            throw new ArgumentException($"curve '{wrong.Label}' has {wrong.Values.Count} values for {x.Count} abscissae", nameof(curves));
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"the image size must be positive, got {width} x {height}");
        PngFile.Write(path, () =>
        {
            using var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            for (int c = 0; c < curves.Count; c++)
            {
                var line = plot.Add.ScatterLine(x.ToArray(), curves[c].Values.ToArray(), palette.GetColor(c));
                line.LineWidth = 1.5f;
                line.MarkerSize = 0;
                line.LegendText = curves[c].Label;
            }
            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            plot.ShowLegend(Edge.Right);
            PlotText.Apply(plot);
            return plot.GetImage(width, height);
        });
    }
}
