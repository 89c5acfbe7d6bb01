using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Meshes.Gmsh;

namespace PdeNet.Tests.Geometry;

public class GmshReaderTests
{
    private static readonly string FixtureFolder = Path.Combine(FindRoot(), "tests", "Fixtures", "gmsh");

    private static string Fixture(string name) => Path.Combine(FixtureFolder, name);

    private static Mesh Inline(string text) => GmshReader.Parse(new StringReader(text), "inline.msh");

    // ---- independent cell measures (Gauss quadrature of the isoparametric map where needed) ----

    private static double[] Point(Mesh mesh, int node) => mesh.Node(node).ToArray();

    private static double TriangleArea(double[] a, double[] b, double[] c) =>
        0.5 * ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));

    private static double TetrahedronVolume(double[] a, double[] b, double[] c, double[] d)
    {
        double[] u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]], w = [d[0] - a[0], d[1] - a[1], d[2] - a[2]];
        return (u[0] * (v[1] * w[2] - v[2] * w[1]) - u[1] * (v[0] * w[2] - v[2] * w[0]) + u[2] * (v[0] * w[1] - v[1] * w[0])) / 6;
    }

    /// <summary>Signed area or volume of a cell from its corners (quadrilaterals and hexahedra by 2-point Gauss rules of the multilinear map).</summary>
    private static double Measure(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell).ToArray().Select(i => Point(mesh, i)).ToArray();
        switch (mesh.CellType.Linear())
        {
            case CellType.Triangle:
                return TriangleArea(n[0], n[1], n[2]);
            case CellType.Tetrahedron:
                return TetrahedronVolume(n[0], n[1], n[2], n[3]);
            case CellType.Quadrilateral:
            {
                double area = 0, g = 1 / Math.Sqrt(3);
                foreach (double s in new[] { -g, g })
                {
                    foreach (double t in new[] { -g, g })
                    {
                        double[] ds = [-(1 - t), 1 - t, 1 + t, -(1 + t)], dt = [-(1 - s), -(1 + s), 1 + s, 1 - s];
                        double xs = 0, ys = 0, xt = 0, yt = 0;
                        for (int k = 0; k < 4; k++) (xs, ys, xt, yt) = (xs + ds[k] * n[k][0] / 4, ys + ds[k] * n[k][1] / 4, xt + dt[k] * n[k][0] / 4, yt + dt[k] * n[k][1] / 4);
                        area += xs * yt - xt * ys;
                    }
                }
                return area;
            }
            case CellType.Hexahedron:
            {
                double volume = 0, g = 1 / Math.Sqrt(3);
                int[][] signs = [[-1, -1, -1], [1, -1, -1], [1, 1, -1], [-1, 1, -1], [-1, -1, 1], [1, -1, 1], [1, 1, 1], [-1, 1, 1]];
                foreach (var q in signs.Select(s => s.Select(x => x * g).ToArray()))
                {
                    var j = new double[3, 3];
                    for (int k = 0; k < 8; k++)
                    {
                        var s = signs[k];
                        double[] dN = [s[0] * (1 + s[1] * q[1]) * (1 + s[2] * q[2]) / 8, s[1] * (1 + s[0] * q[0]) * (1 + s[2] * q[2]) / 8, s[2] * (1 + s[0] * q[0]) * (1 + s[1] * q[1]) / 8];
                        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) j[r, c] += n[k][r] * dN[c];
                    }
                    volume += j[0, 0] * (j[1, 1] * j[2, 2] - j[1, 2] * j[2, 1]) - j[0, 1] * (j[1, 0] * j[2, 2] - j[1, 2] * j[2, 0]) + j[0, 2] * (j[1, 0] * j[2, 1] - j[1, 1] * j[2, 0]);
                }
                return volume;
            }
            default:
                throw new NotSupportedException(mesh.CellType.ToString());
        }
    }

    private static double TotalMeasure(Mesh mesh) => Enumerable.Range(0, mesh.CellCount).Sum(c => Measure(mesh, c));

    private static void AssertPositivelyOriented(Mesh mesh)
    {
        var bad = Enumerable.Range(0, mesh.CellCount).Where(c => !(Measure(mesh, c) > 0)).ToList();
        Assert.That(bad, Is.Empty, "cells with non-positive orientation");
    }

    private static Dictionary<string, int> FacetsPerPart(Mesh mesh) =>
        mesh.PartNames.Select((name, index) => (name, count: mesh.BoundaryFacetParts.Count(p => p == index))).ToDictionary(p => p.name, p => p.count);

    /// <summary>Every facet of every cell, by sorted corner nodes, with the number of cells sharing it.</summary>
    private static Dictionary<string, int> FacetUses(Mesh mesh, int[][] localFacets, int corners)
    {
        var uses = new Dictionary<string, int>();
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var nodes = mesh.CellNodes(c).ToArray();
            foreach (var facet in localFacets)
            {
                string key = string.Join(",", facet.Take(corners).Select(k => nodes[k]).Order());
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        return uses;
    }

    /// <summary>Checks that the boundary facets are exactly the facets of one cell each.</summary>
    private static void AssertBoundaryIsComplete(Mesh mesh, int[][] localFacets, int corners)
    {
        var uses = FacetUses(mesh, localFacets, corners);
        Assert.That(uses.Values, Is.All.InRange(1, 2), "a conforming mesh");
        var boundary = Enumerable.Range(0, mesh.BoundaryFacetCount).Select(f => string.Join(",", mesh.FacetNodes(f).ToArray().Take(corners).Order())).ToList();
        Assert.That(boundary, Is.Unique);
        Assert.That(boundary, Is.EquivalentTo(uses.Where(u => u.Value == 1).Select(u => u.Key)));
    }

    private static readonly int[][] TriangleEdges = [[0, 1], [1, 2], [2, 0]];
    private static readonly int[][] QuadEdges = [[0, 1], [1, 2], [2, 3], [3, 0]];
    private static readonly int[][] TetFaces = [[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]];
    private static readonly int[][] HexFaces = [[0, 1, 2, 3], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]];

    /// <summary>Unit normal of a boundary facet by the right-hand rule over its first corners (2D: the edge direction turned clockwise).</summary>
    private static double[] FacetNormal(Mesh mesh, int facet)
    {
        var n = mesh.FacetNodes(facet).ToArray().Select(i => Point(mesh, i)).ToArray();
        double[] normal;
        if (mesh.GeometricDimension == 2)
        {
            normal = [n[1][1] - n[0][1], -(n[1][0] - n[0][0])];
        }
        else
        {
            double[] u = [n[1][0] - n[0][0], n[1][1] - n[0][1], n[1][2] - n[0][2]], v = [n[2][0] - n[0][0], n[2][1] - n[0][1], n[2][2] - n[0][2]];
            normal = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
        }
        double length = Math.Sqrt(normal.Sum(x => x * x));
        return normal.Select(x => x / length).ToArray();
    }

    private static IEnumerable<int> FacetsOf(Mesh mesh, string part) =>
        Enumerable.Range(0, mesh.BoundaryFacetCount).Where(f => mesh.PartNames[mesh.BoundaryFacetParts[f]] == part);

    private static double[] Midpoint(double[] a, double[] b) => a.Zip(b, (x, y) => (x + y) / 2).ToArray();

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    // ---- fixtures ----

    [Test]
    public void LShapeHasItsNamedPartsAreaAndOrientation()
    {
        var mesh = GmshReader.Read(Fixture("lshape.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Triangle));
        Assert.That(mesh.GeometricDimension, Is.EqualTo(2));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((80, 126, 32)));
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "dirichlet", "neumann" }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["dirichlet"] = 20, ["neumann"] = 12 }));
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "domain" }));
        Assert.That(mesh.CellTags, Is.All.EqualTo(0));
        Assert.That(TotalMeasure(mesh), Is.EqualTo(3).Within(1e-12));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, TriangleEdges, 2);
        Assert.That(mesh.Bounds().Min, Is.EqualTo(new[] { -1.0, -1 }));
        Assert.That(mesh.Bounds().Max, Is.EqualTo(new[] { 1.0, 1 }));

        // "dirichlet" is the top, left and bottom edges; "neumann" the rest.
        foreach (int f in FacetsOf(mesh, "dirichlet"))
        {
            var mid = Midpoint(Point(mesh, mesh.FacetNodes(f)[0]), Point(mesh, mesh.FacetNodes(f)[1]));
            Assert.That(Math.Abs(mid[1]) == 1 || mid[0] == -1, $"dirichlet facet at ({mid[0]}, {mid[1]})");
        }
        // Facets are oriented outwards: their normals agree with the ones Mesh computes from the cells.
        var normals = mesh.BoundaryFacetNormals();
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            Assert.That(FacetNormal(mesh, f), Is.EqualTo(new[] { normals[2 * f], normals[2 * f + 1] }).Within(1e-12));
        }
    }

    [Test]
    public void DiskWithHoleIsMirroredToCounterClockwiseAndHasItsCircles()
    {
        // The .geo's clockwise outer loop makes gmsh write every triangle clockwise.
        var mesh = GmshReader.Read(Fixture("disk_with_hole.msh"));

        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((196, 332, 60)));
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "outer", "inner" }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["outer"] = 32, ["inner"] = 28 }));
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "annulus" }));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, TriangleEdges, 2);

        foreach (var (part, radius) in new[] { ("outer", 1.0), ("inner", 0.4) })
        {
            foreach (int f in FacetsOf(mesh, part))
            {
                foreach (int node in mesh.FacetNodes(f)) Assert.That(Distance(Point(mesh, node), [0, 0]), Is.EqualTo(radius).Within(1e-12), part);
                // Outward from the annulus: away from the centre on the outer circle, towards it on the inner one.
                var mid = Midpoint(Point(mesh, mesh.FacetNodes(f)[0]), Point(mesh, mesh.FacetNodes(f)[1]));
                double radial = FacetNormal(mesh, f).Zip(mid, (a, b) => a * b).Sum();
                Assert.That(part == "outer" ? radial > 0 : radial < 0, $"{part} facet {f} points outwards");
            }
        }

        // The straight-edged mesh covers the annulus up to the polygonal approximation of the
        // circles: the area of the two inscribed regular polygons with 32 and 28 sides.
        double exact = Math.PI * (1 - 0.16);
        double polygons = 32 / 2.0 * Math.Sin(2 * Math.PI / 32) - 28 / 2.0 * 0.16 * Math.Sin(2 * Math.PI / 28);
        double area = TotalMeasure(mesh);
        Assert.That(area, Is.EqualTo(polygons).Within(1e-9));
        Assert.That(exact - area, Is.InRange(0, 0.03));
    }

    [Test]
    public void BoxHasSixNamedFacesAndItsVolume()
    {
        var mesh = GmshReader.Read(Fixture("box.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Tetrahedron));
        Assert.That(mesh.GeometricDimension, Is.EqualTo(3));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((107, 256, 204)));
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "left", "right", "front", "back", "bottom", "top" }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["left"] = 26, ["right"] = 26, ["front"] = 38, ["back"] = 38, ["bottom"] = 38, ["top"] = 38,
        }));
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "box" }));
        Assert.That(TotalMeasure(mesh), Is.EqualTo(2).Within(1e-12));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, TetFaces, 3);
        AssertBoxFaces(mesh);
    }

    /// <summary>Each named face of [0,2] x [0,1] x [0,1] lies in its plane and its facets point outwards.</summary>
    private static void AssertBoxFaces(Mesh mesh)
    {
        var faces = new Dictionary<string, (int Axis, double Value, double Sign)>
        {
            ["left"] = (0, 0, -1), ["right"] = (0, 2, 1), ["front"] = (1, 0, -1), ["back"] = (1, 1, 1), ["bottom"] = (2, 0, -1), ["top"] = (2, 1, 1),
        };
        foreach (var (part, (axis, value, sign)) in faces)
        {
            foreach (int f in FacetsOf(mesh, part))
            {
                foreach (int node in mesh.FacetNodes(f)) Assert.That(mesh.Node(node)[axis], Is.EqualTo(value).Within(1e-12), part);
                Assert.That(FacetNormal(mesh, f)[axis], Is.EqualTo(sign).Within(1e-9), $"{part} facet {f} points outwards");
            }
        }
    }

    [Test]
    public void QuadraticTetrahedraAreInVtkOrder()
    {
        var mesh = GmshReader.Read(Fixture("box_p2.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Tetrahedron10));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((219, 90, 84)));
        Assert.That(FacetsPerPart(mesh).Values, Is.All.EqualTo(14));
        Assert.That(TotalMeasure(mesh), Is.EqualTo(2).Within(1e-12));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, TetFaces, 3);
        AssertBoxFaces(mesh);

        // VTK order: edge nodes 4..9 on edges 01, 12, 20, 03, 13, 23 (gmsh swaps the last two);
        // the box's edges are straight, so each is at the midpoint of its corners.
        int[][] edges = [[0, 1], [1, 2], [2, 0], [0, 3], [1, 3], [2, 3]];
        AssertMidsideNodes(mesh, Enumerable.Range(0, mesh.CellCount).Select(c => mesh.CellNodes(c).ToArray()), edges, 4);
        // Facets are Triangle6 in their own order: corners, then edges 01, 12, 20.
        AssertMidsideNodes(mesh, Enumerable.Range(0, mesh.BoundaryFacetCount).Select(f => mesh.FacetNodes(f).ToArray()), [[0, 1], [1, 2], [2, 0]], 3);
    }

    private static void AssertMidsideNodes(Mesh mesh, IEnumerable<int[]> elements, int[][] edges, int first)
    {
        foreach (var nodes in elements)
        {
            for (int e = 0; e < edges.Length; e++)
            {
                var expected = Midpoint(Point(mesh, nodes[edges[e][0]]), Point(mesh, nodes[edges[e][1]]));
                Assert.That(Point(mesh, nodes[first + e]), Is.EqualTo(expected).Within(1e-12), $"node {first + e} is the midpoint of edge {edges[e][0]}{edges[e][1]}");
            }
        }
    }

    [Test]
    public void QuadraticTrianglesFollowTheCircles()
    {
        var mesh = GmshReader.Read(Fixture("disk_with_hole_p2.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Triangle6));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((224, 96, 32)));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["outer"] = 16, ["inner"] = 16 }));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, TriangleEdges, 2);

        // Edge nodes of interior edges are midpoints; those of boundary edges lie on the circle,
        // between their corners. Edge node 3 + e belongs to edge (e, e + 1 mod 3).
        var boundaryEdges = Enumerable.Range(0, mesh.BoundaryFacetCount).Select(f => mesh.FacetNodes(f).ToArray())
            .ToDictionary(n => (Math.Min(n[0], n[1]), Math.Max(n[0], n[1])), n => n[2]);
        double area = 0;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var n = mesh.CellNodes(c).ToArray();
            for (int e = 0; e < 3; e++)
            {
                int a = n[e], b = n[(e + 1) % 3], mid = n[3 + e];
                if (boundaryEdges.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out int facetMid))
                {
                    Assert.That(facetMid, Is.EqualTo(mid), "the facet shares the cell's edge node");
                    Assert.That(Distance(Point(mesh, mid), [0, 0]), Is.EqualTo(Distance(Point(mesh, a), [0, 0])).Within(1e-9), "on the circle");
                    Assert.That(Distance(Point(mesh, mid), Point(mesh, a)), Is.EqualTo(Distance(Point(mesh, mid), Point(mesh, b))).Within(1e-9), "half way along the arc");
                }
                else
                {
                    Assert.That(Point(mesh, mid), Is.EqualTo(Midpoint(Point(mesh, a), Point(mesh, b))).Within(1e-12));
                }
            }
            area += IsoparametricArea(mesh, n);
        }

        // With curved edges the mesh is far closer to the annulus than with straight ones.
        double exact = Math.PI * (1 - 0.16), straight = TotalMeasure(mesh);
        Assert.That(exact - straight, Is.GreaterThan(0.05));
        Assert.That(area, Is.EqualTo(exact).Within(2e-4));
    }

    /// <summary>Area of a 6-node triangle with its quadratic geometry (det J is quadratic: a 3-point rule is exact).</summary>
    private static double IsoparametricArea(Mesh mesh, int[] n)
    {
        double area = 0;
        foreach (var (s, t) in new[] { (1 / 6.0, 1 / 6.0), (2 / 3.0, 1 / 6.0), (1 / 6.0, 2 / 3.0) })
        {
            double l = 1 - s - t;
            double[] ds = [-(4 * l - 1), 4 * s - 1, 0, 4 * (l - s), 4 * t, -4 * t];
            double[] dt = [-(4 * l - 1), 0, 4 * t - 1, -4 * s, 4 * s, 4 * (l - t)];
            double xs = 0, ys = 0, xt = 0, yt = 0;
            for (int k = 0; k < 6; k++)
            {
                var p = mesh.Node(n[k]);
                (xs, ys, xt, yt) = (xs + ds[k] * p[0], ys + ds[k] * p[1], xt + dt[k] * p[0], yt + dt[k] * p[1]);
            }
            area += (xs * yt - xt * ys) / 6;
        }
        return area;
    }

    [Test]
    public void QuadraticQuadrilateralsWithTwoSubdomainsAndUntaggedEdges()
    {
        var mesh = GmshReader.Read(Fixture("two_squares_p2.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Quadrilateral9));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((13 * 7, 18, 18)));
        // Physical curve 7 has no name; "interface" lies inside the domain, so it has no boundary
        // facets; the edges of no physical group are "boundary".
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "physical 7", "interface", GmshReader.UntaggedBoundaryPart }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["physical 7"] = 6, ["interface"] = 0, ["boundary"] = 12 }));
        foreach (int f in FacetsOf(mesh, "physical 7")) Assert.That(mesh.FacetNodes(f).ToArray().Select(n => mesh.Node(n)[1]), Is.All.EqualTo(0.0));

        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "left", "right" }));
        for (int c = 0; c < mesh.CellCount; c++)
        {
            double x = mesh.Node(mesh.CellNodes(c)[8])[0];
            Assert.That(mesh.CellTags![c], Is.EqualTo(x < 1 ? 0 : 1), $"cell {c} centred at x = {x}");
        }
        Assert.That(TotalMeasure(mesh), Is.EqualTo(2).Within(1e-12));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, QuadEdges, 2);
        var cells = Enumerable.Range(0, mesh.CellCount).Select(c => mesh.CellNodes(c).ToArray()).ToList();
        AssertMidsideNodes(mesh, cells, [[0, 1], [1, 2], [2, 3], [3, 0]], 4);
        AssertMidsideNodes(mesh, cells, [[0, 2]], 8);
        AssertMidsideNodes(mesh, Enumerable.Range(0, mesh.BoundaryFacetCount).Select(f => mesh.FacetNodes(f).ToArray()), [[0, 1]], 2);
    }

    [Test]
    public void HexahedraWithUntaggedSides()
    {
        var mesh = GmshReader.Read(Fixture("slab.msh"));

        Assert.That(mesh.CellType, Is.EqualTo(CellType.Hexahedron));
        Assert.That((mesh.NodeCount, mesh.CellCount, mesh.BoundaryFacetCount), Is.EqualTo((5 * 3 * 3, 16, 40)));
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "bottom", "top", "boundary" }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["bottom"] = 8, ["top"] = 8, ["boundary"] = 24 }));
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "slab" }));
        Assert.That(TotalMeasure(mesh), Is.EqualTo(1).Within(1e-12));
        AssertPositivelyOriented(mesh);
        AssertBoundaryIsComplete(mesh, HexFaces, 4);
        foreach (int f in FacetsOf(mesh, "bottom")) Assert.That(FacetNormal(mesh, f), Is.EqualTo(new[] { 0.0, 0, -1 }).Within(1e-12));
        foreach (int f in FacetsOf(mesh, "top")) Assert.That(FacetNormal(mesh, f), Is.EqualTo(new[] { 0.0, 0, 1 }).Within(1e-12));
    }

    // ---- small inline files ----

    private const string Header = "$MeshFormat\n4.1 0 8\n$EndMeshFormat\n";

    /// <summary>Two clockwise triangles on the unit square, node tags with gaps, one unused node, no $Entities.</summary>
    private const string ClockwiseSquare = Header + """
        $Comments
        anything, even $Nodes
        $EndComments
        $Nodes
        2 5 10 99
        2 1 0 4
        10
        20
        30
        40
        0 0 0
        0 1 0
        1 1 0
        1 0 0
        0 7 1 1
        99
        5 5 0
        $EndNodes
        $Elements
        1 2 1 2
        2 1 2 2
        1 10 20 30
        2 10 30 40
        $EndElements
        $NodeData
        1
        "u"
        0
        0
        $EndNodeData
        """;

    [Test]
    public void GapsInNodeTagsUnusedNodesAndMissingEntitiesAreHandled()
    {
        var mesh = Inline(ClockwiseSquare);

        Assert.That(mesh.NodeCount, Is.EqualTo(4), "node 99 belongs to no cell and is dropped");
        Assert.That(mesh.Coordinates, Is.EqualTo(new double[] { 0, 0, 0, 1, 1, 1, 1, 0 }), "file order, z dropped");
        Assert.That(mesh.Cells, Is.EqualTo(new[] { 0, 2, 1, 0, 3, 2 }), "clockwise triangles are mirrored");
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { GmshReader.UntaggedBoundaryPart }));
        Assert.That(mesh.BoundaryFacetCount, Is.EqualTo(4));
        Assert.That(mesh.CellTags, Is.Null, "without physical groups of dimension 2 there are no subdomains");
        Assert.That(mesh.SubdomainNames, Is.Empty);
    }

    [Test]
    public void ParametricNodesPeriodicSectionsAndSeveralGroupsPerEntity()
    {
        string text = Header + """
            $Entities
            0 1 1 0
            1 0 0 0 1 0 0 2 5 -8 0
            1 0 0 0 1 1 0 1 6 0
            $EndEntities
            $Nodes
            2 4 1 4
            1 1 1 2
            1
            2
            0 0 0 0
            1 0 0 1
            2 1 1 2
            3
            4
            1 1 0 1 1
            0 1 0 0 1
            $EndNodes
            $Elements
            2 3 1 3
            1 1 1 1
            1 1 2
            2 1 2 2
            2 2 3 4
            3 2 4 1
            $EndElements
            $Periodic
            1
            1 1 1
            0
            0
            $EndPeriodic
            """;
        var mesh = Inline(text);
        Assert.That(mesh.NodeCount, Is.EqualTo(4));
        // The bottom curve is in physical groups 5 and 8 (a negative tag counts as positive); the first wins.
        Assert.That(mesh.PartNames, Is.EqualTo(new[] { "physical 5", "physical 8", GmshReader.UntaggedBoundaryPart }));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["physical 5"] = 1, ["physical 8"] = 0, ["boundary"] = 3 }));
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "physical 6" }));
    }

    [Test]
    public void CellsOutsideThePhysicalGroupsGetTheUntaggedSubdomain()
    {
        string text = Header + """
            $PhysicalNames
            1
            2 4 "solid part"
            $EndPhysicalNames
            $Entities
            0 0 2 0
            1 0 0 0 1 1 0 1 4 0
            2 0 0 0 1 1 0 0 0
            $EndEntities
            $Nodes
            1 4 1 4
            2 1 0 4
            1
            2
            3
            4
            0 0 0
            1 0 0
            1 1 0
            0 1 0
            $EndNodes
            $Elements
            2 2 1 2
            2 1 2 1
            1 1 2 3
            2 2 2 1
            2 1 3 4
            $EndElements
            """;
        var mesh = Inline(text);
        Assert.That(mesh.SubdomainNames, Is.EqualTo(new[] { "solid part", GmshReader.UntaggedSubdomain }));
        Assert.That(mesh.CellTags, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void MirroredCellsKeepTheirEdgeNodesOnTheirEdges()
    {
        // A tet10 with corners 1-4 listed negatively oriented (1, 3, 2, 4), edge nodes in gmsh order.
        string tet = Header + """
            $Nodes
            1 10 1 10
            3 1 0 10
            1
            2
            3
            4
            5
            6
            7
            8
            9
            10
            0 0 0
            1 0 0
            0 1 0
            0 0 1
            0.5 0 0
            0.5 0.5 0
            0 0.5 0
            0 0 0.5
            0.5 0 0.5
            0 0.5 0.5
            $EndNodes
            $Elements
            1 1 1 1
            3 1 11 1
            1 1 3 2 4 7 6 5 8 9 10
            $EndElements
            """;
        // gmsh edges: 4 = 01, 5 = 12, 6 = 20, 7 = 30, 8 = 32, 9 = 31 of the listed corners.
        var mesh = Inline(tet);
        Assert.That(mesh.CellType, Is.EqualTo(CellType.Tetrahedron10));
        Assert.That(Measure(mesh, 0), Is.EqualTo(1 / 6.0).Within(1e-15));
        AssertMidsideNodes(mesh, [mesh.CellNodes(0).ToArray()], [[0, 1], [1, 2], [2, 0], [0, 3], [1, 3], [2, 3]], 4);
        Assert.That(mesh.BoundaryFacetCount, Is.EqualTo(4));
        AssertMidsideNodes(mesh, Enumerable.Range(0, 4).Select(f => mesh.FacetNodes(f).ToArray()), [[0, 1], [1, 2], [2, 0]], 3);
        for (int f = 0; f < 4; f++)
        {
            var centroid = mesh.FacetNodes(f).ToArray().Take(3).Select(n => Point(mesh, n)).Aggregate((a, b) => a.Zip(b, (x, y) => x + y).ToArray()).Select(x => x / 3).ToArray();
            double outward = FacetNormal(mesh, f).Zip(centroid, (a, b) => a * (b - 0.25)).Sum();
            Assert.That(outward, Is.GreaterThan(0), $"face {f} points out of the tetrahedron");
        }

        // A clockwise tri6 and a clockwise quad9.
        var tri = Inline(Header + "$Nodes\n1 6 1 6\n2 1 0 6\n1\n2\n3\n4\n5\n6\n0 0 0\n0 1 0\n1 0 0\n0 0.5 0\n0.5 0.5 0\n0.5 0 0\n$EndNodes\n"
            + "$Elements\n1 1 1 1\n2 1 9 1\n1 1 2 3 4 5 6\n$EndElements\n");
        Assert.That(Measure(tri, 0), Is.EqualTo(0.5).Within(1e-15));
        AssertMidsideNodes(tri, [tri.CellNodes(0).ToArray()], [[0, 1], [1, 2], [2, 0]], 3);
        var quad = Inline(Header + "$Nodes\n1 9 1 9\n2 1 0 9\n1\n2\n3\n4\n5\n6\n7\n8\n9\n0 0 0\n0 1 0\n1 1 0\n1 0 0\n0 0.5 0\n0.5 1 0\n1 0.5 0\n0.5 0 0\n0.5 0.5 0\n$EndNodes\n"
            + "$Elements\n1 1 1 1\n2 1 10 1\n1 1 2 3 4 5 6 7 8 9\n$EndElements\n");
        Assert.That(Measure(quad, 0), Is.EqualTo(1).Within(1e-15));
        AssertMidsideNodes(quad, [quad.CellNodes(0).ToArray()], [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]], 4);

        // A unit cube listed top face first, which inverts it.
        var hex = Inline(Header + "$Nodes\n1 8 1 8\n3 1 0 8\n1\n2\n3\n4\n5\n6\n7\n8\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n0 0 1\n1 0 1\n1 1 1\n0 1 1\n$EndNodes\n"
            + "$Elements\n1 1 1 1\n3 1 5 1\n1 5 6 7 8 1 2 3 4\n$EndElements\n");
        Assert.That(Measure(hex, 0), Is.EqualTo(1).Within(1e-15));
        Assert.That(hex.BoundaryFacetCount, Is.EqualTo(6));
        AssertBoundaryIsComplete(hex, HexFaces, 4);
        for (int f = 0; f < 6; f++)
        {
            var centroid = hex.FacetNodes(f).ToArray().Select(n => Point(hex, n)).Aggregate((a, b) => a.Zip(b, (x, y) => x + y).ToArray()).Select(x => x / 4 - 0.5).ToArray();
            Assert.That(FacetNormal(hex, f), Is.EqualTo(centroid.Select(x => 2 * x).ToArray()).Within(1e-15), $"face {f} points outwards");
        }
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        string nodes = "$Nodes\n1 3 1 3\n2 1 0 3\n1\n2\n3\n0 0 0\n1 0 0\n0 1 0\n$EndNodes\n";
        string triangle = "$Elements\n1 1 1 1\n2 1 2 1\n1 1 2 3\n$EndElements\n";
        TestCaseData Case(string name, string text, int line, string message) => new TestCaseData(text, line, message).SetName($"{{m}}({name})");

        yield return Case("empty file", "", 1, "the file is empty; expected $MeshFormat");
        yield return Case("not MSH", "hello\n", 1, "expected $MeshFormat at the start of an MSH file, found 'hello'");
        yield return Case("binary", "$MeshFormat\n4.1 1 8\n", 2, "binary MSH is not supported; save as ASCII with -format msh41 and Mesh.Binary = 0");
        yield return Case("version 2.2", "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n", 2, "MSH version 2.2 is not supported; only MSH 4.1 ASCII is read (save with -format msh41)");
        yield return Case("no nodes", Header + triangle, 8, "the file has no $Nodes section");
        yield return Case("truncated nodes", Header + "$Nodes\n1 3 1 3\n2 1 0 3\n1\n2\n3\n0 0 0\n1 0", 11, "the file ends early; expected the z coordinate of a node");
        yield return Case("too few nodes", Header + "$Nodes\n1 4 1 4\n2 1 0 3\n1\n2\n3\n0 0 0\n1 0 0\n0 1 0\n$EndNodes\n" + triangle, 12,
            "the $Nodes header at line 5 announces 4 nodes, but its 1 blocks hold 3");
        yield return Case("garbage count", Header + "$Nodes\n1 x 1 3\n", 5, "expected the number of nodes (an integer), found 'x'");
        yield return Case("huge count", Header + "$Nodes\n1 99999999999999999999 1 3\n", 5, "expected the number of nodes (an integer), found '99999999999999999999'");
        yield return Case("negative tag", Header + "$Nodes\n1 3 1 3\n2 1 0 3\n-1\n", 7, "a node tag is -1; it must be at least 1");
        yield return Case("infinite coordinate", Header + "$Nodes\n1 3 1 3\n2 1 0 3\n1\n2\n3\n0 0 0\n1e999 0 0\n", 11, "the x coordinate of a node is 1e999; it must be finite");
        yield return Case("duplicate node", Header + "$Nodes\n1 3 1 3\n2 1 0 3\n1\n2\n2\n0 0 0\n1 0 0\n0 1 0\n$EndNodes\n", 12, "node tag 2 is used twice");
        yield return Case("unknown element type", Header + nodes + "$Elements\n1 1 1 1\n2 1 42 1\n", 16, "unknown element type 42; supported types: 1 (2-node line), 2 (3-node triangle)");
        yield return Case("prism", Header + nodes + "$Elements\n1 1 1 1\n3 1 6 1\n", 16, "element type 6 (6-node prism) is not supported");
        yield return Case("type of another dimension", Header + nodes + "$Elements\n1 1 1 1\n3 1 2 1\n", 16,
            "element type 2 (3-node triangle) is 2-dimensional, but the block is on an entity of dimension 3");
        yield return Case("undefined node", Header + nodes + "$Elements\n1 1 1 1\n2 1 2 1\n1 1 2 7\n$EndElements\n", 17, "element 1 refers to node 7, which $Nodes does not define");
        yield return Case("element count", Header + nodes + "$Elements\n1 2 1 2\n2 1 2 1\n1 1 2 3\n$EndElements\n", 17,
            "the $Elements header at line 15 announces 2 elements, but its 1 blocks hold 1");
        yield return Case("missing end marker", Header + nodes + "$Elements\n1 1 1 1\n2 1 2 1\n1 1 2 3\n$EndNodes\n", 18, "expected $EndElements after 1 element blocks, found '$EndNodes'");
        yield return Case("undefined entity", Header + "$Entities\n0 0 1 0\n1 0 0 0 1 1 0 0 0\n$EndEntities\n" + nodes.Replace("2 1 0 3", "2 5 0 3") + triangle, 10,
            "the node block refers to entity 5 of dimension 2, which $Entities does not define");
        yield return Case("mixed cell types", Header + "$Nodes\n1 4 1 4\n2 1 0 4\n1\n2\n3\n4\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n$EndNodes\n"
            + "$Elements\n2 2 1 2\n2 1 2 1\n1 1 2 3\n2 1 3 1\n2 1 2 3 4\n$EndElements\n", 20,
            "the 2D elements mix type 2 (3-node triangle) (1 elements) and type 3 (4-node quadrangle) (1 elements); a mesh has one cell type");
        yield return Case("lines only", Header + nodes + "$Elements\n1 1 1 1\n1 1 1 1\n1 1 2\n$EndElements\n", 18,
            "the highest element dimension is 1; only 2D and 3D meshes are read");
        yield return Case("not planar", Header + nodes.Replace("0 1 0\n$End", "0 1 0.5\n$End") + triangle, 12,
            "node 3 has z = 0.5; the nodes of a 2D mesh must lie in the plane z = 0");
        yield return Case("degenerate", Header + nodes.Replace("0 1 0\n$End", "2 0 0\n$End") + triangle, 17, "element 1 is degenerate: its corners span area 0");
        yield return Case("repeated node", Header + nodes + "$Elements\n1 1 1 1\n2 1 2 1\n1 1 2 2\n$EndElements\n", 17, "element 1 lists node 2 twice");
        yield return Case("unterminated section", Header + nodes + triangle + "$NodeData\n1\n", 20, "the file ends inside the $NodeData section that starts at line 19; expected $EndNodeData");
        yield return Case("partitioned", Header + "$PartitionedEntities\n", 4, "partitioned meshes ($PartitionedEntities) are not supported");
        yield return Case("unquoted name", Header + "$PhysicalNames\n1\n1 1 wall\n", 6, "expected the physical name in double quotes after '1 1', found 'wall'");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void BadFilesAreRefusedWithFileLineAndReason(string text, int line, string message)
    {
        var error = Assert.Throws<GmshFormatException>(() => Inline(text));
        Assert.That(error!.FileName, Is.EqualTo("inline.msh"));
        Assert.That(error.Line, Is.EqualTo(line), error.Message);
        Assert.That(error.Problem, Does.StartWith(message));
        Assert.That(error.Message, Is.EqualTo($"inline.msh, line {line}: {error.Problem}"));
        Assert.That(error, Is.InstanceOf<FormatException>());
    }

    [Test]
    public void ReadNamesThePathInErrorsAndRefusesMissingFiles()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pdenet-gmsh-{Guid.NewGuid():N}.msh");
        File.WriteAllText(path, "$MeshFormat\n4.1 1 8\n$EndMeshFormat\n");
        try
        {
            var error = Assert.Throws<GmshFormatException>(() => GmshReader.Read(path));
            Assert.That(error!.Message, Does.StartWith($"{path}, line 2: binary MSH is not supported"));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => GmshReader.Read(path));
    }

    // ---- fuzzing ----

    private static readonly string[] Fixtures =
        ["lshape.msh", "disk_with_hole.msh", "disk_with_hole_p2.msh", "box.msh", "box_p2.msh", "two_squares_p2.msh", "slab.msh"];

    private const int MutationsPerFixture = 200;

    private static readonly string[] Garbage =
    [
        "x", "", "-1", "0", "1", "2", "3", "4", "15", "1e999", "-1e999", "NaN", "Infinity", "2147483648", "-2147483649",
        "2147483647", "9223372036854775807", "99999999999999999999", "4.1.2", "0x10", "$Nodes", "$EndElements", "\"", "\"a b\"", "1.5", "\u0000\u00ff",
    ];

    /// <summary>One to three seeded mutations of <paramref name="text"/> and a description of them.</summary>
    private static (string Text, string What) Mutations(string text, Random random)
    {
        var (result, what) = Mutate(text, random);
        for (int more = random.Next(3) == 0 ? random.Next(1, 3) : 0; more > 0; more--)
        {
            var (next, also) = Mutate(result, random);
            (result, what) = (next, $"{what}, then {also}");
        }
        return (result, what);
    }

    /// <summary>A seeded mutation of <paramref name="text"/> and a description of it.</summary>
    private static (string Text, string What) Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int i = random.Next(lines.Count), j = random.Next(lines.Count);
        switch (random.Next(8))
        {
            case 0:
                int cut = random.Next(text.Length);
                return (text[..cut], $"truncated after {cut} characters");
            case 1:
                lines.RemoveAt(i);
                return (string.Join('\n', lines), $"line {i + 1} deleted");
            case 2:
                lines.Insert(i, lines[i]);
                return (string.Join('\n', lines), $"line {i + 1} duplicated");
            case 3:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return (string.Join('\n', lines), $"lines {i + 1} and {j + 1} swapped");
            case 4:
            case 5:
            default:
            {
                var tokens = lines[i].Split(' ');
                int t = random.Next(tokens.Length);
                string garbage = random.Next(3) == 0 ? random.Next(-5, 100).ToString() : Garbage[random.Next(Garbage.Length)];
                tokens[t] = garbage;
                lines[i] = string.Join(' ', tokens);
                return (string.Join('\n', lines), $"token {t + 1} of line {i + 1} replaced by '{garbage}'");
            }
            case 6 when lines.Skip(lines.IndexOf("$Elements") + 2).Any(l => l.Split(' ').Length == 4):
            {
                // An element block header: change its element type.
                int start = lines.IndexOf("$Elements") + 2;
                var headers = Enumerable.Range(start, lines.Count - start).Where(k => lines[k].Split(' ').Length == 4).ToList();
                int k = headers[random.Next(headers.Count)];
                var tokens = lines[k].Split(' ');
                int[] types = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 99, -3];
                tokens[2] = types[random.Next(types.Length)].ToString();
                lines[k] = string.Join(' ', tokens);
                return (string.Join('\n', lines), $"line {k + 1} given element type {tokens[2]}");
            }
            case 7:
            {
                // A count in a section header line: off by one, zero or huge.
                string[] sections = ["$PhysicalNames", "$Entities", "$Nodes", "$Elements"];
                int k = lines.IndexOf(sections[random.Next(sections.Length)]) + 1;
                if (k == 0 || k >= lines.Count) k = i;
                var tokens = lines[k].Split(' ');
                int t = random.Next(tokens.Length);
                long.TryParse(tokens[t], out long value);
                long[] changes = [value + 1, value - 1, 0, value * 1000, int.MaxValue];
                tokens[t] = changes[random.Next(changes.Length)].ToString();
                lines[k] = string.Join(' ', tokens);
                return (string.Join('\n', lines), $"count {t + 1} of line {k + 1} set to {tokens[t]}");
            }
        }
    }

    [TestCaseSource(nameof(Fixtures))]
    public void MutatedFilesGiveAMeshOrAGmshFormatException(string fixture)
    {
        string original = File.ReadAllText(Fixture(fixture));
        int lineCount = original.Split('\n').Length + 1;
        var random = new Random(fixture.Aggregate(17, (h, c) => h * 31 + c));
        int meshes = 0, errors = 0;
        var failures = new List<string>();
        for (int m = 0; m < MutationsPerFixture; m++)
        {
            var (text, what) = Mutations(original, random);
            try
            {
                var mesh = GmshReader.Parse(new StringReader(text), fixture);
                Assert.That(mesh.CellCount, Is.Positive);
                meshes++;
            }
            catch (GmshFormatException e)
            {
                errors++;
                if (e.FileName != fixture || e.Line < 1 || e.Line > lineCount + 1 || !e.Message.StartsWith($"{fixture}, line {e.Line}: ", StringComparison.Ordinal))
                    failures.Add($"{what}: badly located error '{e.Message}'");
            }
            catch (Exception e)
            {
                failures.Add($"{what}: {e.GetType().Name}: {e.Message}");
            }
        }
        TestContext.Out.WriteLine($"{fixture}: {MutationsPerFixture} mutations, {meshes} meshes, {errors} format errors");
        Assert.That(failures, Is.Empty);
        Assert.That(errors, Is.GreaterThan(MutationsPerFixture / 3), "most mutations break the file");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PdeNet.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (PdeNet.sln) above the test binaries");
    }
}
