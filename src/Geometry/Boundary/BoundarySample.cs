namespace PdeNet.Geometry.Boundary;

/// <summary>Points sampled on a boundary with their unit outward normals and part names.</summary>
/// <param name="Dimension">Space dimension d.</param>
/// <param name="Points">Coordinates, row-major, shape (n, d), or (n, d + 1) with time last for space-time samples.</param>
/// <param name="Normals">Unit outward normals, row-major, shape (n, d).</param>
/// <param name="Parts">Boundary part name of each point, length n.</param>
public sealed record BoundarySample(int Dimension, double[] Points, double[] Normals, string[] Parts)
{
    /// <summary>Number of points n.</summary>
    public int Count => Parts.Length;

    /// <summary>Coordinates per point: d, or d + 1 with time.</summary>
    public int Columns => Count == 0 ? Dimension : Points.Length / Count;
}
