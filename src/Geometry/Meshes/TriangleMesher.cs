using PdeNet.Geometry.Meshes.Delaunay;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Unstructured quality triangle meshes of any 2D domain of the library, curved boundaries and
/// set operations included. Steps: (1) the boundary is discretised into segments of the local
/// size with vertices on the true boundary and corners where pieces meet; (2) the constrained
/// Delaunay triangulation of those segments is built; (3) frontal Delaunay insertion fills the
/// inside with nearly equilateral triangles of the local size; (4) Delaunay refinement (split
/// encroached segments, insert circumcentres of skinny or oversized triangles) enforces the
/// minimum angle; (5) smoothing that never lowers a star's smallest angle, then Delaunay flips.
/// Geometric decisions use exact predicates, and the same input always gives the same mesh.
/// </summary>
/// <remarks>
/// Angle guarantee: every triangle has all angles at least
/// <see cref="TriangleMesherOptions.MinimumAngle"/> (30° by default; frontal meshes of smooth
/// domains reach about 37°), except next to a corner of the domain whose interior angle is below
/// 60°: the triangle in that corner keeps the corner's angle, and triangles bridging the corner's two
/// sides nearby may keep angles down to about the corner's angle (as in Shewchuk's Triangle).
/// Refinement stops after inserting twice as many vertices as the mesh had, which only matters if
/// a bound near 34° cannot be met. Boundary vertices lie on the true boundary; a facet's midpoint
/// is off a curve of radius r by at most L² / (8 r) for facet length L. Features of the boundary
/// much smaller than the local size are resolved only as far as the size asks (boundary pieces
/// shorter than the size become single segments).
/// </remarks>
public static class TriangleMesher
{
    /// <summary>The largest accepted <see cref="TriangleMesherOptions.MaxTriangles"/> (flat int arrays index 3 entries per triangle).</summary>
    public const long MaxTriangleLimit = 500_000_000;

    /// <summary>
    /// Meshes <paramref name="domain"/> with triangles of edge length about
    /// min(<paramref name="h"/>, <paramref name="size"/>(x, y)).
    /// </summary>
    /// <param name="domain">A 2D domain.</param>
    /// <param name="h">Target edge length, in the domain's length unit; the largest size used.</param>
    /// <param name="size">Optional local target edge length (used where smaller than h).</param>
    /// <param name="options">Angle bound, smoothing and size limit; <see cref="TriangleMesherOptions.Default"/> when null.</param>
    /// <returns>A triangle mesh: counter-clockwise cells, boundary facets named after the domain's parts.</returns>
    /// <exception cref="NotSupportedException">The domain is not two-dimensional.</exception>
    /// <exception cref="ArgumentException">h or an option is out of range, or the size function returned a value that is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The mesh would clearly exceed <see cref="TriangleMesherOptions.MaxTriangles"/> (estimated before meshing).</exception>
    /// <exception cref="InvalidOperationException">The mesh grew beyond <see cref="TriangleMesherOptions.MaxTriangles"/> while meshing.</exception>
    public static Mesh Triangulate(Domain domain, double h, SizeFunction? size = null, TriangleMesherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (domain.Dimension != 2) throw new NotSupportedException($"the triangle mesher handles 2D domains; this one is {domain.Dimension}D");
        if (!(h > 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(h), h, "the mesh size h must be a positive finite number");
        options ??= TriangleMesherOptions.Default;
        if (!(options.MinimumAngle > 0 && options.MinimumAngle <= 34))
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumAngle, "the minimum angle must be in (0, 34] degrees");
        if (options.SmoothingPasses < 0) throw new ArgumentOutOfRangeException(nameof(options), options.SmoothingPasses, "smoothing passes cannot be negative");
        if (options.MaxTriangles < 1 || options.MaxTriangles > MaxTriangleLimit)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTriangles, $"the triangle limit must be in [1, {MaxTriangleLimit}]");
        // A moved domain is the image of its original under a similarity, which keeps angles:
        // mesh the original at the scaled size and map the nodes.
        if (domain is PdeNet.Geometry.Domains.TransformedDomain moved) return Moved(moved, h, size, options);

        var field = new SizeField(h, size);
        long estimate = SizeEstimate.Triangles(domain, field);
        if (estimate > options.MaxTriangles)
        {
            throw new ArgumentOutOfRangeException(nameof(h), h,
                $"the mesh would have about {estimate} triangles, more than the limit of {options.MaxTriangles}; use a larger mesh size or raise TriangleMesherOptions.MaxTriangles");
        }
        var partNames = domain.BoundaryParts;
        int capacity = (int)Math.Min(estimate + estimate / 4 + 1024, options.MaxTriangles + 16);
        var mesh = new Triangulation(capacity / 2 + 16, capacity, options.MaxTriangles);
        ConstrainedDelaunay.AddEnclosingTriangle(mesh, domain.Bounds);
        var graph = BoundaryDiscretisation.Discretise(domain, field, mesh, partNames);
        var insertion = new CavityInsertion(mesh);
        var flips = new EdgeFlips(mesh);
        var splitting = new SegmentSplitting(mesh, graph, insertion);
        new ConstrainedDelaunay(mesh, graph, insertion, flips).Build();
        new FrontalInsertion(mesh, insertion, field).Run();
        new QualityRefinement(mesh, graph, insertion, splitting, field, options.MinimumAngle).Run();
        new Smoothing(mesh, flips).Run(options.SmoothingPasses);
        return MeshExtraction.ToMesh(mesh, graph, partNames);
    }

    private static Mesh Moved(PdeNet.Geometry.Domains.TransformedDomain moved, double h, SizeFunction? size, TriangleMesherOptions options)
    {
        var map = moved.Map;
        SizeFunction? innerSize = size is null ? null : (x, y) =>
        {
            Span<double> point = [x, y];
            map.Apply(point, point);
            return size(point[0], point[1]) / map.Scale;
        };
        var inner = Triangulate(moved.Inner, h / map.Scale, innerSize, options);
        var coordinates = new double[inner.Coordinates.Length];
        for (int i = 0; i < inner.NodeCount; i++) map.Apply(inner.Node(i), coordinates.AsSpan(2 * i, 2));
        return new Mesh(inner.CellType, 2, coordinates, inner.Cells, inner.BoundaryFacets, inner.BoundaryFacetParts, inner.PartNames,
            cellTags: inner.CellTags, subdomainNames: inner.SubdomainNames);
    }
}
