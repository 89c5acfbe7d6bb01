using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Solvers.Fem.Spaces;

/// <summary>
/// A continuous Lagrange finite-element space: P1 or P2 on a mesh of straight-sided intervals
/// (1D), triangles (2D) or tetrahedra (3D), with its numbering of unknowns. A function of the
/// space is a vector of <see cref="DofCount"/> coefficients, the values at the unknowns' nodes.
/// A vector-valued space (<see cref="Components"/> m &gt; 1, one P1 or P2 function per component)
/// interleaves the components: coefficient n·m + c is component c at node n of <see cref="Dofs"/>,
/// so each node's block of m unknowns is contiguous.
/// </summary>
public sealed class FunctionSpace
{
    private Mesh? _nodalMesh;
    private SimplexLocator? _locator;

    /// <summary>The space of <paramref name="element"/> functions on <paramref name="mesh"/>, periodic under <paramref name="periodic"/> when given.</summary>
    /// <param name="mesh">A mesh of linear simplices.</param>
    /// <param name="element">P1 or P2.</param>
    /// <param name="periodic">Periodic conditions that identify unknowns (scalar spaces only).</param>
    /// <param name="components">Components m of the functions: 1 for scalar fields, 2 or 3 for vector fields.</param>
    /// <exception cref="NotSupportedException">The mesh is not made of linear simplices of its own dimension, or its nodes do not match across a periodic pair of parts.</exception>
    public FunctionSpace(Mesh mesh, FiniteElement element, IReadOnlyList<Periodic>? periodic = null, int components = 1)
    {
        if (components is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(components), components, "a space has 1 to 3 components");
        if (components > 1 && periodic is { Count: > 0 }) throw new NotSupportedException("periodic conditions are supported for scalar spaces only");
        if (mesh.CellType.Order() > 1)
            throw new NotSupportedException($"the finite-element solver takes meshes of linear cells; this one has {mesh.CellType} cells. Give the linear mesh (for gmsh: mesh without -order 2); the P2 element adds its own edge nodes");
        if (mesh.CellType is not (CellType.Interval or CellType.Triangle or CellType.Tetrahedron))
            throw new NotSupportedException($"the finite-element solver works on intervals, triangles and tetrahedra; this mesh has {mesh.CellType} cells");
        if (mesh.CellType.Dimension() != mesh.GeometricDimension)
            throw new NotSupportedException($"{mesh.CellType} cells in {mesh.GeometricDimension}D (a manifold mesh) are not supported; cells must fill the domain");
        Mesh = mesh;
        Kind = element;
        Element = LagrangeElement.For(mesh.CellType, element);
        Dofs = new DofMap(mesh, Element, periodic);
        Components = components;
        CellDofs = components == 1 ? Dofs.CellDofs : Blocked(Dofs.CellDofs, components);
    }

    /// <summary>Components m per node (1 for a scalar space).</summary>
    public int Components { get; }

    /// <summary>
    /// The unknowns of every cell, shape (cells, k·m): local unknown a·m + c is component c of the
    /// element's basis function a (for m = 1 the nodal numbering <see cref="DofMap.CellDofs"/>).
    /// </summary>
    public int[] CellDofs { get; }

    /// <summary>The unknown of component <paramref name="component"/> at node <paramref name="nodeDof"/> of <see cref="Dofs"/>.</summary>
    public int DofOf(int nodeDof, int component) => nodeDof * Components + component;

    private static int[] Blocked(int[] nodal, int m)
    {
        var blocked = new int[nodal.Length * m];
        for (int i = 0; i < nodal.Length; i++)
        {
            for (int c = 0; c < m; c++) blocked[i * m + c] = nodal[i] * m + c;
        }
        return blocked;
    }

    /// <summary>The (linear) mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>Which element: P1 or P2.</summary>
    public FiniteElement Kind { get; }

    /// <summary>The reference element of the cells.</summary>
    public LagrangeElement Element { get; }

    /// <summary>The numbering of the unknowns.</summary>
    public DofMap Dofs { get; }

    /// <summary>Number of unknowns: nodes of <see cref="Dofs"/> times <see cref="Components"/>.</summary>
    public int DofCount => Dofs.DofCount * Components;

    /// <summary>Space dimension.</summary>
    public int Dimension => Mesh.GeometricDimension;

    /// <summary>
    /// The mesh whose nodes are the unknowns' nodes: the mesh itself for P1; for P2 the quadratic
    /// (straight-sided) mesh of Interval3, Triangle6 or Tetrahedron10 cells, with quadratic
    /// boundary facets on the same parts. A coefficient vector is a nodal field on it.
    /// </summary>
    public Mesh NodalMesh => _nodalMesh ??= Element.Degree == 1 ? Mesh : BuildNodalMesh();

    /// <summary>Whether periodic conditions identify unknowns of this space.</summary>
    public bool IsPeriodic => Dofs.IsPeriodic;

    private Mesh BuildNodalMesh()
    {
        var facetElement = Element.Facet;
        int perFacet = Element.Dimension == 1 ? 1 : facetElement.DofCount;
        var facets = new int[Mesh.BoundaryFacetCount * perFacet];
        for (int f = 0; f < Mesh.BoundaryFacetCount; f++)
        {
            if (Element.Dimension == 1) facets[f] = Mesh.FacetNodes(f)[0];
            else Dofs.NodalFacetDofs(Mesh.FacetNodes(f), facetElement, facets.AsSpan(f * perFacet, perFacet));
        }
        return new Mesh(Element.NodalCellType, Dimension, Dofs.Coordinates, Dofs.NodalCellDofs, facets, Mesh.BoundaryFacetParts, Mesh.PartNames,
            cellTags: Mesh.CellTags, subdomainNames: Mesh.SubdomainNames);
    }

    /// <summary>
    /// Values of the function with coefficients <paramref name="coefficients"/> at
    /// <paramref name="points"/> (shape (n, d), row-major), shape (n, m) row-major; NaN at points outside the mesh.
    /// </summary>
    public double[] Evaluate(ReadOnlySpan<double> coefficients, double[] points)
    {
        if (coefficients.Length != DofCount) throw new ArgumentException($"expected {DofCount} coefficients, got {coefficients.Length}", nameof(coefficients));
        _locator ??= new SimplexLocator(Mesh);
        int d = Dimension, k = Element.DofCount, m = Components;
        var values = new double[points.Length / d * m];
        var map = new AffineMap(d);
        Span<double> lambda = stackalloc double[d + 1];
        Span<double> phi = stackalloc double[k];
        for (int i = 0; i < points.Length / d; i++)
        {
            int cell = _locator.Locate(points.AsSpan(i * d, d), map, lambda);
            if (cell < 0)
            {
                values.AsSpan(i * m, m).Fill(double.NaN);
                continue;
            }
            Element.Evaluate(lambda, phi);
            var dofs = Dofs.Dofs(cell);
            for (int c = 0; c < m; c++)
            {
                double sum = 0;
                for (int a = 0; a < k; a++) sum += phi[a] * coefficients[dofs[a] * m + c];
                values[i * m + c] = sum;
            }
        }
        return values;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} on {Mesh.CellCount} {Mesh.CellType} cells, {DofCount} unknowns" + (Components > 1 ? $" ({Components} components)" : "");
}
