using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Tests.Geometry;

public class MeshRefinementTests
{
    private static Domain RectangleMinusDisk() => new Rectangle(0, 0, 2, 1) - new Disk((0.7, 0.5), 0.25);

    [Test]
    public void TriangleRefinementQuadruplesCellsAndKeepsOldNodesAndNames()
    {
        var coarse = TriangleMesher.Triangulate(RectangleMinusDisk(), 0.2);
        var fine = MeshRefinement.Uniform(coarse);
        Assert.That(fine.CellCount, Is.EqualTo(4 * coarse.CellCount));
        Assert.That(fine.BoundaryFacetCount, Is.EqualTo(2 * coarse.BoundaryFacetCount));
        int edges = (3 * coarse.CellCount + coarse.BoundaryFacetCount) / 2;
        Assert.That(fine.NodeCount, Is.EqualTo(coarse.NodeCount + edges));
        Assert.That(fine.Coordinates.Take(coarse.Coordinates.Length), Is.EqualTo(coarse.Coordinates), "old nodes first, unchanged");
        MeshChecks.AssertConforming(fine);
        Assert.That(MeshChecks.Area(fine), Is.EqualTo(MeshChecks.Area(coarse)).Within(1e-12), "midpoints on straight edges keep the area");
        var coarseParts = MeshChecks.FacetsPerPart(coarse);
        Assert.That(MeshChecks.FacetsPerPart(fine), Is.EquivalentTo(coarseParts.ToDictionary(p => p.Key, p => 2 * p.Value)));
        // Children of a facet keep its direction and its part.
        for (int f = 0; f < coarse.BoundaryFacetCount; f++)
        {
            Assert.That(fine.FacetNodes(2 * f)[0], Is.EqualTo(coarse.FacetNodes(f)[0]));
            Assert.That(fine.FacetNodes(2 * f + 1)[1], Is.EqualTo(coarse.FacetNodes(f)[1]));
            Assert.That(fine.BoundaryFacetParts[2 * f], Is.EqualTo(coarse.BoundaryFacetParts[f]));
        }
        // Each triangle splits into similar ones: the smallest angle is kept.
        Assert.That(MeshChecks.SmallestAngles(fine).Min(), Is.EqualTo(MeshChecks.SmallestAngles(coarse).Min()).Within(1e-9));
    }

    [Test]
    public void RefinementWithTheDomainMovesBoundaryMidpointsOntoCurves()
    {
        var domain = RectangleMinusDisk();
        var mesh = TriangleMesher.Triangulate(domain, 0.2);
        double exact = 2 - Math.PI * 0.25 * 0.25;
        var errors = new List<double>();
        for (int level = 0; level < 3; level++)
        {
            errors.Add(Math.Abs(MeshChecks.Area(mesh) - exact));
            mesh = MeshRefinement.Uniform(mesh, domain);
            MeshChecks.AssertConforming(mesh);
        }
        foreach (int v in mesh.BoundaryNodes(PdeNet.Geometry.Boundary.BoundarySelector.All))
            Assert.That(Math.Abs(domain.SignedDistance(mesh.Node(v))), Is.LessThan(1e-12));
        Assert.That(errors[1] / errors[2], Is.GreaterThan(3.5), "the area error falls like h²");
    }

    [Test]
    public void QuadrilateralRefinementSplitsEachQuadIntoFour()
    {
        // Two unit squares side by side: nodes 0-5, facets named bottom/right/top/left.
        double[] coordinates = [0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1];
        int[] cells = [0, 1, 4, 3, 1, 2, 5, 4];
        int[] facets = [0, 1, 1, 2, 2, 5, 5, 4, 4, 3, 3, 0];
        int[] parts = [0, 0, 1, 2, 2, 3];
        var coarse = new Mesh(CellType.Quadrilateral, 2, coordinates, cells, facets, parts, ["bottom", "right", "top", "left"], cellTags: [0, 1], subdomainNames: ["a", "b"]);
        var fine = MeshRefinement.Uniform(coarse);
        Assert.That(fine.CellCount, Is.EqualTo(8));
        Assert.That(fine.NodeCount, Is.EqualTo(6 + 7 + 2));
        Assert.That(fine.BoundaryFacetCount, Is.EqualTo(12));
        MeshChecks.AssertConforming(fine);
        Assert.That(MeshChecks.Area(fine), Is.EqualTo(2).Within(1e-14));
        Assert.That(Enumerable.Range(0, 8).Select(c => MeshChecks.CellArea(fine, c)), Is.All.EqualTo(0.25).Within(1e-14));
        Assert.That(fine.CellTags, Is.EqualTo(new[] { 0, 0, 0, 0, 1, 1, 1, 1 }));
        Assert.That(fine.Node(13).ToArray(), Is.EqualTo(new[] { 0.5, 0.5 }), "the first cell's centre follows the edge midpoints");
        Assert.That(MeshChecks.FacetsPerPart(fine), Is.EquivalentTo(new Dictionary<string, int> { ["bottom"] = 4, ["right"] = 2, ["top"] = 4, ["left"] = 2 }));
    }

    [Test]
    public void OtherCellTypesAreRefused()
    {
        var mesh = new Mesh(CellType.Interval, 1, [0, 1], [0, 1], [0, 1], [0, 0], ["ends"]);
        Assert.Throws<NotSupportedException>(() => MeshRefinement.Uniform(mesh));
    }
}
