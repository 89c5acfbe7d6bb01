using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// Several fields on one mesh side by side in one PNG (for example exact | FEM | PINN |
/// |PINN - FEM|), each subplot drawn as by <see cref="FieldPlot"/> with its own title and
/// colour bar. Entries of one range group share one colour range, so equal colours mean equal
/// values across them.
/// </summary>
public static class FieldPanelPlot
{
    /// <summary>Writes the panel of <paramref name="entries"/> to <paramref name="path"/> (PNG), atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="entries">The subplots, left to right then top to bottom; at least one, all on one mesh.</param>
    /// <param name="options">Size and layout; null for the defaults.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, IReadOnlyList<FieldPanelEntry> entries, FieldPanelOptions? options = null)
    {
        options ??= new FieldPanelOptions();
        if (entries.Count == 0) throw new ArgumentException("a field panel needs at least one field", nameof(entries));
        if (options.PanelsPerRow < 1) throw new ArgumentOutOfRangeException(nameof(options), options.PanelsPerRow, "PanelsPerRow must be at least 1");
        var mesh = entries[0].Field.Mesh;
        var stranger = entries.FirstOrDefault(e => !ReferenceEquals(e.Field.Mesh, mesh));
        if (stranger is not null)
            throw new ArgumentException($"field '{stranger.Field.Name}' lives on another mesh than '{entries[0].Field.Name}'; a panel shows fields of one mesh", nameof(entries));

        var raster = MeshRaster.For(mesh, options.Resolution, options.Aspect);
        var scales = SharedScales(entries);
        int columns = Math.Min(options.PanelsPerRow, entries.Count), rows = (entries.Count + columns - 1) / columns;
        var (width, height) = FieldFigure.Size(raster);
        PngFile.Write(path, () =>
        {
            var plots = new List<Plot>(entries.Count);
            try
            {
                foreach (var (entry, scale) in entries.Zip(scales))
                {
                    var text = new FieldFigure.Text(entry.Title ?? entry.Field.Name, options.XLabel, options.YLabel, entry.Field.Units);
                    plots.Add(FieldFigure.Build(raster, entry.Field, text, scale, options.ShowBoundary));
                }
                var multiplot = new Multiplot(plots[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns) };
                foreach (var plot in plots.Skip(1)) multiplot.AddPlot(plot);
                return multiplot.Render(columns * width, rows * height);
            }
            finally
            {
                foreach (var plot in plots) plot.Dispose();
            }
        });
    }

    /// <summary>The colour scale of each entry: one per range group, over the union of its members' values.</summary>
    internal static ColourScale[] SharedScales(IReadOnlyList<FieldPanelEntry> entries)
    {
        var groups = entries
            .Select((entry, index) => (entry, index))
            .GroupBy(x => x.entry.RangeGroup ?? (x.entry.Role == FieldRole.Value ? "\0values" : $"\0error{x.index}"));
        var scales = new ColourScale[entries.Count];
        foreach (var group in groups)
        {
            var roles = group.Select(x => x.entry.Role).Distinct().ToArray();
            if (roles.Length > 1) throw new ArgumentException($"range group '{group.Key}' mixes values and errors; give them separate groups", nameof(entries));
            var scale = ColourScale.For(roles[0], group.SelectMany(x => x.entry.Field.Values));
            foreach (var (_, index) in group) scales[index] = scale;
        }
        return scales;
    }
}
