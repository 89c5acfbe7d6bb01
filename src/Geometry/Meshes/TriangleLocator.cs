namespace PdeNet.Geometry.Meshes;

/// <summary>
/// Finds the triangle of a 2D mesh that contains a point, and the point's barycentric
/// coordinates there, in expected O(1) per query through a uniform bucket grid.
/// </summary>
public sealed class TriangleLocator
{
    private readonly Mesh _mesh;
    private readonly double _x0, _y0, _hx, _hy;
    private readonly int _nx, _ny;
    private readonly int[] _start;
    private readonly int[] _items;

    /// <summary>Builds the bucket grid for a triangle mesh.</summary>
    public TriangleLocator(Mesh mesh)
    {
        if (mesh.CellType != CellType.Triangle || mesh.GeometricDimension != 2) throw new ArgumentException("point location needs a 2D triangle mesh", nameof(mesh));
        _mesh = mesh;
        var box = mesh.Bounds();
        int side = Math.Max(1, (int)Math.Sqrt(mesh.CellCount / 2.0));
        (_nx, _ny) = (side, side);
        (_x0, _y0) = (box.Min[0], box.Min[1]);
        _hx = Math.Max(box.Extent(0), 1e-300) / _nx;
        _hy = Math.Max(box.Extent(1), 1e-300) / _ny;
        var counts = new int[_nx * _ny + 1];
        ForEachBucket((bucket, _) => counts[bucket + 1]++);
        for (int i = 0; i < _nx * _ny; i++) counts[i + 1] += counts[i];
        _start = (int[])counts.Clone();
        _items = new int[counts[^1]];
        ForEachBucket((bucket, cell) => _items[counts[bucket]++] = cell);
    }

    private void ForEachBucket(Action<int, int> visit)
    {
        var c = _mesh.Coordinates;
        for (int t = 0; t < _mesh.CellCount; t++)
        {
            var n = _mesh.CellNodes(t);
            double xmin = Math.Min(c[2 * n[0]], Math.Min(c[2 * n[1]], c[2 * n[2]])), xmax = Math.Max(c[2 * n[0]], Math.Max(c[2 * n[1]], c[2 * n[2]]));
            double ymin = Math.Min(c[2 * n[0] + 1], Math.Min(c[2 * n[1] + 1], c[2 * n[2] + 1])), ymax = Math.Max(c[2 * n[0] + 1], Math.Max(c[2 * n[1] + 1], c[2 * n[2] + 1]));
            for (int j = BucketY(ymin); j <= BucketY(ymax); j++)
            {
                for (int i = BucketX(xmin); i <= BucketX(xmax); i++) visit(i + _nx * j, t);
            }
        }
    }

    private int BucketX(double x) => Math.Clamp((int)Math.Floor((x - _x0) / _hx), 0, _nx - 1);

    private int BucketY(double y) => Math.Clamp((int)Math.Floor((y - _y0) / _hy), 0, _ny - 1);

    /// <summary>
    /// The triangle containing (x, y) and the barycentric coordinates of the point in it, or -1
    /// when the point lies outside the mesh by more than <paramref name="tolerance"/> (in
    /// barycentric units). Points on shared edges go to one of the neighbours.
    /// </summary>
    public int Locate(double x, double y, Span<double> barycentric, double tolerance = 1e-10)
    {
        if (x < _x0 - _hx || y < _y0 - _hy || x > _x0 + (_nx + 1) * _hx || y > _y0 + (_ny + 1) * _hy) return -1;
        int bucket = BucketX(x) + _nx * BucketY(y);
        int best = -1;
        double bestMin = double.NegativeInfinity;
        Span<double> lambda = stackalloc double[3];
        for (int k = _start[bucket]; k < _start[bucket + 1]; k++)
        {
            int t = _items[k];
            Barycentric(t, x, y, lambda);
            double min = Math.Min(lambda[0], Math.Min(lambda[1], lambda[2]));
            if (min > bestMin)
            {
                bestMin = min;
                best = t;
                lambda.CopyTo(barycentric);
                if (min >= 0) break;
            }
        }
        return bestMin >= -tolerance ? best : -1;
    }

    /// <summary>Barycentric coordinates of (x, y) with respect to triangle <paramref name="cell"/>.</summary>
    public void Barycentric(int cell, double x, double y, Span<double> lambda)
    {
        var c = _mesh.Coordinates;
        var n = _mesh.CellNodes(cell);
        double x1 = c[2 * n[0]], y1 = c[2 * n[0] + 1], x2 = c[2 * n[1]], y2 = c[2 * n[1] + 1], x3 = c[2 * n[2]], y3 = c[2 * n[2] + 1];
        double det = (y2 - y3) * (x1 - x3) + (x3 - x2) * (y1 - y3);
        lambda[0] = ((y2 - y3) * (x - x3) + (x3 - x2) * (y - y3)) / det;
        lambda[1] = ((y3 - y1) * (x - x3) + (x1 - x3) * (y - y3)) / det;
        lambda[2] = 1 - lambda[0] - lambda[1];
    }
}
