namespace PdeNet.Geometry.Meshes;

/// <summary>
/// A uniform rectilinear grid of nodes: node (i0, i1, ...) sits at Origin + (i0 h0, i1 h1, ...).
/// Nodes are numbered lexicographically with the first axis fastest: index = i0 + n0 (i1 + n1 i2).
/// </summary>
/// <param name="Origin">Coordinates of node (0, 0, ...).</param>
/// <param name="Spacing">Node spacing h_k along each axis.</param>
/// <param name="Counts">Number of nodes n_k along each axis (at least 2).</param>
public sealed record Grid(double[] Origin, double[] Spacing, int[] Counts)
{
    /// <summary>Space dimension.</summary>
    public int Dimension => Counts.Length;

    /// <summary>Total number of nodes.</summary>
    public int NodeCount => Counts.Aggregate(1, (a, b) => a * b);

    /// <summary>The grid of <paramref name="cells"/> equal cells per side on a box.</summary>
    public static Grid Of(BoundingBox box, params int[] cells)
    {
        if (cells.Length != box.Dimension) throw new ArgumentException($"give a cell count for each of the {box.Dimension} axes", nameof(cells));
        if (cells.Any(c => c < 1)) throw new ArgumentOutOfRangeException(nameof(cells), "cell counts must be positive");
        return new Grid(box.Min.ToArray(), cells.Select((c, k) => box.Extent(k) / c).ToArray(), cells.Select(c => c + 1).ToArray());
    }

    /// <summary>Coordinate of node index <paramref name="i"/> along <paramref name="axis"/>.</summary>
    public double Coordinate(int axis, int i) => Origin[axis] + i * Spacing[axis];
}
