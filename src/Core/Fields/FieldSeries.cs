namespace PdeNet.Core.Fields;

/// <summary>
/// All fields of one name in a field file: one HDF5 group <c>/Function/&lt;name&gt;</c> whose
/// attributes (units, components, the field attributes) the steps share, and one dataset per time.
/// </summary>
/// <param name="Name">The field name.</param>
/// <param name="Components">Components per node, the same at every time.</param>
/// <param name="Units">Unit of the values, the same at every time.</param>
/// <param name="Attributes">Field attributes checked and converted for HDF5, the same at every time.</param>
/// <param name="Steps">The fields of this name, sorted by time, at most one per time.</param>
internal sealed record FieldSeries(string Name, int Components, string Units, IReadOnlyDictionary<string, object> Attributes,
    IReadOnlyList<Field> Steps)
{
    /// <summary>
    /// Groups <paramref name="fields"/> by name, in order of first appearance, and checks that a
    /// name occurs at most once per time and that its fields agree on components, units and attributes.
    /// </summary>
    /// <exception cref="ArgumentException">The fields break one of these rules or have an unstorable attribute.</exception>
    public static IReadOnlyList<FieldSeries> Group(IReadOnlyList<Field> fields)
    {
        var series = new List<FieldSeries>();
        foreach (var group in fields.GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            var repeated = group.GroupBy(f => FieldFileLayout.TimeKey(f.Time)).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
                throw new ArgumentException($"field '{first.Name}' is given {repeated.Count()} times at t = {repeated.First().Time}; names must be unique per time", nameof(fields));
            foreach (var field in group)
            {
                string? difference =
                    field.Components != first.Components ? $"{field.Components} components instead of {first.Components}" :
                    field.Units != first.Units ? $"units '{field.Units}' instead of '{first.Units}'" :
                    !MetadataValue.AreEqual(field.Attributes, first.Attributes) ? "other attributes" : null;
                if (difference is not null)
                    throw new ArgumentException($"field '{field.Name}' at t = {field.Time} has {difference} than at t = {first.Time}; the steps of one field share them", nameof(fields));
            }
            var attributes = MetadataValue.ToStored(first.Attributes, $"field '{first.Name}' attribute", FieldFileLayout.ReservedFieldAttributes, nameof(fields));
            series.Add(new FieldSeries(first.Name, first.Components, first.Units, attributes, group.OrderBy(f => f.Time).ToList()));
        }
        return series;
    }

    /// <summary>The union of all series' times, sorted, without repeats.</summary>
    public static IReadOnlyList<double> Times(IReadOnlyList<FieldSeries> series) =>
        series.SelectMany(s => s.Steps).Select(f => f.Time + 0.0).Distinct().Order().ToList();

    /// <summary>The step at <paramref name="time"/>, or null when this field has none.</summary>
    public Field? At(double time) => Steps.FirstOrDefault(f => f.Time == time);
}
