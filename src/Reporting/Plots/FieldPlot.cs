using PdeNet.Core.Fields;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A scalar field on a 2D triangle mesh as a PNG heatmap: P1-interpolated on square pixels
/// over the mesh's bounding box, blank outside the mesh, with a colour bar (Viridis over the
/// field's range unless told otherwise), title, axis labels and x and y scaled alike.
/// </summary>
public static class FieldPlot
{
    /// <summary>Writes the plot of <paramref name="field"/> to <paramref name="path"/> (PNG), atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="field">A scalar field on a 2D triangle mesh.</param>
    /// <param name="options">Size, colours and text; null for the defaults.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, Field field, FieldPlotOptions? options = null) =>
        Save(path, field, FieldRole.Value, options ?? new FieldPlotOptions());

    /// <summary>Writes <paramref name="field"/> with the defaults of <paramref name="role"/>; shared by the field and error plots.</summary>
    internal static void Save(string path, Field field, FieldRole role, FieldPlotOptions options)
    {
        var raster = MeshRaster.For(field.Mesh, options.Resolution, options.Aspect);
        var defaults = ColourScale.For(role, field.Values);
        var scale = new ColourScale(options.Colormap ?? defaults.Colormap, options.Range ?? defaults.Range);
        var text = new FieldFigure.Text(options.Title ?? FieldFigure.DefaultTitle(field), options.XLabel, options.YLabel, options.ColourBarLabel ?? field.Units);
        var (width, height) = FieldFigure.Size(raster);
        PngFile.Write(path, () =>
        {
            using var plot = FieldFigure.Build(raster, field, text, scale, options.ShowBoundary);
            return plot.GetImage(width, height);
        });
    }
}
