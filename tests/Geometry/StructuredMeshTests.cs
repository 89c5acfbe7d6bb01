using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Tests.Geometry;

public class StructuredMeshTests
{
    /// <summary>Each face (sorted node set) of every cell, counted: interior faces twice, boundary faces once.</summary>
    private static Dictionary<string, int> FaceUses(Mesh mesh)
    {
        var faces = CellSplit.Faces(mesh.CellType);
        var uses = new Dictionary<string, int>();
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var nodes = mesh.CellNodes(c).ToArray();
            foreach (var face in faces)
            {
                string key = string.Join(",", face.Select(f => nodes[f]).Order());
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        return uses;
    }

    private static Dictionary<string, int> FacetsPerPart(Mesh mesh) =>
        Enumerable.Range(0, mesh.BoundaryFacetCount).GroupBy(f => mesh.PartNames[mesh.BoundaryFacetParts[f]]).ToDictionary(g => g.Key, g => g.Count());

    [Test]
    public void IntervalMeshHasNamedEnds()
    {
        var mesh = GridMesher.Generate(new Interval(-1, 2), 0.25, CellType.Interval);
        Assert.That(mesh.CellCount, Is.EqualTo(12));
        Assert.That(MeshMeasures.Total(mesh), Is.EqualTo(3).Within(1e-14));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int> { ["left"] = 1, ["right"] = 1 }));
        Assert.That(mesh.Node(mesh.FacetNodes(0)[0]).ToArray(), Is.EqualTo(new[] { -1.0 }).Or.EqualTo(new[] { 2.0 }));
        Assert.That(Enumerable.Range(0, mesh.CellCount).All(c => MeshMeasures.Signed(mesh, c) > 0));
    }

    [Test]
    public void QuadrilateralMeshOfAnLShapeIsConforming()
    {
        var l = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
        var mesh = GridMesher.Generate(l, 0.25, CellType.Quadrilateral);
        Assert.That(mesh.CellCount, Is.EqualTo(3 * 16));
        Assert.That(MeshMeasures.Total(mesh), Is.EqualTo(3).Within(1e-14));
        Assert.That(Enumerable.Range(0, mesh.CellCount).All(c => MeshMeasures.Signed(mesh, c) > 0), "counter-clockwise");
        var uses = FaceUses(mesh);
        Assert.That(uses.Values.All(u => u is 1 or 2));
        Assert.That(uses.Values.Count(u => u == 1), Is.EqualTo(mesh.BoundaryFacetCount));
        Assert.That(mesh.BoundaryFacetCount, Is.EqualTo(8 * 4));
    }

    [Test]
    public void TetrahedralBoxMeshIsConformingPositiveAndNamesItsFaces()
    {
        var box = new Box(0, 0, 0, 1, 2, 1);
        var mesh = GridMesher.Generate(box, [4, 8, 4], CellType.Tetrahedron);
        Assert.That(mesh.CellCount, Is.EqualTo(6 * 4 * 8 * 4));
        Assert.That(mesh.NodeCount, Is.EqualTo(5 * 9 * 5));
        Assert.That(mesh.Grid, Is.Not.Null);
        Assert.That(MeshMeasures.Total(mesh), Is.EqualTo(2).Within(1e-13));
        Assert.That(Enumerable.Range(0, mesh.CellCount).All(c => MeshMeasures.Signed(mesh, c) > 0), "positively oriented");
        var uses = FaceUses(mesh);
        Assert.That(uses.Values.All(u => u is 1 or 2), "every interior face is shared by exactly two tetrahedra");
        Assert.That(uses.Values.Count(u => u == 1), Is.EqualTo(mesh.BoundaryFacetCount));
        Assert.That(FacetsPerPart(mesh), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["left"] = 2 * 8 * 4, ["right"] = 2 * 8 * 4, ["front"] = 2 * 4 * 4, ["back"] = 2 * 4 * 4, ["bottom"] = 2 * 4 * 8, ["top"] = 2 * 4 * 8,
        }));
    }

    [Test]
    public void HexahedralMeshOfAUnionOfBoxesHasTheRightVolume()
    {
        var step = new Box(0, 0, 0, 2, 1, 1) | new Box(0, 0, 1, 1, 1, 2);
        var mesh = GridMesher.Generate(step, 0.25, CellType.Hexahedron);
        Assert.That(MeshMeasures.Total(mesh), Is.EqualTo(3).Within(1e-13));
        Assert.That(mesh.CellCount, Is.EqualTo(3 * 64));
        var uses = FaceUses(mesh);
        Assert.That(uses.Values.All(u => u is 1 or 2));
        Assert.That(uses.Values.Count(u => u == 1), Is.EqualTo(mesh.BoundaryFacetCount));
        Assert.That(mesh.BoundaryFacetCount, Is.EqualTo(14 * 16), "surface area 14 in faces of area 1/16");
    }

    [Test]
    public void UnsupportedCombinationsAreRefused()
    {
        Assert.That(Assert.Throws<NotSupportedException>(() => GridMesher.Generate(new Box(0, 0, 0, 1, 1, 1), 0.5, CellType.Triangle))!.Message,
            Does.Contain("not Triangle in 3D"));
        Assert.That(Assert.Throws<NotSupportedException>(() => GridMesher.Generate(new Sphere((0, 0, 0), 1), 0.5, CellType.Tetrahedron))!.Message,
            Does.Contain("curved"));
        Assert.That(Assert.Throws<NotSupportedException>(() => GridMesher.Triangulate(new Triangle((0, 0), (1, 0), (0, 1)), 0.25))!.Message,
            Does.Contain("slanted"));
    }
}
