namespace PdeNet.Reporting.Plots;

/// <summary>How <see cref="FieldPanelPlot"/> lays out its subplots. Every property has a default.</summary>
public sealed record FieldPanelOptions
{
    /// <summary>Pixels along the longer side of the mesh's bounding box, in each subplot.</summary>
    public int Resolution { get; init; } = 280;

    /// <summary>Subplots per row; more entries wrap onto further rows.</summary>
    public int PanelsPerRow { get; init; } = 4;

    /// <summary>Label of every horizontal axis.</summary>
    public string XLabel { get; init; } = "x";

    /// <summary>Label of every vertical axis.</summary>
    public string YLabel { get; init; } = "y";

    /// <summary>
    /// Height over width of the data area, for pictures whose axes measure different things (such as
    /// x and t); null to scale both axes alike (square pixels).
    /// </summary>
    public double? Aspect { get; init; }

    /// <summary>Whether to outline the mesh boundary in every subplot.</summary>
    public bool ShowBoundary { get; init; } = true;
}
