namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>An accepted parameter interval [<see cref="U0"/>, <see cref="U1"/>] of one boundary
/// candidate, and the corner vertices at its ends once they are known.</summary>
internal sealed class BoundaryPiece(int candidate, double u0, double u1)
{
    /// <summary>Index of the boundary candidate (patch) of the domain.</summary>
    public int Candidate { get; } = candidate;

    /// <summary>Parameter of the start.</summary>
    public double U0 { get; set; } = u0;

    /// <summary>Parameter of the end.</summary>
    public double U1 { get; set; } = u1;

    /// <summary>Corner vertex at U0, or -1.</summary>
    public int StartCorner { get; set; } = -1;

    /// <summary>Corner vertex at U1, or -1.</summary>
    public int EndCorner { get; set; } = -1;
}
