using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Tests.Geometry;

public class MeshQualityTests
{
    private static Mesh Triangle(double[] coordinates) => new(CellType.Triangle, 2, coordinates, [0, 1, 2], [0, 1, 1, 2, 2, 0], [0, 0, 0], ["edge"]);

    [Test]
    public void EquilateralTriangleIsPerfect()
    {
        var quality = MeshQuality.Of(Triangle([0, 0, 1, 0, 0.5, Math.Sqrt(3) / 2]));
        Assert.That(quality.MinAngle, Is.EqualTo(60).Within(1e-12));
        Assert.That(quality.MaxAngle, Is.EqualTo(60).Within(1e-12));
        Assert.That(quality.MinAspectRatio, Is.EqualTo(1).Within(1e-12));
        Assert.That(quality.MaxAspectRatio, Is.EqualTo(1).Within(1e-12));
        Assert.That(quality.MinAngleHistogram.Counts[^1], Is.EqualTo(1), "60° lands in the last bin");
        Assert.That(quality.AspectRatioHistogram.Counts[0], Is.EqualTo(1));
    }

    [Test]
    public void RightIsoscelesTriangle()
    {
        var quality = MeshQuality.Of(Triangle([0, 0, 1, 0, 0, 1]));
        Assert.That(quality.MinAngle, Is.EqualTo(45).Within(1e-12));
        Assert.That(quality.MaxAngle, Is.EqualTo(90).Within(1e-12));
        // R = √2 / 2, r = (2 - √2) / 2, so R / (2 r) = 1 / (2 (√2 - 1)) ≈ 1.2071.
        Assert.That(quality.MeanAspectRatio, Is.EqualTo(1 / (2 * (Math.Sqrt(2) - 1))).Within(1e-12));
    }

    [Test]
    public void UnitSquareQuadrilateral()
    {
        var mesh = new Mesh(CellType.Quadrilateral, 2, [0, 0, 1, 0, 1, 1, 0, 1], [0, 1, 2, 3], [0, 1, 1, 2, 2, 3, 3, 0], [0, 0, 0, 0], ["edge"]);
        var quality = MeshQuality.Of(mesh);
        Assert.That(quality.MinAngle, Is.EqualTo(90).Within(1e-12));
        Assert.That(quality.MaxAngle, Is.EqualTo(90).Within(1e-12));
        Assert.That(quality.MeanAspectRatio, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void HistogramsCountEveryCellAndTheSummaryReadsWell()
    {
        var mesh = TriangleMesher.Triangulate(new Disk((0, 0), 1), 0.1);
        var quality = MeshQuality.Of(mesh);
        Assert.That(quality.CellCount, Is.EqualTo(mesh.CellCount));
        Assert.That(quality.MinAngleHistogram.Total, Is.EqualTo(mesh.CellCount));
        Assert.That(quality.AspectRatioHistogram.Total, Is.EqualTo(mesh.CellCount));
        Assert.That(quality.MinAngle, Is.EqualTo(MeshChecks.SmallestAngles(mesh).Min()).Within(1e-9));
        Assert.That(quality.MinAspectRatio, Is.GreaterThanOrEqualTo(1 - 1e-12));
        Assert.That(quality.MeanAspectRatio, Is.InRange(quality.MinAspectRatio, quality.MaxAspectRatio));
        string text = quality.ToString();
        Assert.That(text, Does.Contain($"{mesh.CellCount} triangle cells").And.Contain("aspect ratio").And.Contain("[55,60]:"));
        Assert.That(text.Split('\n'), Has.Length.EqualTo(3));
    }

    [Test]
    public void ThreeDimensionalMeshesAreRefused()
    {
        var mesh = new Mesh(CellType.Tetrahedron, 3, [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 2, 3], [], [], []);
        Assert.Throws<NotSupportedException>(() => MeshQuality.Of(mesh));
    }
}
