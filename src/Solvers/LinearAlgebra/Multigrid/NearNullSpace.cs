namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// The near-null space of a matrix for smoothed aggregation: k vectors that the operator maps to
/// (nearly) zero away from the boundary, e.g. the constants for a scalar diffusion operator and
/// the rigid-body modes (translations and rotations) for linear elasticity. The multigrid
/// coarse spaces reproduce them exactly. The unknowns come in nodes of
/// <see cref="BlockSize"/> consecutive entries (interleaved components: unknown n·b + c is
/// component c at node n); aggregation groups whole nodes.
/// </summary>
public sealed class NearNullSpace
{
    /// <summary>Creates a near-null space from its vectors.</summary>
    /// <param name="vectors">The vectors, shape (n, <paramref name="count"/>) row-major: entry i·k + m is vector m at unknown i (the array is kept, not copied).</param>
    /// <param name="count">Number of vectors k ≥ 1.</param>
    /// <param name="blockSize">Unknowns per node b ≥ 1; n must be a multiple of it.</param>
    public NearNullSpace(double[] vectors, int count, int blockSize = 1)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "a near-null space needs at least one vector");
        if (blockSize < 1) throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "the block size must be at least 1");
        if (vectors.Length % (count * blockSize) != 0)
            throw new ArgumentException($"{vectors.Length} entries do not make {count} vectors over whole nodes of {blockSize} unknowns", nameof(vectors));
        foreach (double v in vectors)
        {
            if (!double.IsFinite(v)) throw new ArgumentException("the near-null-space vectors must be finite", nameof(vectors));
        }
        Vectors = vectors;
        Count = count;
        BlockSize = blockSize;
    }

    /// <summary>The vectors, shape (<see cref="Size"/>, <see cref="Count"/>) row-major.</summary>
    public double[] Vectors { get; }

    /// <summary>Number of vectors k.</summary>
    public int Count { get; }

    /// <summary>Unknowns per node b.</summary>
    public int BlockSize { get; }

    /// <summary>Number of unknowns n.</summary>
    public int Size => Vectors.Length / Count;

    /// <summary>The constant vector on <paramref name="size"/> scalar unknowns (what the multigrid uses when given no near-null space).</summary>
    public static NearNullSpace Constants(int size)
    {
        var ones = new double[size];
        Array.Fill(ones, 1.0);
        return new NearNullSpace(ones, 1);
    }

    /// <summary>
    /// The rigid-body modes of a displacement field with <paramref name="dimension"/> components
    /// per node, interleaved: in 2D the translations e₁, e₂ and the rotation (-y, x); in 3D the
    /// translations e₁, e₂, e₃ and the rotations (0, -z, y), (z, 0, -x), (-y, x, 0). The
    /// coordinates are taken relative to the nodes' centroid (the same span, better conditioned).
    /// </summary>
    /// <param name="coordinates">Node coordinates, shape (nodes, <paramref name="dimension"/>) row-major.</param>
    /// <param name="dimension">Space dimension d (1, 2 or 3): d displacement components per node.</param>
    /// <returns>b = d and k = 1, 3 or 6 vectors.</returns>
    public static NearNullSpace RigidBodyModes(ReadOnlySpan<double> coordinates, int dimension)
    {
        if (dimension is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "rigid-body modes exist in 1 to 3 dimensions");
        if (coordinates.Length % dimension != 0) throw new ArgumentException($"{coordinates.Length} coordinates are not whole points of dimension {dimension}", nameof(coordinates));
        int d = dimension, nodes = coordinates.Length / d, k = d * (d + 1) / 2;
        Span<double> centre = stackalloc double[d];
        for (int node = 0; node < nodes; node++)
        {
            for (int c = 0; c < d; c++) centre[c] += coordinates[node * d + c] / nodes;
        }
        var vectors = new double[nodes * d * k];
        Span<double> x = stackalloc double[3];
        for (int node = 0; node < nodes; node++)
        {
            for (int c = 0; c < d; c++) x[c] = coordinates[node * d + c] - centre[c];
            var block = vectors.AsSpan(node * d * k, d * k);   // row c of the node's block: component c of each mode
            for (int c = 0; c < d; c++) block[c * k + c] = 1;
            if (d == 2)
            {
                block[0 * k + 2] = -x[1];
                block[1 * k + 2] = x[0];
            }
            else if (d == 3)
            {
                // Rotations about the x, y and z axes: ω × x for ω = e₁, e₂, e₃.
                block[1 * k + 3] = -x[2];
                block[2 * k + 3] = x[1];
                block[0 * k + 4] = x[2];
                block[2 * k + 4] = -x[0];
                block[0 * k + 5] = -x[1];
                block[1 * k + 5] = x[0];
            }
        }
        return new NearNullSpace(vectors, k, d);
    }
}
