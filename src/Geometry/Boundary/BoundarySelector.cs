namespace PdeNet.Geometry.Boundary;

/// <summary>
/// Chooses a subset of a domain's boundary: all of it, named parts, or the points that pass a
/// predicate. Conditions and samplers take a selector, so every solver sees the same parts.
/// </summary>
public sealed class BoundarySelector
{
    private readonly PointPredicate? _predicate;

    private BoundarySelector(IReadOnlyList<string>? names, PointPredicate? predicate, string description)
    {
        Names = names;
        _predicate = predicate;
        Description = description;
    }

    /// <summary>The whole boundary.</summary>
    public static BoundarySelector All { get; } = new(null, null, "boundary");

    /// <summary>The boundary parts with these names (for example "left", "top").</summary>
    public static BoundarySelector Parts(params string[] names)
    {
        if (names.Length == 0) throw new ArgumentException("select at least one boundary part by name", nameof(names));
        return new(names, null, string.Join(", ", names));
    }

    /// <summary>The boundary parts named in a comma-separated list, for example "left, bottom".</summary>
    public static BoundarySelector Parts(string names) => Parts(names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The boundary points for which <paramref name="predicate"/> holds.</summary>
    /// <param name="description">How the selection reads in logs and files, for example "x = 0".</param>
    /// <param name="predicate">The test on a boundary point.</param>
    public static BoundarySelector Where(string description, PointPredicate predicate) => new(null, predicate, description);

    /// <summary>The part names this selector names, or null when it selects by predicate or takes all.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>True for the selector of the whole boundary.</summary>
    public bool IsAll => Names is null && _predicate is null;

    /// <summary>How the selection reads: "boundary", "left, top" or the predicate's description.</summary>
    public string Description { get; }

    /// <summary>Whether a boundary point of part <paramref name="part"/> is selected.</summary>
    public bool Includes(string part, ReadOnlySpan<double> point) =>
        (Names is null || Names.Contains(part)) && (_predicate is null || _predicate(point));

    /// <summary>Throws when a named part does not exist on <paramref name="domain"/>.</summary>
    public void Validate(Domain domain)
    {
        if (Names is null) return;
        foreach (var name in Names)
        {
            if (!domain.BoundaryParts.Contains(name))
            {
                throw new InvalidGeometryException(
                    $"boundary part '{name}' does not exist; the domain's parts are: {string.Join(", ", domain.BoundaryParts)}");
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
