using PdeNet.Core.Fields;
using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Operators.Data;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// The grid of a 1D or 2D data set as a mesh (intervals, or squares cut into two triangles), so that
/// samples become <see cref="Field"/>s for field files and plots. The data set's arrays run with the
/// first axis slowest; the mesh numbers its nodes its own way, and <see cref="ToNodes"/> reorders.
/// </summary>
public sealed class DatasetGridMesh
{
    private readonly int[] _source;

    private DatasetGridMesh(Mesh mesh, int[] source)
    {
        Mesh = mesh;
        _source = source;
    }

    /// <summary>The mesh of the grid's nodes.</summary>
    public Mesh Mesh { get; }

    /// <summary>The mesh of <paramref name="data"/>'s grid.</summary>
    /// <exception cref="ArgumentException">The grid is 3D, has an axis of one point, or is not uniform.</exception>
    public static DatasetGridMesh For(OperatorDataset data)
    {
        var c = data.Coordinates;
        if (data.Dimension > 2) throw new ArgumentException("only 1D and 2D data-set grids become meshes", nameof(data));
        if (data.GridShape.Any(n => n < 2)) throw new ArgumentException($"a {string.Join(" x ", data.GridShape)} grid has an axis with a single point", nameof(data));
        var mesh = data.Dimension == 1
            ? GridMesher.Generate(new Interval(c[0][0], c[0][^1]), [data.GridShape[0] - 1], CellType.Interval)
            : GridMesher.Generate(new Rectangle(c[0][0], c[1][0], c[0][^1], c[1][^1]), [data.GridShape[0] - 1, data.GridShape[1] - 1], CellType.Triangle);
        var source = new int[mesh.NodeCount];
        for (int m = 0; m < mesh.NodeCount; m++)
        {
            var node = mesh.Node(m);
            int offset = 0;
            for (int k = 0; k < data.Dimension; k++)
            {
                var axis = c[k];
                int i = (int)Math.Round((node[k] - axis[0]) / (axis[^1] - axis[0]) * (axis.Length - 1));
                if (i < 0 || i >= axis.Length || Math.Abs(axis[i] - node[k]) > 1e-9 * Math.Abs(axis[^1] - axis[0]))
                    throw new ArgumentException($"the data set's grid is not uniform along axis {k}; only uniform grids become meshes", nameof(data));
                offset = offset * axis.Length + i;
            }
            source[m] = offset;
        }
        return new DatasetGridMesh(mesh, source);
    }

    /// <summary>Values on the grid, first axis slowest, reordered to the mesh's nodes.</summary>
    public double[] ToNodes(ReadOnlySpan<double> gridValues)
    {
        if (gridValues.Length != _source.Length) throw new ArgumentException($"{gridValues.Length} values for a grid of {_source.Length} points", nameof(gridValues));
        var values = new double[_source.Length];
        for (int m = 0; m < values.Length; m++) values[m] = gridValues[_source[m]];
        return values;
    }
}
