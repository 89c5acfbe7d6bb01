namespace PdeNet.Geometry.Meshes.Gmsh;

/// <summary>A facet identified by its corner nodes, sorted, so that both cells sharing it produce the same key.</summary>
/// <param name="A">Smallest corner.</param>
/// <param name="B">Second corner.</param>
/// <param name="C">Third corner, or -1 for an edge.</param>
/// <param name="D">Fourth corner, or -1 for an edge or a triangle.</param>
internal readonly record struct FacetKey(int A, int B, int C, int D)
{
    /// <summary>The key of the facet with these 2 to 4 corners.</summary>
    public static FacetKey Of(IEnumerable<int> corners)
    {
        Span<int> sorted = [-1, -1, -1, -1];
        int count = 0;
        foreach (int corner in corners) sorted[count++] = corner;
        sorted[..count].Sort();
        return new FacetKey(sorted[0], sorted[1], sorted[2], sorted[3]);
    }
}
