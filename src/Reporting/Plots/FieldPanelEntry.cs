using PdeNet.Core.Fields;

namespace PdeNet.Reporting.Plots;

/// <summary>One subplot of a <see cref="FieldPanelPlot"/>.</summary>
/// <param name="Field">A scalar field; all entries of a panel share one mesh.</param>
/// <param name="Title">Title of the subplot; null for the field's name.</param>
/// <param name="Role">Value or error: picks the colormap as in <see cref="FieldRole"/>.</param>
/// <param name="RangeGroup">Entries with the same group share one colour range (and colormap),
/// the union of their values' ranges, so that their colours compare. Null puts all
/// <see cref="FieldRole.Value"/> entries in one group and each <see cref="FieldRole.Error"/>
/// entry in a group of its own.</param>
public sealed record FieldPanelEntry(Field Field, string? Title = null, FieldRole Role = FieldRole.Value, string? RangeGroup = null);
