using PdeNet.Core.Fields;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Reporting.Plots;

/// <summary>
/// A regular grid of pixels (square by default) over the bounding box of a 2D triangle mesh, with, for each
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
    public MeshRaster(Mesh mesh, int resolution = DefaultResolution) : this(mesh, Square(mesh, resolution))
    {
    }

    /// <summary>
    /// Locates every pixel centre of a grid of exactly <paramref name="columns"/> × <paramref name="rows"/>
    /// pixels over the bounding box; pixels are square only when the box's sides are in that ratio
    /// (for pictures whose axes measure different things, such as space and time).
    /// </summary>
    public MeshRaster(Mesh mesh, int columns, int rows) : this(mesh, Stretched(mesh, columns, rows))
    {
    }

    /// <summary>
    /// A raster of <paramref name="resolution"/> square pixels along the longer side, or, when
    /// <paramref name="aspect"/> is given, <paramref name="resolution"/> columns and aspect × resolution rows.
    /// </summary>
    public static MeshRaster For(Mesh mesh, int resolution, double? aspect) => aspect is { } a
        ? a > 0 && double.IsFinite(a) ? new MeshRaster(mesh, resolution, Math.Max(1, (int)Math.Round(resolution * a))) : throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "the aspect ratio must be positive")
        : new MeshRaster(mesh, resolution);

    private MeshRaster(Mesh mesh, (int Columns, int Rows, double Width, double Height, double Left, double Bottom) layout)
    {
        Mesh = mesh;
        (Columns, Rows, PixelWidth, PixelHeight, Left, Bottom) = layout;

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

    private static BoundingBoxOf Box(Mesh mesh)
    {
        if (mesh.CellType != CellType.Triangle || mesh.GeometricDimension != 2)
            throw new ArgumentException($"rasterising needs a 2D triangle mesh, got a {mesh.GeometricDimension}D {mesh.CellType} mesh", nameof(mesh));
        var box = mesh.Bounds();
        double width = box.Extent(0), height = box.Extent(1);
        if (!(width > 0) || !(height > 0)) throw new ArgumentException($"the mesh's bounding box {box} has no area", nameof(mesh));
        return new BoundingBoxOf(box.Min[0], box.Min[1], width, height);
    }

    private static (int, int, double, double, double, double) Square(Mesh mesh, int resolution)
    {
        if (resolution < 1 || resolution > 20_000) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "the resolution must be between 1 and 20000 pixels");
        var box = Box(mesh);
        double size = Math.Max(box.Width, box.Height) / resolution;
        int columns = Math.Max(1, (int)Math.Ceiling(box.Width / size - 1e-9)), rows = Math.Max(1, (int)Math.Ceiling(box.Height / size - 1e-9));
        return (columns, rows, size, size, box.X - (columns * size - box.Width) / 2, box.Y - (rows * size - box.Height) / 2);
    }

    private static (int, int, double, double, double, double) Stretched(Mesh mesh, int columns, int rows)
    {
        if (columns < 1 || rows < 1 || columns > 20_000 || rows > 20_000) throw new ArgumentOutOfRangeException(nameof(columns), $"a raster needs 1 to 20000 pixels per side, got {columns} x {rows}");
        var box = Box(mesh);
        return (columns, rows, box.Width / columns, box.Height / rows, box.X, box.Y);
    }

    private readonly record struct BoundingBoxOf(double X, double Y, double Width, double Height);

    /// <summary>The mesh the pixels are located in.</summary>
    public Mesh Mesh { get; }

    /// <summary>Number of pixel columns (along x).</summary>
    public int Columns { get; }

    /// <summary>Number of pixel rows (along y).</summary>
    public int Rows { get; }

    /// <summary>Width of one pixel, in the unit of x.</summary>
    public double PixelWidth { get; }

    /// <summary>Height of one pixel, in the unit of y (equal to the width for the square-pixel constructor).</summary>
    public double PixelHeight { get; }

    /// <summary>x of the raster's left edge; it spans [Left, Right].</summary>
    public double Left { get; }

    /// <summary>x of the raster's right edge, Left + Columns * PixelWidth.</summary>
    public double Right => Left + Columns * PixelWidth;

    /// <summary>y of the raster's bottom edge; it spans [Bottom, Top].</summary>
    public double Bottom { get; }

    /// <summary>y of the raster's top edge, Bottom + Rows * PixelHeight.</summary>
    public double Top => Bottom + Rows * PixelHeight;

    /// <summary>Number of pixels whose centre lies in the mesh.</summary>
    public int CoveredPixels { get; }

    /// <summary>Centre of a pixel; row 0 is the top row (largest y), column 0 the left one.</summary>
    public (double X, double Y) PixelCentre(int row, int column) =>
        (Left + (column + 0.5) * PixelWidth, Top - (row + 0.5) * PixelHeight);

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
