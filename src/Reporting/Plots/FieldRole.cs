namespace PdeNet.Reporting.Plots;

/// <summary>What a plotted field holds, which decides its default colormap and colour range.</summary>
public enum FieldRole
{
    /// <summary>Values of a quantity (a solution): Viridis over the data's range.</summary>
    Value,

    /// <summary>
    /// A pointwise error: Inferno over [0, max] when no value is negative (for |u - v|), else the
    /// diverging Balance map over [-m, m], m the largest magnitude, so that 0 is the middle colour
    /// (for a signed u - v).
    /// </summary>
    Error,
}
