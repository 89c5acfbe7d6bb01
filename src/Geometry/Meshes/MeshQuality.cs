using System.Globalization;
using PdeNet.Geometry.Meshes.Delaunay;

namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Shape quality of a 2D triangle or quadrilateral mesh. Angles are interior corner angles in
/// degrees. The aspect ratio of a triangle is R / (2 r), circumradius over twice the inradius:
/// 1 for the equilateral triangle, about 1.3 for a right isosceles one, unbounded as it flattens.
/// For a quadrilateral it is its longest edge over its shortest (1 for a square).
/// Histograms: the smallest angle of each cell in the bins 0, 10, 20, 30, 35, 40, 45, 50, 55, 60°
/// for triangles (0, 10, ..., 90° for quadrilaterals), and the aspect ratio in the bins
/// 1, 1.1, 1.25, 1.5, 2, 3, 5, ∞.
/// </summary>
/// <param name="CellType">Cell type of the mesh.</param>
/// <param name="CellCount">Number of cells.</param>
/// <param name="MinAngle">Smallest corner angle over all cells, degrees.</param>
/// <param name="MaxAngle">Largest corner angle over all cells, degrees.</param>
/// <param name="MinAspectRatio">Smallest cell aspect ratio.</param>
/// <param name="MeanAspectRatio">Mean cell aspect ratio.</param>
/// <param name="MaxAspectRatio">Largest cell aspect ratio.</param>
/// <param name="MinAngleHistogram">Cells per bin of their smallest angle (degrees).</param>
/// <param name="AspectRatioHistogram">Cells per bin of their aspect ratio.</param>
public sealed record MeshQuality(
    CellType CellType,
    int CellCount,
    double MinAngle,
    double MaxAngle,
    double MinAspectRatio,
    double MeanAspectRatio,
    double MaxAspectRatio,
    QualityHistogram MinAngleHistogram,
    QualityHistogram AspectRatioHistogram)
{
    private static readonly double[] TriangleAngleBins = [0, 10, 20, 30, 35, 40, 45, 50, 55, 60];
    private static readonly double[] QuadrilateralAngleBins = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
    private static readonly double[] AspectRatioBins = [1, 1.1, 1.25, 1.5, 2, 3, 5, double.PositiveInfinity];

    /// <summary>Measures every cell of a 2D triangle or quadrilateral mesh.</summary>
    /// <exception cref="NotSupportedException">The mesh is not a 2D mesh of linear triangles or quadrilaterals.</exception>
    public static MeshQuality Of(Mesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.GeometricDimension != 2 || mesh.CellType is not (CellType.Triangle or CellType.Quadrilateral))
            throw new NotSupportedException($"mesh quality is measured for 2D triangle and quadrilateral meshes, not {mesh.GeometricDimension}D {mesh.CellType}");
        int cells = mesh.CellCount, corners = mesh.NodesPerCell;
        var smallest = new double[cells];
        var ratios = new double[cells];
        double minAngle = double.PositiveInfinity, maxAngle = 0;
        Span<double> angles = stackalloc double[corners];
        var c = mesh.Coordinates;
        for (int cell = 0; cell < cells; cell++)
        {
            var n = mesh.CellNodes(cell);
            if (corners == 3)
            {
                double ax = c[2 * n[0]], ay = c[2 * n[0] + 1], bx = c[2 * n[1]], by = c[2 * n[1] + 1], cx = c[2 * n[2]], cy = c[2 * n[2] + 1];
                TriangleShape.Angles(ax, ay, bx, by, cx, cy, angles);
                ratios[cell] = TriangleShape.AspectRatio(ax, ay, bx, by, cx, cy);
            }
            else
            {
                QuadrilateralShape(c, n, angles, out ratios[cell]);
            }
            double low = double.PositiveInfinity;
            foreach (double angle in angles)
            {
                double degrees = angle * 180 / Math.PI;
                low = Math.Min(low, degrees);
                maxAngle = Math.Max(maxAngle, degrees);
            }
            smallest[cell] = low;
            minAngle = Math.Min(minAngle, low);
        }
        return new MeshQuality(mesh.CellType, cells,
            cells == 0 ? double.NaN : minAngle, cells == 0 ? double.NaN : maxAngle,
            cells == 0 ? double.NaN : ratios.Min(), cells == 0 ? double.NaN : ratios.Average(), cells == 0 ? double.NaN : ratios.Max(),
            QualityHistogram.Of(smallest, corners == 3 ? TriangleAngleBins : QuadrilateralAngleBins),
            QualityHistogram.Of(ratios, AspectRatioBins));
    }

    /// <summary>Corner angles (radians, interior, so above π at a reflex corner) and edge ratio of a counter-clockwise quadrilateral.</summary>
    private static void QuadrilateralShape(double[] c, ReadOnlySpan<int> n, Span<double> angles, out double ratio)
    {
        double shortest = double.PositiveInfinity, longest = 0;
        for (int k = 0; k < 4; k++)
        {
            int p = n[k], next = n[(k + 1) % 4], previous = n[(k + 3) % 4];
            double ux = c[2 * next] - c[2 * p], uy = c[2 * next + 1] - c[2 * p + 1];
            double vx = c[2 * previous] - c[2 * p], vy = c[2 * previous + 1] - c[2 * p + 1];
            double angle = Math.Atan2(ux * vy - uy * vx, ux * vx + uy * vy);
            angles[k] = angle < 0 ? angle + 2 * Math.PI : angle;
            double length = Math.Sqrt(ux * ux + uy * uy);
            shortest = Math.Min(shortest, length);
            longest = Math.Max(longest, length);
        }
        ratio = shortest > 0 ? longest / shortest : double.PositiveInfinity;
    }

    /// <summary>A few lines: counts, angle range, aspect ratios and both histograms.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
        {CellCount} {CellType.ToString().ToLowerInvariant()} cells; angles {MinAngle:F2}°..{MaxAngle:F2}°; aspect ratio min {MinAspectRatio:F3} mean {MeanAspectRatio:F3} max {MaxAspectRatio:F3}
        smallest angle (°): {MinAngleHistogram}
        aspect ratio: {AspectRatioHistogram}
        """);
}
