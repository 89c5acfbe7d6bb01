using PdeNet.Geometry;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Tests.Geometry;

public class TriangleMesherTests
{
    private static Polygon LShape() => Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));

    private static Domain RectangleMinusDisk() => new Rectangle(0, 0, 2, 1) - new Disk((0.7, 0.5), 0.25);

    private static IEnumerable<TestCaseData> Domains()
    {
        yield return new TestCaseData(new Disk((0, 0), 1), 0.08).SetName("Disk");
        yield return new TestCaseData(RectangleMinusDisk(), 0.06).SetName("RectangleMinusDisk");
        yield return new TestCaseData(new Rectangle(0, 0, 2, 1) | new Disk((2, 0.5), 0.7), 0.07).SetName("RectangleUnionDisk");
        yield return new TestCaseData(LShape(), 0.1).SetName("LShape");
        yield return new TestCaseData(new Disk((0, 0), 1) & new Disk((1.2, 0), 1), 0.05).SetName("Lens");
        yield return new TestCaseData(Rectangle.UnitSquare - new Disk((0.5, 0.5), 0.2) - new Disk((0.85, 0.85), 0.1), 0.04).SetName("SquareWithTwoHoles");
    }

    /// <summary>
    /// The mesh of the unit disk is the inscribed polygon of its boundary vertices: its area falls
    /// short of π by the circular segments cut off by the facets, Σ (θ - sin θ) / 2 for facet
    /// angles θ, which is at most Σ θ³ / 12 (θ ≈ L, the chord length, on the unit circle).
    /// </summary>
    [Test]
    public void DiskAreaIsTheInscribedPolygonsArea()
    {
        var mesh = TriangleMesher.Triangulate(new Disk((0, 0), 1), 0.05);
        double area = MeshChecks.Area(mesh), segments = 0, bound = 0;
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var n = mesh.FacetNodes(f);
            double length = Math.Sqrt(Math.Pow(mesh.Node(n[0])[0] - mesh.Node(n[1])[0], 2) + Math.Pow(mesh.Node(n[0])[1] - mesh.Node(n[1])[1], 2));
            double theta = 2 * Math.Asin(length / 2);
            segments += (theta - Math.Sin(theta)) / 2;
            bound += Math.Pow(theta, 3) / 12;
        }
        Assert.That(area, Is.EqualTo(Math.PI - segments).Within(1e-12));
        Assert.That(Math.PI - area, Is.GreaterThan(0).And.LessThanOrEqualTo(bound));
        Assert.That(Math.PI - area, Is.LessThan(1.1 * Math.PI * 0.05 * 0.05 / 6), "about 2π / h facets cutting h³ / 12 each: π h² / 6");
        for (int v = 0; v < mesh.NodeCount; v++)
        {
            double r = Math.Sqrt(Math.Pow(mesh.Node(v)[0], 2) + Math.Pow(mesh.Node(v)[1], 2));
            Assert.That(r, Is.LessThanOrEqualTo(1 + 1e-15));
        }
        foreach (int v in mesh.BoundaryNodes(BoundarySelector.All))
        {
            double r = Math.Sqrt(Math.Pow(mesh.Node(v)[0], 2) + Math.Pow(mesh.Node(v)[1], 2));
            Assert.That(r, Is.EqualTo(1).Within(1e-15), "boundary vertices lie on the circle");
        }
    }

    [Test]
    public void LShapeAreaIsExact()
    {
        var mesh = TriangleMesher.Triangulate(LShape(), 0.1);
        Assert.That(MeshChecks.Area(mesh), Is.EqualTo(3).Within(1e-12));
        Assert.That(MeshChecks.FacetsPerPart(mesh).Keys, Is.EquivalentTo(new[] { "edge0", "edge1", "edge2", "edge3", "edge4", "edge5" }));
    }

    [Test]
    public void RectangleMinusDiskNamesItsBoundaryAndFollowsTheCircle()
    {
        var domain = RectangleMinusDisk();
        double h = 0.05, r = 0.25;
        var mesh = TriangleMesher.Triangulate(domain, h);
        double hole = 0;
        Span<double> normal = stackalloc double[2];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var n = mesh.FacetNodes(f);
            var a = mesh.Node(n[0]);
            var b = mesh.Node(n[1]);
            double mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2, length = Math.Sqrt(Math.Pow(a[0] - b[0], 2) + Math.Pow(a[1] - b[1], 2));
            string part = mesh.PartNames[mesh.BoundaryFacetParts[f]];
            double sagitta = length * length / (8 * r);
            Assert.That(Math.Abs(domain.SignedDistance([mx, my])), Is.LessThanOrEqualTo(sagitta * 1.01 + 1e-14), $"facet {f} midpoint");
            Assert.That(domain.BoundaryPartAt([mx, my], 2 * sagitta + 1e-12, normal), Is.EqualTo(part), $"facet {f} at ({mx}, {my})");
            Assert.That(length, Is.LessThan(1.5 * h));
            if (part == "circle") hole += 0.5 * Math.Abs((a[0] - 0.7) * (b[1] - 0.5) - (b[0] - 0.7) * (a[1] - 0.5));
        }
        Assert.That(MeshChecks.FacetsPerPart(mesh).Keys, Is.EquivalentTo(new[] { "left", "right", "top", "bottom", "circle" }));
        // The hole is the inscribed polygon of the circle facets: the area is exact given it.
        Assert.That(MeshChecks.Area(mesh), Is.EqualTo(2 - hole).Within(1e-12));
        // Chords of length L ≤ 1.5 h cut circular segments of area ≤ L³ / (12 r) each.
        Assert.That(hole, Is.EqualTo(Math.PI * r * r).Within(2 * Math.PI * r / h * Math.Pow(1.5 * h, 3) / (12 * r)));
    }

    [TestCaseSource(nameof(Domains))]
    public void MeshIsConformingWithAnglesOfAtLeastThirtyDegrees(Domain domain, double h)
    {
        var mesh = TriangleMesher.Triangulate(domain, h);
        Assert.That(mesh.CellType, Is.EqualTo(CellType.Triangle));
        MeshChecks.AssertConforming(mesh);
        Assert.That(MeshChecks.SmallestAngles(mesh).Min(), Is.GreaterThanOrEqualTo(30 - 1e-9));
        Span<double> normal = stackalloc double[2];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var n = mesh.FacetNodes(f);
            double mx = (mesh.Node(n[0])[0] + mesh.Node(n[1])[0]) / 2, my = (mesh.Node(n[0])[1] + mesh.Node(n[1])[1]) / 2;
            Assert.That(domain.BoundaryPartAt([mx, my], h / 4, normal), Is.EqualTo(mesh.PartNames[mesh.BoundaryFacetParts[f]]));
        }
    }

    [Test]
    public void OnlyTheTriangleAtASharpCornerKeepsItsSmallAngle()
    {
        // A 5.7° wedge: the corner's angle cannot be improved; everything else reaches 30°.
        var wedge = Polygon.Of((0, 0), (1, 0), (0, 0.1));
        var mesh = TriangleMesher.Triangulate(wedge, 0.05);
        MeshChecks.AssertConforming(mesh);
        var angles = MeshChecks.SmallestAngles(mesh);
        for (int c = 0; c < mesh.CellCount; c++)
        {
            bool atTip = mesh.CellNodes(c).ToArray().Any(v => mesh.Node(v)[0] == 1 && mesh.Node(v)[1] == 0);
            if (!atTip) Assert.That(angles[c], Is.GreaterThanOrEqualTo(30 - 1e-9), $"cell {c}");
            else Assert.That(angles[c], Is.GreaterThanOrEqualTo(Math.Atan(0.1) * 180 / Math.PI - 1e-9));
        }
    }

    [Test]
    public void SizeFunctionIsHonoured()
    {
        static double Size(double x, double y) => 0.01 + 0.4 * Math.Sqrt((x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5));
        var mesh = TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, Size);
        MeshChecks.AssertConforming(mesh);
        Assert.That(MeshChecks.SmallestAngles(mesh).Min(), Is.GreaterThanOrEqualTo(30 - 1e-9));
        double nearSum = 0, farSum = 0;
        int near = 0, far = 0;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var n = mesh.CellNodes(c);
            double cx = 0, cy = 0, longest = 0;
            for (int k = 0; k < 3; k++)
            {
                var p = mesh.Node(n[k]);
                var q = mesh.Node(n[(k + 1) % 3]);
                cx += p[0] / 3;
                cy += p[1] / 3;
                longest = Math.Max(longest, Math.Sqrt(Math.Pow(p[0] - q[0], 2) + Math.Pow(p[1] - q[1], 2)));
            }
            double target = Math.Min(0.1, Size(cx, cy));
            Assert.That(longest, Is.LessThan(2 * target), $"cell {c} at ({cx:F3}, {cy:F3})");
            if (Math.Abs(cx - 0.5) + Math.Abs(cy - 0.5) < 0.03) (nearSum, near) = (nearSum + longest, near + 1);
            if (cx < 0.15 || cx > 0.85) (farSum, far) = (farSum + longest, far + 1);
        }
        Assert.That(nearSum / near, Is.LessThan(0.025), "edges near the centre follow h ≈ 0.01-0.02");
        Assert.That(farSum / far, Is.GreaterThan(0.07), "edges far away stay near h = 0.1");
    }

    [Test]
    public void SameInputGivesTheSameMesh()
    {
        var first = TriangleMesher.Triangulate(RectangleMinusDisk(), 0.05);
        var second = TriangleMesher.Triangulate(RectangleMinusDisk(), 0.05);
        Assert.That(second.Coordinates, Is.EqualTo(first.Coordinates));
        Assert.That(second.Cells, Is.EqualTo(first.Cells));
        Assert.That(second.BoundaryFacets, Is.EqualTo(first.BoundaryFacets));
        Assert.That(second.BoundaryFacetParts, Is.EqualTo(first.BoundaryFacetParts));
    }

    [Test]
    public void CoarseSizesStillGiveValidMeshes()
    {
        foreach (var domain in new Domain[] { Rectangle.UnitSquare, new Disk((0, 0), 1), RectangleMinusDisk(), LShape() })
        {
            var mesh = TriangleMesher.Triangulate(domain, 10);
            MeshChecks.AssertConforming(mesh);
            Assert.That(mesh.CellCount, Is.GreaterThan(0));
        }
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void BadSizeIsRefused(double h)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, h));
        Assert.That(error!.ParamName, Is.EqualTo("h"));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void BadSizeFunctionValueIsReportedWithItsPoint(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, (x, y) => x > 0.5 ? value : 0.1));
        Assert.That(error!.Message, Does.Contain("size function returned").And.Contain("positive"));
    }

    [Test]
    public void DomainsThatAreNotTwoDimensionalAreRefused()
    {
        var error = Assert.Throws<NotSupportedException>(() => TriangleMesher.Triangulate(new Cube(), 0.1));
        Assert.That(error!.Message, Does.Contain("2D").And.Contain("3D"));
    }

    [Test]
    public void HugeMeshesAreRefusedBeforeMeshing()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 1e-4));
        Assert.That(error!.Message, Does.Contain("limit of 20000000"));
        error = Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.01, null, new TriangleMesherOptions(MaxTriangles: 1000)));
        Assert.That(error!.Message, Does.Contain("limit of 1000"));
    }

    [Test]
    public void MeshesThatOutgrowTheLimitWhileMeshingStop()
    {
        // The estimate (about 231 triangles) passes; the mesh itself needs more.
        var error = Assert.Throws<InvalidOperationException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, null, new TriangleMesherOptions(MaxTriangles: 235)));
        Assert.That(error!.Message, Does.Contain("limit of 235 triangles"));
    }

    [Test]
    public void BadOptionsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, null, new TriangleMesherOptions(MinimumAngle: 40)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, null, new TriangleMesherOptions(SmoothingPasses: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TriangleMesher.Triangulate(Rectangle.UnitSquare, 0.1, null, new TriangleMesherOptions(MaxTriangles: 0)));
    }

    /// <summary>A stand-in 3D domain (no boundary pieces needed: it is refused first).</summary>
    private sealed class Cube : Domain
    {
        public override int Dimension => 3;
        public override BoundingBox Bounds => new([0, 0, 0], [1, 1, 1]);
        internal override IReadOnlyList<BoundaryCandidate> BoundaryCandidates => [];
        public override double SignedDistance(ReadOnlySpan<double> point) => -1;
    }

    [Test]
    public void MeshesEllipsesAndEllipsesCutBySegments()
    {
        var ellipse = new PdeNet.Geometry.Domains.Ellipse((0.3, -0.2), 2, 1, 0.4);
        var slotted = ellipse - new PdeNet.Geometry.Domains.Rectangle(-0.5, -0.3, 1.5, 0.1);
        foreach (var (domain, area) in new[] { ((PdeNet.Geometry.Domain)ellipse, 2 * Math.PI), (slotted, 2 * Math.PI - 2 * 0.4) })
        {
            var mesh = TriangleMesher.Triangulate(domain, 0.05);
            double covered = MeshMeasures.Total(mesh);
            Assert.That(covered, Is.EqualTo(area).Within(2e-3 * area), $"{domain.GetType().Name}");
            Assert.That(MeshQuality.Of(mesh).MinAngle, Is.GreaterThanOrEqualTo(20));
        }
    }

    [Test]
    public void MeshesMovedDomainsByMappingTheOriginalsMesh()
    {
        var plate = new PdeNet.Geometry.Domains.Rectangle(0, 0, 2, 1) - new PdeNet.Geometry.Domains.Disk((1, 0.5), 0.3);
        var moved = plate.Rotate(0.4).Scale(0.5).Translate(1, -2);
        var mesh = TriangleMesher.Triangulate(moved, 0.02);
        // The hole is an inscribed polygon: its chords (inner size 0.04 on radius 0.3) miss at most
        // perimeter × sagitta = 2π r · h²/(8r) of area, scaled by 0.5² with the domain.
        double chordError = 0.25 * 2 * Math.PI * 0.3 * (0.04 * 0.04 / (8 * 0.3));
        Assert.That(MeshMeasures.Total(mesh), Is.EqualTo(0.25 * (2 - Math.PI * 0.09)).Within(chordError));
        Assert.That(Enumerable.Range(0, mesh.CellCount).All(c => MeshMeasures.Signed(mesh, c) > 0), "counter-clockwise after the map");
        Assert.That(MeshQuality.Of(mesh).MinAngle, Is.GreaterThanOrEqualTo(20));
        Assert.That(mesh.PartNames, Does.Contain("circle"));
        var normal = new double[2];
        for (int f = 0; f < mesh.BoundaryFacetCount; f++)
        {
            var a = mesh.Node(mesh.FacetNodes(f)[0]);
            Assert.That(Math.Abs(moved.SignedDistance(a)), Is.LessThan(1e-9), "boundary nodes on the moved boundary");
        }
    }
}
