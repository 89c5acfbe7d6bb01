using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Fem.Elements;

namespace PdeNet.Solvers.Fem.Spaces;

/// <summary>
/// Finds the cell of a linear simplex mesh (intervals, triangles or tetrahedra) that contains a
/// point, with the point's barycentric coordinates there, in expected O(1) per query: every cell
/// is filed in the buckets of a uniform grid that its bounding box overlaps.
/// </summary>
internal sealed class SimplexLocator
{
    private readonly Mesh _mesh;
    private readonly int _d;
    private readonly double[] _origin, _spacing;
    private readonly int[] _counts;
    private readonly int[] _start, _items;

    public SimplexLocator(Mesh mesh)
    {
        _mesh = mesh;
        _d = mesh.GeometricDimension;
        var box = mesh.Bounds();
        int perAxis = Math.Max(1, (int)Math.Round(Math.Pow(mesh.CellCount / 2.0, 1.0 / _d)));
        _counts = Enumerable.Repeat(perAxis, _d).ToArray();
        _origin = box.Min.ToArray();
        _spacing = Enumerable.Range(0, _d).Select(i => Math.Max(box.Extent(i), 1e-300) / perAxis).ToArray();
        int buckets = _counts.Aggregate(1, (p, n) => p * n);
        var counts = new int[buckets + 1];
        ForEachBucket((bucket, _) => counts[bucket + 1]++);
        for (int i = 0; i < buckets; i++) counts[i + 1] += counts[i];
        _start = (int[])counts.Clone();
        _items = new int[counts[^1]];
        ForEachBucket((bucket, cell) => _items[counts[bucket]++] = cell);
    }

    private void ForEachBucket(Action<int, int> visit)
    {
        int d = _d, vertices = _mesh.CellType.VertexCount();
        Span<int> low = stackalloc int[3];
        Span<int> high = stackalloc int[3];
        Span<int> index = stackalloc int[3];
        for (int c = 0; c < _mesh.CellCount; c++)
        {
            var nodes = _mesh.CellNodes(c);
            for (int i = 0; i < d; i++)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int v = 0; v < vertices; v++)
                {
                    double x = _mesh.Coordinates[nodes[v] * d + i];
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }
                low[i] = Bucket(min, i);
                high[i] = Bucket(max, i);
            }
            low[..d].CopyTo(index);
            while (true)
            {
                int bucket = 0;
                for (int i = d - 1; i >= 0; i--) bucket = bucket * _counts[i] + index[i];
                visit(bucket, c);
                int axis = 0;
                while (axis < d && ++index[axis] > high[axis])
                {
                    index[axis] = low[axis];
                    axis++;
                }
                if (axis == d) break;
            }
        }
    }

    private int Bucket(double x, int axis) => Math.Clamp((int)Math.Floor((x - _origin[axis]) / _spacing[axis]), 0, _counts[axis] - 1);

    /// <summary>
    /// The cell containing <paramref name="point"/> and its barycentric coordinates there, or -1
    /// when the point lies outside the mesh by more than <paramref name="tolerance"/> (in
    /// barycentric units). <paramref name="map"/> is left holding that cell's geometry.
    /// </summary>
    public int Locate(ReadOnlySpan<double> point, AffineMap map, Span<double> barycentric, double tolerance = 1e-10)
    {
        int d = _d;
        int bucket = 0;
        for (int i = d - 1; i >= 0; i--)
        {
            if (point[i] < _origin[i] - _spacing[i] || point[i] > _origin[i] + (_counts[i] + 1) * _spacing[i]) return -1;
            bucket = bucket * _counts[i] + Bucket(point[i], i);
        }
        int best = -1;
        double bestMin = double.NegativeInfinity;
        Span<double> lambda = stackalloc double[d + 1];
        for (int k = _start[bucket]; k < _start[bucket + 1]; k++)
        {
            int cell = _items[k];
            map.Set(_mesh.Coordinates, _mesh.CellNodes(cell));
            map.Barycentric(point, lambda);
            double min = double.PositiveInfinity;
            foreach (double l in lambda) min = Math.Min(min, l);
            if (min > bestMin)
            {
                bestMin = min;
                best = cell;
                lambda.CopyTo(barycentric);
                if (min >= 0) break;
            }
        }
        if (best < 0 || bestMin < -tolerance) return -1;
        map.Set(_mesh.Coordinates, _mesh.CellNodes(best));
        return best;
    }
}
