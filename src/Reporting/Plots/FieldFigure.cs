using PdeNet.Core.Fields;
using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// Builds the plot of one rasterised field: a heatmap drawn one raster pixel to one image pixel
/// (so x and y are scaled alike), a colour bar, the mesh boundary, title and axis labels. The
/// layout has fixed margins, so the figure's size follows from the raster's.
/// </summary>
internal static class FieldFigure
{
    private static readonly PixelPadding Margins = new(left: 66, right: 140, bottom: 50, top: 36);

    /// <summary>Smallest data area, in pixels, so that a thin mesh still gets a usable colour bar.</summary>
    private const int MinimumDataSide = 160;

    /// <summary>Title, axis labels and colour bar label of one field panel.</summary>
    internal sealed record Text(string Title, string XLabel, string YLabel, string ColourBarLabel);

    /// <summary>Width and height in pixels of the figure for <paramref name="raster"/>.</summary>
    public static (int Width, int Height) Size(MeshRaster raster) =>
        ((int)Margins.Left + DataWidth(raster) + (int)Margins.Right, (int)Margins.Top + DataHeight(raster) + (int)Margins.Bottom);

    /// <summary>The plot of <paramref name="field"/> sampled on <paramref name="raster"/>; render it at <see cref="Size"/>.</summary>
    public static Plot Build(MeshRaster raster, Field field, Text text, ColourScale scale, bool showBoundary)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(raster.Sample(field));
        heatmap.Colormap = scale.Colormap;
        heatmap.ManualRange = new ScottPlot.Range(scale.Range.Min, scale.Range.Max);
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.Rectangle = new CoordinateRect(raster.Left, raster.Right, raster.Bottom, raster.Top);
        if (showBoundary) AddBoundary(plot, field);

        var bar = plot.Add.ColorBar(heatmap);
        bar.Width = 18;
        bar.Label = text.ColourBarLabel;
        double zero = 1e-9 * (scale.Range.Max - scale.Range.Min);
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => TickLabels.Value(Math.Abs(v) < zero ? 0 : v) };

        plot.HideGrid();
        plot.Title(text.Title);
        plot.XLabel(text.XLabel);
        plot.YLabel(text.YLabel);
        plot.Layout.Fixed(Margins);
        SetLimits(plot, raster);
        PlotText.Apply(plot);
        return plot;
    }

    /// <summary>The default title of a field: its name, and its time when not 0.</summary>
    public static string DefaultTitle(Field field) => field.Time == 0 ? field.Name : $"{field.Name} (t = {field.Time:G4})";

    private static int DataWidth(MeshRaster raster) => Math.Max(raster.Columns, MinimumDataSide);

    private static int DataHeight(MeshRaster raster) => Math.Max(raster.Rows, MinimumDataSide);

    /// <summary>Image pixel (x right, y down) of the raster's top-left pixel in a figure of <see cref="Size"/>.</summary>
    public static (int X, int Y) RasterOrigin(MeshRaster raster)
    {
        var (x, y) = RasterOffset(raster);
        return ((int)Margins.Left + x, (int)Margins.Top + y);
    }

    /// <summary>Whole pixels between the data area's top-left corner and the raster's, centring the raster.</summary>
    private static (int X, int Y) RasterOffset(MeshRaster raster) =>
        ((DataWidth(raster) - raster.Columns) / 2, (DataHeight(raster) - raster.Rows) / 2);

    /// <summary>Axis limits giving each raster pixel exactly one image pixel (axes scaled alike when pixels are square).</summary>
    private static void SetLimits(Plot plot, MeshRaster raster)
    {
        double w = raster.PixelWidth, h = raster.PixelHeight;
        var (x, y) = RasterOffset(raster);
        double left = raster.Left - x * w, top = raster.Top + y * h;
        plot.Axes.SetLimits(left, left + DataWidth(raster) * w, top - DataHeight(raster) * h, top);
    }

    private static void AddBoundary(Plot plot, Field field)
    {
        var mesh = field.Mesh;
        var c = mesh.Coordinates;
        var colour = Colors.Black.WithAlpha(0.75);
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var nodes = mesh.FacetNodes(f);
            var line = plot.Add.Line(c[2 * nodes[0]], c[2 * nodes[0] + 1], c[2 * nodes[1]], c[2 * nodes[1] + 1]);
            line.LineWidth = 1;
            line.LineColor = colour;
        }
    }
}
