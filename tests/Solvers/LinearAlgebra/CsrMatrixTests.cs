using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

public class CsrMatrixTests
{
    private static Mesh Disk() => TriangleMesher.Triangulate(new Disk((0, 0), 1), 0.2);

    [Test]
    public void FromCellsCouplesExactlyTheNodesThatShareACell()
    {
        var mesh = Disk();
        var matrix = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
        var expected = Enumerable.Range(0, mesh.NodeCount).Select(i => new SortedSet<int> { i }).ToArray();
        for (int c = 0; c < mesh.CellCount; c++)
        {
            foreach (int a in mesh.CellNodes(c).ToArray())
            {
                foreach (int b in mesh.CellNodes(c).ToArray()) expected[a].Add(b);
            }
        }
        for (int i = 0; i < mesh.NodeCount; i++)
            Assert.That(matrix.Columns[matrix.RowStart[i]..matrix.RowStart[i + 1]], Is.EqualTo(expected[i].ToArray()), $"row {i}");
    }

    [Test]
    public void ScatterAssemblyEqualsEntryByEntryAssembly()
    {
        var mesh = Disk();
        var scattered = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
        var searched = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
        var scatter = new CellScatter(scattered, mesh.Cells, mesh.NodesPerCell);
        var random = new Random(11);
        var local = new double[9];
        for (int c = 0; c < mesh.CellCount; c++)
        {
            for (int k = 0; k < 9; k++) local[k] = random.NextDouble();
            scatter.Add(scattered, c, local);
            var nodes = mesh.CellNodes(c);
            for (int a = 0; a < 3; a++)
            {
                for (int b = 0; b < 3; b++) searched.Add(nodes[a], nodes[b], local[3 * a + b]);
            }
        }
        Assert.That(scattered.Values, Is.EqualTo(searched.Values));
        Assert.That(() => scatter.Add(searched, 0, local), Throws.ArgumentException.With.Message.Contains("pattern"));
        Assert.That(() => new CellScatter(CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells[..30], 3), mesh.Cells, 3), Throws.ArgumentException.With.Message.Contains("pattern"));
    }

    [Test]
    public void TransposeAndProductsAgreeWithDenseArithmetic()
    {
        var random = new Random(12);
        CsrMatrix RandomSparse(int rows, int columns)
        {
            var start = new List<int> { 0 };
            var cols = new List<int>();
            var values = new List<double>();
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    if (random.NextDouble() < 0.3)
                    {
                        cols.Add(j);
                        values.Add(random.NextDouble() - 0.5);
                    }
                }
                start.Add(cols.Count);
            }
            return new CsrMatrix(start.ToArray(), cols.ToArray(), values.ToArray(), columns);
        }
        double[,] Dense(CsrMatrix m)
        {
            var d = new double[m.Size, m.ColumnCount];
            for (int i = 0; i < m.Size; i++)
            {
                for (int k = m.RowStart[i]; k < m.RowStart[i + 1]; k++) d[i, m.Columns[k]] = m.Values[k];
            }
            return d;
        }
        var a = RandomSparse(9, 7);
        var b = RandomSparse(7, 11);
        var product = SparseProduct.Multiply(a, b, threads: 2);
        var (da, db, dp) = (Dense(a), Dense(b), Dense(product));
        for (int i = 0; i < 9; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                double sum = 0;
                for (int k = 0; k < 7; k++) sum += da[i, k] * db[k, j];
                Assert.That(dp[i, j], Is.EqualTo(sum).Within(1e-14));
            }
        }
        var transpose = Dense(a.Transpose());
        for (int i = 0; i < 9; i++)
        {
            for (int j = 0; j < 7; j++) Assert.That(transpose[j, i], Is.EqualTo(da[i, j]));
        }
        Assert.That(() => SparseProduct.Multiply(a, a, 1), Throws.ArgumentException.With.Message.Contains("cannot multiply"));
    }

    [Test]
    public void AsymmetryFindsDifferentValuesAndMissingMirrorEntries()
    {
        var symmetric = new CsrMatrix([0, 2, 4], [0, 1, 0, 1], [2.0, -1, -1, 2], 2);
        Assert.That(symmetric.Asymmetry(), Is.Zero);
        var unequal = new CsrMatrix([0, 2, 4], [0, 1, 0, 1], [2.0, -1, -0.5, 2], 2);
        Assert.That(unequal.Asymmetry(), Is.EqualTo(0.5));
        var oneSided = new CsrMatrix([0, 2, 3], [0, 1, 1], [2.0, -3, 2], 2);
        Assert.That(oneSided.Asymmetry(), Is.EqualTo(3));
    }

    [Test]
    public void BadPatternsAreRefusedWithTheReason()
    {
        Assert.That(() => new CsrMatrix([0, 2], [1, 0], [1.0, 1], 2), Throws.ArgumentException.With.Message.Contains("increasing"));
        Assert.That(() => new CsrMatrix([0, 1], [3], [1.0], 2), Throws.ArgumentException.With.Message.Contains("outside"));
        Assert.That(() => CsrMatrix.FromCells(3, [0, 1, 5], 3), Throws.ArgumentException.With.Message.Contains("outside"));
        var matrix = CsrMatrix.FromCells(3, [0, 1, 2], 3);
        Assert.That(() => matrix.Multiply(new double[2], new double[3], 1), Throws.ArgumentException.With.Message.Contains("length 2"));
    }
}
