using System.Globalization;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Validation.Meshing;

/// <summary>
/// Just enough of a gmsh MSH 4.1 ASCII reader for the benchmark: the nodes (x, y) and the 3-node
/// triangles (element type 2), without boundary facets or physical names.
/// </summary>
internal static class MinimalMsh
{
    public static Mesh ReadTriangles(string path)
    {
        using var reader = new StreamReader(path);
        var index = new Dictionary<long, int>();
        var coordinates = new List<double>();
        var cells = new List<int>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line == "$MeshFormat" && !(reader.ReadLine() ?? "").StartsWith("4.1 0", StringComparison.Ordinal))
                throw new InvalidDataException($"{path} is not an ASCII MSH 4.1 file");
            if (line == "$Nodes") ReadNodes(reader, index, coordinates);
            if (line == "$Elements") ReadTriangles(reader, index, cells);
        }
        return new Mesh(CellType.Triangle, 2, coordinates.ToArray(), cells.ToArray(), [], [], []);
    }

    private static long[] Numbers(StreamReader reader) =>
        (reader.ReadLine() ?? throw new InvalidDataException("the MSH file ends early"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    private static void ReadNodes(StreamReader reader, Dictionary<long, int> index, List<double> coordinates)
    {
        long blocks = Numbers(reader)[0];
        for (long b = 0; b < blocks; b++)
        {
            var header = Numbers(reader);
            int count = (int)header[3];
            var tags = new long[count];
            for (int i = 0; i < count; i++) tags[i] = Numbers(reader)[0];
            for (int i = 0; i < count; i++)
            {
                var xyz = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                index[tags[i]] = coordinates.Count / 2;
                coordinates.Add(double.Parse(xyz[0], CultureInfo.InvariantCulture));
                coordinates.Add(double.Parse(xyz[1], CultureInfo.InvariantCulture));
            }
        }
    }

    private static void ReadTriangles(StreamReader reader, Dictionary<long, int> index, List<int> cells)
    {
        long blocks = Numbers(reader)[0];
        for (long b = 0; b < blocks; b++)
        {
            var header = Numbers(reader);
            long type = header[2], count = header[3];
            for (long i = 0; i < count; i++)
            {
                var element = Numbers(reader);
                if (type != 2) continue;
                for (int k = 1; k <= 3; k++) cells.Add(index[element[k]]);
            }
        }
    }
}
