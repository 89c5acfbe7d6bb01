using PdeNet.Geometry.Domains;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.LinearAlgebra;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

/// <summary>P1 matrices on the unit square (m × m squares, each cut in two) for the linear-algebra tests, assembled with a <see cref="CellScatter"/>.</summary>
internal static class P1Matrices
{
    /// <summary>
    /// The matrix of -div(K grad u) + b·grad u + c u with K = diag(kx, ky)(x, y), b = (bx, by) and
    /// c = reaction constant, u = 0 on the boundary (rows and columns of boundary nodes replaced by the identity).
    /// </summary>
    public static CsrMatrix Operator(int m, Func<double, double, (double Kx, double Ky)> k, double bx = 0, double by = 0, double reaction = 0)
    {
        var mesh = GridMesher.Triangulate(Rectangle.UnitSquare, m, m);
        var matrix = CsrMatrix.FromCells(mesh.NodeCount, mesh.Cells, mesh.NodesPerCell);
        var scatter = new CellScatter(matrix, mesh.Cells, mesh.NodesPerCell);
        var local = new double[9];
        var gx = new double[3];
        var gy = new double[3];
        var xy = mesh.Coordinates;
        for (int c = 0; c < mesh.CellCount; c++)
        {
            var n = mesh.CellNodes(c);
            double x0 = xy[2 * n[0]], y0 = xy[2 * n[0] + 1], x1 = xy[2 * n[1]], y1 = xy[2 * n[1] + 1], x2 = xy[2 * n[2]], y2 = xy[2 * n[2] + 1];
            double det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0), area = Math.Abs(det) / 2;
            (gx[1], gy[1]) = ((y2 - y0) / det, -(x2 - x0) / det);
            (gx[2], gy[2]) = (-(y1 - y0) / det, (x1 - x0) / det);
            (gx[0], gy[0]) = (-gx[1] - gx[2], -gy[1] - gy[2]);
            var (kx, ky) = k((x0 + x1 + x2) / 3, (y0 + y1 + y2) / 3);
            for (int a = 0; a < 3; a++)
            {
                for (int b = 0; b < 3; b++) local[3 * a + b] = area * (kx * gx[a] * gx[b] + ky * gy[a] * gy[b] + (bx * gx[b] + by * gy[b]) / 3 + reaction * (a == b ? 2 : 1) / 12.0);
            }
            scatter.Add(matrix, c, local);
        }
        var boundary = new HashSet<int>();
        for (int i = 0; i < mesh.NodeCount; i++)
        {
            double x = xy[2 * i], y = xy[2 * i + 1];
            if (x is 0 or 1 || y is 0 or 1) boundary.Add(i);
        }
        matrix.EliminateSymmetric(boundary);
        return matrix;
    }

    /// <summary>The P1 Laplacian with zero Dirichlet values.</summary>
    public static CsrMatrix Laplacian(int m) => Operator(m, (_, _) => (1, 1));

    /// <summary>A vector of seeded uniform values in [-1, 1].</summary>
    public static double[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
    }

    /// <summary>‖a - b‖∞.</summary>
    public static double MaxDifference(double[] a, double[] b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max();
}
