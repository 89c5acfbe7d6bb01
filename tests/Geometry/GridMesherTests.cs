using PdeNet.Geometry;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Geometry.Quadrature;

namespace PdeNet.Tests.Geometry;

public class GridMesherTests
{
    private static double Area(Mesh mesh, int cell)
    {
        var n = mesh.CellNodes(cell);
        var c = mesh.Coordinates;
        return 0.5 * ((c[2 * n[1]] - c[2 * n[0]]) * (c[2 * n[2] + 1] - c[2 * n[0] + 1]) - (c[2 * n[2]] - c[2 * n[0]]) * (c[2 * n[1] + 1] - c[2 * n[0] + 1]));
    }

    [Test]
    public void LShapeMeshIsConformingPositiveAndNamesItsBoundary()
    {
        var l = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
        var mesh = GridMesher.Triangulate(l, 0.125);
        Assert.That(mesh.CellCount, Is.EqualTo(3 * 8 * 8 * 2));
        Assert.That(mesh.NodeCount, Is.EqualTo(17 * 17 - 8 * 8));
        double area = Enumerable.Range(0, mesh.CellCount).Sum(c => Area(mesh, c));
        Assert.That(area, Is.EqualTo(3).Within(1e-12));
        Assert.That(Enumerable.Range(0, mesh.CellCount).All(c => Area(mesh, c) > 0), "counter-clockwise cells");

        // Every interior edge is shared by exactly two triangles; boundary edges by one.
        var uses = new Dictionary<(int, int), int>();
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var n = mesh.CellNodes(c);
            for (int e = 0; e < 3; e++)
            {
                var key = (Math.Min(n[e], n[(e + 1) % 3]), Math.Max(n[e], n[(e + 1) % 3]));
                uses[key] = uses.GetValueOrDefault(key) + 1;
            }
        }
        Assert.That(uses.Values.All(u => u is 1 or 2));
        Assert.That(uses.Values.Count(u => u == 1), Is.EqualTo(mesh.BoundaryFacetCount));
        Assert.That(mesh.BoundaryFacetCount, Is.EqualTo(8 * 8), "perimeter 8 at h = 1/8");
        var perPart = Enumerable.Range(0, mesh.BoundaryFacetCount).GroupBy(f => mesh.PartNames[mesh.BoundaryFacetParts[f]]).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(perPart, Is.EquivalentTo(new Dictionary<string, int> { ["edge0"] = 8, ["edge1"] = 8, ["edge2"] = 16, ["edge3"] = 16, ["edge4"] = 8, ["edge5"] = 8 }));
    }

    [Test]
    public void RectangleMeshCarriesItsGrid()
    {
        var mesh = GridMesher.Triangulate(new Rectangle(0, 0, 2, 1), 0.25);
        Assert.That(mesh.Grid, Is.Not.Null);
        Assert.That(mesh.Grid!.Counts, Is.EqualTo(new[] { 9, 5 }));
        Assert.That(mesh.Node(10).ToArray(), Is.EqualTo(new[] { 0.25, 0.25 }));
    }

    [Test]
    public void CurvedDomainsAreRefusedWithAReason()
    {
        var error = Assert.Throws<NotSupportedException>(() => GridMesher.Triangulate(new Disk((0, 0), 1), 0.1));
        Assert.That(error!.Message, Does.Contain("curved"));
    }

    [Test]
    public void QuadratureIntegratesPolynomialsUpToItsDegree()
    {
        // ∫ over the reference triangle of λ1^a λ2^b = a! b! / (a + b + 2)!  (times 2 for the area 1/2 normalisation).
        static double Exact(int a, int b) => Factorial(a) * Factorial(b) / Factorial(a + b + 2) * 2;
        static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
        foreach (int degree in new[] { 1, 2, 4, 5 })
        {
            var rule = TriangleQuadrature.OfDegree(degree);
            Assert.That(rule.Weights.Sum(), Is.EqualTo(1).Within(1e-14));
            for (int a = 0; a <= degree; a++)
            {
                for (int b = 0; a + b <= degree; b++)
                {
                    double sum = 0;
                    for (int q = 0; q < rule.Count; q++) sum += rule.Weights[q] * Math.Pow(rule.Barycentric[3 * q], a) * Math.Pow(rule.Barycentric[3 * q + 1], b);
                    Assert.That(sum, Is.EqualTo(Exact(a, b)).Within(1e-12), $"degree {degree}, monomial {a},{b}");
                }
            }
        }
    }

    [Test]
    public void LocatorFindsContainingTriangle()
    {
        var mesh = GridMesher.Triangulate(Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1)), 0.1);
        var locator = new TriangleLocator(mesh);
        var random = new Random(7);
        Span<double> lambda = stackalloc double[3];
        for (int i = 0; i < 1000; i++)
        {
            double x = -1 + 2 * random.NextDouble(), y = -1 + 2 * random.NextDouble();
            int cell = locator.Locate(x, y, lambda);
            bool inside = !(x > 0 && y < 0);
            Assert.That(cell >= 0, Is.EqualTo(inside), $"({x}, {y})");
            if (cell < 0) continue;
            var n = mesh.CellNodes(cell);
            double px = 0, py = 0;
            for (int k = 0; k < 3; k++)
            {
                Assert.That(lambda[k], Is.GreaterThanOrEqualTo(-1e-10));
                px += lambda[k] * mesh.Coordinates[2 * n[k]];
                py += lambda[k] * mesh.Coordinates[2 * n[k] + 1];
            }
            Assert.That(px, Is.EqualTo(x).Within(1e-12));
            Assert.That(py, Is.EqualTo(y).Within(1e-12));
        }
    }
}
