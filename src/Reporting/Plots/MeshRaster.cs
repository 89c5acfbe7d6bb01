using PdeNet.Core.Fields;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A regular grid of square pixels over the bounding box of a 2D triangle mesh, with, for each
/// pixel centre, the triangle holding it and its barycentric coordinates there. Sampling a
/// nodal field on it is P1 interpolation: exact for fields linear on each triangle. Pixels whose
/// centre lies outside the mesh sample to NaN. Build once per mesh and sample many fields.
/// </summary>
public sealed class MeshRaster
{
    /// <summary>Default number of pixels along the longer side of the mesh's bounding box.</summary>
    public const int DefaultResolution = 400;

    private readonly int[] _cells;
    private readonly double[] _weights;

    /// <summary>Locates every pixel centre in <paramref name="mesh"/>.</summary>
    /// <param name="mesh">A 2D triangle mesh.</param>
    /// <param name="resolution">Pixels along the longer side of the bounding box; the shorter
    /// side gets as many square pixels as it takes to cover it.</param>
    public MeshRaster(Mesh mesh, int resolution = DefaultResolution)
    {
        if (mesh.CellType != CellType.Triangle || mesh.GeometricDimension != 2)
            throw new ArgumentException($"rasterising needs a 2D triangle mesh, got a {mesh.GeometricDimension}D {mesh.CellType} mesh", nameof(mesh));
        if (resolution < 1 || resolution > 20_000) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "the resolution must be between 1 and 20000 pixels");
        var box = mesh.Bounds();
        double width = box.Extent(0), height = box.Extent(1);
        if (!(width > 0) || !(height > 0)) throw new ArgumentException($"the mesh's bounding box {box} has no area", nameof(mesh));

        Mesh = mesh;
        PixelSize = Math.Max(width, height) / resolution;
        Columns = Math.Max(1, (int)Math.Ceiling(width / PixelSize - 1e-9));
        Rows = Math.Max(1, (int)Math.Ceiling(height / PixelSize - 1e-9));
        Left = box.Min[0] - (Columns * PixelSize - width) / 2;
        Bottom = box.Min[1] - (Rows * PixelSize - height) / 2;

        var locator = new TriangleLocator(mesh);
        _cells = new int[Rows * Columns];
        _weights = new double[3 * Rows * Columns];
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                var (x, y) = PixelCentre(row, column);
                int pixel = row * Columns + column;
                _cells[pixel] = locator.Locate(x, y, _weights.AsSpan(3 * pixel, 3));
            }
        }
        CoveredPixels = _cells.Count(c => c >= 0);
    }

    /// <summary>The mesh the pixels are located in.</summary>
    public Mesh Mesh { get; }

    /// <summary>Number of pixel columns (along x).</summary>
    public int Columns { get; }

    /// <summary>Number of pixel rows (along y).</summary>
    public int Rows { get; }

    /// <summary>Side of one square pixel, in the mesh's length unit.</summary>
    public double PixelSize { get; }

    /// <summary>x of the raster's left edge; it spans [Left, Right].</summary>
    public double Left { get; }

    /// <summary>x of the raster's right edge, Left + Columns * PixelSize.</summary>
    public double Right => Left + Columns * PixelSize;

    /// <summary>y of the raster's bottom edge; it spans [Bottom, Top].</summary>
    public double Bottom { get; }

    /// <summary>y of the raster's top edge, Bottom + Rows * PixelSize.</summary>
    public double Top => Bottom + Rows * PixelSize;

    /// <summary>Number of pixels whose centre lies in the mesh.</summary>
    public int CoveredPixels { get; }

    /// <summary>Centre of a pixel; row 0 is the top row (largest y), column 0 the left one.</summary>
    public (double X, double Y) PixelCentre(int row, int column) =>
        (Left + (column + 0.5) * PixelSize, Top - (row + 0.5) * PixelSize);

    /// <summary>True when the centre of the pixel lies in the mesh.</summary>
    public bool Covers(int row, int column) => _cells[row * Columns + column] >= 0;

    /// <summary>
    /// The field interpolated (P1) at every pixel centre, shape (Rows, Columns), row 0 at the
    /// top; NaN where the centre lies outside the mesh. Values are in the field's unit.
    /// </summary>
    /// <param name="field">A scalar field on <see cref="Mesh"/>.</param>
    public double[,] Sample(Field field)
    {
        if (!ReferenceEquals(field.Mesh, Mesh)) throw new ArgumentException($"field '{field.Name}' lives on another mesh than this raster", nameof(field));
        if (field.Components != 1) throw new ArgumentException($"field '{field.Name}' has {field.Components} components; only scalar fields can be rasterised", nameof(field));
        return Sample(field.Values);
    }

    /// <summary>Nodal values (one per mesh node) interpolated at every pixel centre, as <see cref="Sample(Field)"/>.</summary>
    public double[,] Sample(IReadOnlyList<double> nodalValues)
    {
        if (nodalValues.Count != Mesh.NodeCount) throw new ArgumentException($"{nodalValues.Count} nodal values given for a mesh of {Mesh.NodeCount} nodes", nameof(nodalValues));
        var samples = new double[Rows, Columns];
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                int pixel = row * Columns + column, cell = _cells[pixel];
                if (cell < 0)
                {
                    samples[row, column] = double.NaN;
                    continue;
                }
                var nodes = Mesh.CellNodes(cell);
                samples[row, column] = _weights[3 * pixel] * nodalValues[nodes[0]]
                    + _weights[3 * pixel + 1] * nodalValues[nodes[1]]
                    + _weights[3 * pixel + 2] * nodalValues[nodes[2]];
            }
        }
        return samples;
    }
}
