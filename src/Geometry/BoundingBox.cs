namespace PdeNet.Geometry;

/// <summary>An axis-aligned box [Min, Max] in R^d, the bounds of a domain.</summary>
/// <param name="Min">Lower corner, length d.</param>
/// <param name="Max">Upper corner, length d.</param>
public sealed record BoundingBox(double[] Min, double[] Max)
{
    /// <summary>Number of space dimensions d.</summary>
    public int Dimension => Min.Length;

    /// <summary>Edge length along <paramref name="axis"/>.</summary>
    public double Extent(int axis) => Max[axis] - Min[axis];

    /// <summary>Length of the diagonal, a length scale for tolerances.</summary>
    public double Diameter => Math.Sqrt(Enumerable.Range(0, Dimension).Sum(i => Extent(i) * Extent(i)));

    /// <summary>The smallest box containing both boxes.</summary>
    public BoundingBox Union(BoundingBox other) => new(
        Min.Zip(other.Min, Math.Min).ToArray(), Max.Zip(other.Max, Math.Max).ToArray());

    /// <summary>The intersection of both boxes (may be empty: some Min greater than Max).</summary>
    public BoundingBox Intersect(BoundingBox other) => new(
        Min.Zip(other.Min, Math.Max).ToArray(), Max.Zip(other.Max, Math.Min).ToArray());

    /// <summary>True when the box has no volume along some axis.</summary>
    public bool IsEmpty => Enumerable.Range(0, Dimension).Any(i => !(Max[i] > Min[i]));

    /// <inheritdoc/>
    public override string ToString() =>
        $"[{string.Join(", ", Min.Select(v => v.ToString("G6")))}] x [{string.Join(", ", Max.Select(v => v.ToString("G6")))}]";
}
