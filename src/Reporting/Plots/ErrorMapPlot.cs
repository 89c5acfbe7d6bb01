using PdeNet.Core.Fields;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A pointwise error field (for example |u_h - u| from <see cref="Field.AbsoluteError"/>, or a
/// signed u_h - u from <see cref="Field.Minus"/>) as a PNG heatmap, like <see cref="FieldPlot"/>
/// but coloured for errors: Inferno over [0, max] when no value is negative, else the diverging
/// Balance map over [-m, m] so that zero error is the neutral middle colour.
/// </summary>
public static class ErrorMapPlot
{
    /// <summary>Writes the error map of <paramref name="error"/> to <paramref name="path"/> (PNG), atomically.</summary>
    /// <param name="path">Target file; its folder must exist.</param>
    /// <param name="error">A scalar error field on a 2D triangle mesh.</param>
    /// <param name="options">Size, colours and text; null for the defaults.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, Field error, FieldPlotOptions? options = null) =>
        FieldPlot.Save(path, error, FieldRole.Error, options ?? new FieldPlotOptions());
}
