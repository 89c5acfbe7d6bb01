using PdeNet.Geometry.Meshes;

namespace PdeNet.Solvers.Fem.Elements;

/// <summary>
/// The Lagrange element of degree 1 or 2 on the reference simplex of dimension 0 to 3 (a point,
/// interval, triangle or tetrahedron), written in barycentric coordinates λ_0..λ_d with
/// λ_0 = 1 - ξ_1 - ... - ξ_d. Local unknowns: the vertices, then (degree 2) the edge midpoints in
/// VTK order, so the local numbering is that of the cell types Interval3, Triangle6 and
/// Tetrahedron10. Basis: φ_a = λ_a (degree 1); φ_a = λ_a(2λ_a - 1) at vertices and
/// φ_ab = 4 λ_a λ_b at edges (degree 2).
/// </summary>
public sealed class LagrangeElement
{
    private static readonly int[][][] Edges =
    [
        [],
        [[0, 1]],
        [[0, 1], [1, 2], [2, 0]],
        [[0, 1], [1, 2], [2, 0], [0, 3], [1, 3], [2, 3]],
    ];

    private LagrangeElement(int dimension, int degree)
    {
        Dimension = dimension;
        Degree = degree;
        LocalEdges = degree == 2 ? Edges[dimension] : [];
        DofCount = dimension + 1 + LocalEdges.Count;
    }

    /// <summary>The element of <paramref name="element"/>'s degree on <paramref name="shape"/>.</summary>
    /// <exception cref="NotSupportedException">The shape is not a linear simplex (interval, triangle, tetrahedron).</exception>
    public static LagrangeElement For(CellType shape, FiniteElement element) => shape switch
    {
        CellType.Interval or CellType.Triangle or CellType.Tetrahedron => new LagrangeElement(shape.Dimension(), element == FiniteElement.P2 ? 2 : 1),
        _ => throw new NotSupportedException($"Lagrange elements are defined on linear simplex cells (Interval, Triangle, Tetrahedron), not {shape}"),
    };

    /// <summary>The element of degree <paramref name="degree"/> (1 or 2) on the simplex of dimension <paramref name="dimension"/> (0 to 3).</summary>
    public static LagrangeElement Of(int dimension, int degree)
    {
        if (dimension is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "simplices of dimension 0 to 3 are supported");
        if (degree is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(degree), degree, "Lagrange elements of degree 1 and 2 are supported");
        return new LagrangeElement(dimension, degree);
    }

    /// <summary>Dimension d of the reference simplex.</summary>
    public int Dimension { get; }

    /// <summary>Polynomial degree, 1 or 2.</summary>
    public int Degree { get; }

    /// <summary>Local unknowns (basis functions) per cell.</summary>
    public int DofCount { get; }

    /// <summary>Vertices of the simplex, d + 1.</summary>
    public int VertexCount => Dimension + 1;

    /// <summary>The local edges that carry an unknown (degree 2), as vertex pairs in local numbering.</summary>
    public IReadOnlyList<int[]> LocalEdges { get; }

    /// <summary>The element on a facet (one dimension less), of the same degree.</summary>
    public LagrangeElement Facet => Dimension > 0 ? new LagrangeElement(Dimension - 1, Degree) : throw new InvalidOperationException("a point has no facets");

    /// <summary>The mesh cell type whose nodes sit where this element's unknowns are, in the same order.</summary>
    public CellType NodalCellType => (Dimension, Degree) switch
    {
        (1, 1) => CellType.Interval,
        (1, 2) => CellType.Interval3,
        (2, 1) => CellType.Triangle,
        (2, 2) => CellType.Triangle6,
        (3, 1) => CellType.Tetrahedron,
        (3, 2) => CellType.Tetrahedron10,
        _ => throw new InvalidOperationException("a point element has no cell type"),
    };

    /// <summary>Barycentric coordinates of local unknown <paramref name="a"/>'s node, length d + 1.</summary>
    public double[] NodeBarycentric(int a)
    {
        var lambda = new double[VertexCount];
        if (a < VertexCount)
        {
            lambda[a] = 1;
        }
        else
        {
            var edge = LocalEdges[a - VertexCount];
            lambda[edge[0]] = lambda[edge[1]] = 0.5;
        }
        return lambda;
    }

    /// <summary>The basis functions at the point with barycentric coordinates λ (length d + 1).</summary>
    /// <param name="lambda">Barycentric coordinates.</param>
    /// <param name="values">φ_a(λ), length <see cref="DofCount"/>.</param>
    public void Evaluate(ReadOnlySpan<double> lambda, Span<double> values)
    {
        int vertices = VertexCount;
        if (Degree == 1)
        {
            lambda[..vertices].CopyTo(values);
            return;
        }
        for (int a = 0; a < vertices; a++) values[a] = lambda[a] * (2 * lambda[a] - 1);
        for (int e = 0; e < LocalEdges.Count; e++) values[vertices + e] = 4 * lambda[LocalEdges[e][0]] * lambda[LocalEdges[e][1]];
    }

    /// <summary>
    /// The gradients of the basis functions with respect to the reference coordinates ξ_1..ξ_d at
    /// the point with barycentric coordinates λ.
    /// </summary>
    /// <param name="lambda">Barycentric coordinates, length d + 1.</param>
    /// <param name="gradients">∂φ_a/∂ξ_j, shape (<see cref="DofCount"/>, d), row-major.</param>
    public void ReferenceGradients(ReadOnlySpan<double> lambda, Span<double> gradients)
    {
        int d = Dimension, vertices = VertexCount;
        gradients[..(DofCount * d)].Clear();
        // ∂λ_a/∂ξ_j = δ(a, j) - δ(a, 0), for j = 1..d.
        for (int a = 0; a < vertices; a++)
        {
            double factor = Degree == 1 ? 1 : 4 * lambda[a] - 1;
            AddLambdaGradient(gradients.Slice(a * d, d), a, factor);
        }
        for (int e = 0; e < LocalEdges.Count; e++)
        {
            int p = LocalEdges[e][0], q = LocalEdges[e][1];
            var row = gradients.Slice((vertices + e) * d, d);
            AddLambdaGradient(row, p, 4 * lambda[q]);
            AddLambdaGradient(row, q, 4 * lambda[p]);
        }
    }

    private static void AddLambdaGradient(Span<double> row, int vertex, double factor)
    {
        if (vertex == 0)
        {
            for (int j = 0; j < row.Length; j++) row[j] -= factor;
        }
        else
        {
            row[vertex - 1] += factor;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"P{Degree} on the {Dimension}-simplex ({DofCount} unknowns)";
}
