using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Solvers.Fem.Spaces;

/// <summary>
/// The global numbering of a continuous Lagrange space on a linear simplex mesh: unknown i &lt;
/// NodeCount sits at mesh node i; for P2 every edge adds one unknown at its midpoint, numbered
/// after the nodes in the order the edges are first met cell by cell. Cell c's unknowns follow
/// the element's local order (vertices, then edges in VTK order).
/// Periodic conditions identify the unknowns of their source part with those of their image part:
/// <see cref="CellDofs"/> then name each class by its <see cref="Representative"/>, the other
/// members belong to no cell, and <see cref="Synchronise"/> copies the represented values into them.
/// The numbering of unknowns by node (<see cref="NodalCellDofs"/>, <see cref="Coordinates"/>) is unchanged.
/// </summary>
public sealed class DofMap
{
    private readonly Dictionary<long, int> _edges;
    private readonly int _nodeCount;

    /// <summary>Numbers the unknowns of <paramref name="element"/> on <paramref name="mesh"/>, identifying those that <paramref name="periodic"/> pairs.</summary>
    /// <exception cref="NotSupportedException">A periodic condition's parts do not carry matching nodes.</exception>
    public DofMap(Mesh mesh, LagrangeElement element, IReadOnlyList<Periodic>? periodic = null)
    {
        int k = element.DofCount, vertices = element.VertexCount, d = mesh.GeometricDimension;
        _nodeCount = mesh.NodeCount;
        DofsPerCell = k;
        CellDofs = new int[mesh.CellCount * k];
        _edges = new Dictionary<long, int>(element.LocalEdges.Count == 0 ? 0 : mesh.CellCount * element.LocalEdges.Count / 2, MixedKeys.Instance);
        int next = mesh.NodeCount;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var nodes = mesh.CellNodes(c);
            for (int a = 0; a < vertices; a++) CellDofs[c * k + a] = nodes[a];
            for (int e = 0; e < element.LocalEdges.Count; e++)
            {
                long key = EdgeKey(nodes[element.LocalEdges[e][0]], nodes[element.LocalEdges[e][1]]);
                if (!_edges.TryGetValue(key, out int dof)) _edges[key] = dof = next++;
                CellDofs[c * k + vertices + e] = dof;
            }
        }
        DofCount = next;
        Coordinates = new double[DofCount * d];
        Array.Copy(mesh.Coordinates, Coordinates, mesh.Coordinates.Length);
        foreach (var (key, dof) in _edges)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xffffffff);
            for (int i = 0; i < d; i++) Coordinates[dof * d + i] = (mesh.Coordinates[a * d + i] + mesh.Coordinates[b * d + i]) / 2;
        }
        NodalCellDofs = CellDofs;
        Representative = Enumerable.Range(0, DofCount).ToArray();
        if (periodic is { Count: > 0 })
        {
            var facet = element.Facet;
            Representative = PeriodicIdentification.Representatives(mesh, facet, DofCount, Coordinates,
                (f, dofs) => NodalFacetDofs(mesh.FacetNodes(f), facet, dofs), periodic);
            CellDofs = Array.ConvertAll(NodalCellDofs, dof => Representative[dof]);
            IsPeriodic = true;
        }
    }

    /// <summary>Whether periodic conditions identified unknowns.</summary>
    public bool IsPeriodic { get; }

    /// <summary>For every unknown, the unknown that stands for it in the cells (itself unless a periodic condition identified it with another).</summary>
    public int[] Representative { get; }

    /// <summary>The unknowns of every cell by node, before periodic identification, shape (cells, unknowns per cell): the connectivity of <see cref="FunctionSpace.NodalMesh"/>.</summary>
    public int[] NodalCellDofs { get; }

    /// <summary>Copies each identified unknown's value from its representative, so that <paramref name="values"/> holds the function at every node.</summary>
    public void Synchronise(double[] values)
    {
        if (!IsPeriodic) return;
        for (int i = 0; i < Representative.Length; i++) values[i] = values[Representative[i]];
    }

    /// <summary>Number of unknowns.</summary>
    public int DofCount { get; }

    /// <summary>Unknowns per cell.</summary>
    public int DofsPerCell { get; }

    /// <summary>The unknowns of every cell, shape (cells, unknowns per cell), row-major, after periodic identification.</summary>
    public int[] CellDofs { get; }

    /// <summary>Where each unknown's node sits, shape (unknowns, gdim), row-major.</summary>
    public double[] Coordinates { get; }

    /// <summary>The unknowns of cell <paramref name="cell"/>.</summary>
    public ReadOnlySpan<int> Dofs(int cell) => CellDofs.AsSpan(cell * DofsPerCell, DofsPerCell);

    /// <summary>
    /// The unknowns on a facet given by its vertex nodes, in the local order of
    /// <paramref name="facetElement"/> (the facet's vertices, then its edges).
    /// </summary>
    public void FacetDofs(ReadOnlySpan<int> vertices, LagrangeElement facetElement, Span<int> dofs)
    {
        NodalFacetDofs(vertices, facetElement, dofs);
        if (!IsPeriodic) return;
        for (int i = 0; i < dofs.Length; i++) dofs[i] = Representative[dofs[i]];
    }

    /// <summary>The unknowns on a facet by node, before periodic identification (see <see cref="FacetDofs"/>).</summary>
    public void NodalFacetDofs(ReadOnlySpan<int> vertices, LagrangeElement facetElement, Span<int> dofs)
    {
        int count = facetElement.VertexCount;
        vertices[..count].CopyTo(dofs);
        for (int e = 0; e < facetElement.LocalEdges.Count; e++)
        {
            long key = EdgeKey(vertices[facetElement.LocalEdges[e][0]], vertices[facetElement.LocalEdges[e][1]]);
            dofs[count + e] = _edges.TryGetValue(key, out int dof)
                ? dof
                : throw new ArgumentException($"the facet edge ({vertices[facetElement.LocalEdges[e][0]]}, {vertices[facetElement.LocalEdges[e][1]]}) is no edge of any cell");
        }
    }

    /// <summary>Whether unknown <paramref name="dof"/> sits at a mesh node (rather than an edge midpoint).</summary>
    public bool IsVertex(int dof) => dof < _nodeCount;

    private static long EdgeKey(int a, int b) => (long)Math.Min(a, b) << 32 | (uint)Math.Max(a, b);

    /// <summary>
    /// Hashes edge keys by Fibonacci hashing: long's own hash (low ^ high word, here a ^ b) puts
    /// the edges of a structured mesh into few buckets and makes the dictionary quadratic.
    /// </summary>
    private sealed class MixedKeys : IEqualityComparer<long>
    {
        public static readonly MixedKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }
}
