namespace PdeNet.Reporting.Plots;

/// <summary>How <see cref="LossCurvePlot"/> draws a training history. Every property has a default.</summary>
public sealed record LossCurveOptions
{
    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 500;

    /// <summary>Title above the plot.</summary>
    public string Title { get; init; } = "Training history";

    /// <summary>Label of the horizontal (step) axis.</summary>
    public string XLabel { get; init; } = "step";

    /// <summary>Label of the vertical axis.</summary>
    public string YLabel { get; init; } = "value";

    /// <summary>Names of the series to draw, in legend order; null for all, in logging order.</summary>
    public IReadOnlyList<string>? Series { get; init; }

    /// <summary>
    /// Whether the vertical axis is logarithmic. On a log axis, values that are not positive
    /// cannot be shown: they leave gaps in their curve.
    /// </summary>
    public bool LogScale { get; init; } = true;
}
