using ScottPlot;

namespace PdeNet.Reporting.Plots;

/// <summary>How <see cref="FieldPlot"/> and <see cref="ErrorMapPlot"/> draw a field. Every property has a default.</summary>
public sealed record FieldPlotOptions
{
    /// <summary>
    /// Pixels along the longer side of the mesh's bounding box; each is one image pixel, so the
    /// image is this wide (or tall) plus the margins for labels and the colour bar.
    /// </summary>
    public int Resolution { get; init; } = MeshRaster.DefaultResolution;

    /// <summary>Title above the plot; null for the field's name (and time when not 0).</summary>
    public string? Title { get; init; }

    /// <summary>Label of the horizontal axis.</summary>
    public string XLabel { get; init; } = "x";

    /// <summary>Label of the vertical axis.</summary>
    public string YLabel { get; init; } = "y";

    /// <summary>Label of the colour bar; null for the field's unit.</summary>
    public string? ColourBarLabel { get; init; }

    /// <summary>Colormap; null for the default of the plot kind (see <see cref="FieldRole"/>).</summary>
    public IColormap? Colormap { get; init; }

    /// <summary>Values at the ends of the colormap; null for the default of the plot kind (see <see cref="FieldRole"/>).</summary>
    public ColourRange? Range { get; init; }

    /// <summary>
    /// Height over width of the data area, for pictures whose axes measure different things (such as
    /// x and t); null to scale both axes alike (square pixels).
    /// </summary>
    public double? Aspect { get; init; }

    /// <summary>Whether to outline the mesh boundary.</summary>
    public bool ShowBoundary { get; init; } = true;
}
