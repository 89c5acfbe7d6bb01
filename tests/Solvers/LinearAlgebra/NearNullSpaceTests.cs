using PdeNet.Solvers.LinearAlgebra.Multigrid;

namespace PdeNet.Tests.Solvers.LinearAlgebra;

/// <summary>
/// The near-null space of smoothed aggregation: rigid-body modes, and the tentative prolongator
/// fitted to them by a QR factorisation on each aggregate (T R = B exactly, orthonormal columns,
/// dependent modes dropped on aggregates too small to tell them apart).
/// </summary>
public sealed class NearNullSpaceTests
{
    [Test]
    public void RigidBodyModesAreTranslationsAndRotations()
    {
        var modes = NearNullSpace.RigidBodyModes([0.0, 0.0, 2.0, 0.0, 2.0, 1.0], 2);
        Assert.That((modes.Count, modes.BlockSize, modes.Size), Is.EqualTo((3, 2, 6)));
        // Centroid (4/3, 1/3): the rotation at node (2, 1) is (-(1 - 1/3), 2 - 4/3).
        int node = 2, k = 3;
        Assert.That(modes.Vectors[(2 * node) * k + 2], Is.EqualTo(-2.0 / 3).Within(1e-15));
        Assert.That(modes.Vectors[(2 * node + 1) * k + 2], Is.EqualTo(2.0 / 3).Within(1e-15));
        Assert.That(modes.Vectors[(2 * node) * k + 0], Is.EqualTo(1));
        Assert.That(modes.Vectors[(2 * node + 1) * k + 1], Is.EqualTo(1));
        var space = NearNullSpace.RigidBodyModes(new double[3 * 5], 3);
        Assert.That((space.Count, space.BlockSize), Is.EqualTo((6, 3)));
    }

    [TestCase(2, 8, 4, 3)]
    [TestCase(3, 6, 3, 5)]
    public void TheTentativeProlongatorReproducesTheRigidBodyModes(int dimension, int side, int groupSide, int expectedPairRank)
    {
        // Nodes on a jittered grid; aggregates: pairs of neighbouring nodes along the first row, blocks of groupSide^d
        // nodes elsewhere, and a few constrained unknowns (left out of every aggregate) as a Dirichlet boundary leaves them.
        var random = new Random(11);
        int nodes = (int)Math.Pow(side, dimension), d = dimension;
        var coordinates = new double[nodes * d];
        var nodeAggregate = new int[nodes];
        var aggregateIds = new Dictionary<string, int>();
        for (int node = 0; node < nodes; node++)
        {
            var index = new int[d];
            for (int c = 0, rest = node; c < d; c++, rest /= side) index[c] = rest % side;
            for (int c = 0; c < d; c++) coordinates[node * d + c] = (index[c] + 0.3 * (random.NextDouble() - 0.5)) / side;
            string key = index.Skip(1).All(i => i == 0) ? $"pair {index[0] / 2}" : string.Join(",", index.Select(i => i / groupSide));
            if (!aggregateIds.TryGetValue(key, out int id)) aggregateIds[key] = id = aggregateIds.Count;
            nodeAggregate[node] = id;
        }
        var modes = NearNullSpace.RigidBodyModes(coordinates, d);
        int n = nodes * d, k = modes.Count;
        var aggregateOf = new int[n];
        for (int i = 0; i < n; i++) aggregateOf[i] = nodeAggregate[i / d];
        for (int node = nodes - 1; node >= nodes - 3; node--) aggregateOf[node * d] = -1;   // one component held at three nodes

        var tentative = TentativeProlongation.Fit(modes.Vectors, k, aggregateOf, aggregateIds.Count, threads: 2);

        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            int j = aggregateOf[i];
            if (j < 0)
            {
                Assert.That(tentative.Q.AsSpan(i * k, k).ToArray(), Is.All.Zero, "a constrained unknown has a zero row in T");
                continue;
            }
            for (int mode = 0; mode < k; mode++)
            {
                double tr = 0;
                for (int m = 0; m < tentative.ColumnStart[j + 1] - tentative.ColumnStart[j]; m++)
                    tr += tentative.Q[i * k + m] * tentative.CoarseVectors[(tentative.ColumnStart[j] + m) * k + mode];
                worst = Math.Max(worst, Math.Abs(tr - modes.Vectors[i * k + mode]));
            }
        }
        TestContext.Out.WriteLine($"{d}D: {aggregateIds.Count} aggregates, {tentative.Columns} coarse unknowns, max |T R - B| = {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-12), "T R reproduces the rigid-body modes");

        // Orthonormal columns on each aggregate, full rank k on the blocks, and only the rank a pair of nodes can carry on the pairs.
        for (int j = 0; j < aggregateIds.Count; j++)
        {
            int width = tentative.ColumnStart[j + 1] - tentative.ColumnStart[j];
            bool pair = aggregateIds.First(entry => entry.Value == j).Key.StartsWith("pair", StringComparison.Ordinal);
            if (!pair) Assert.That(width, Is.EqualTo(k), $"aggregate {j}");
            else if (aggregateOf.Count(a => a == j) == 2 * d) Assert.That(width, Is.EqualTo(expectedPairRank), $"pair aggregate {j}");
            for (int p = 0; p < width; p++)
            {
                for (int q = 0; q < width; q++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (aggregateOf[i] == j) dot += tentative.Q[i * k + p] * tentative.Q[i * k + q];
                    }
                    Assert.That(dot, Is.EqualTo(p == q ? 1 : 0).Within(1e-12), $"(QᵀQ)[{p}, {q}] on aggregate {j}");
                }
            }
        }
    }

    [Test]
    public void ForTheConstantsTheTentativeProlongatorIsPiecewiseConstant()
    {
        int[] aggregateOf = [0, 0, 1, -1, 1, 1, 0, 0];
        var tentative = TentativeProlongation.Fit(NearNullSpace.Constants(aggregateOf.Length).Vectors, 1, aggregateOf, 2, threads: 1);
        Assert.That(tentative.ColumnStart, Is.EqualTo(new[] { 0, 1, 2 }));
        for (int i = 0; i < aggregateOf.Length; i++)
            Assert.That(tentative.Q[i], Is.EqualTo(aggregateOf[i] < 0 ? 0 : 1 / Math.Sqrt(aggregateOf.Count(a => a == aggregateOf[i]))).Within(1e-15));
        Assert.That(tentative.CoarseVectors, Is.EqualTo(new[] { 2.0, Math.Sqrt(3) }).Within(1e-15));
    }

    [Test]
    public void BadNearNullSpacesAreNamed()
    {
        Assert.That(() => new NearNullSpace([1.0, 2.0, 3.0], 2), Throws.ArgumentException.With.Message.Contains("vectors"));
        Assert.That(() => new NearNullSpace([1.0, double.NaN], 1), Throws.ArgumentException.With.Message.Contains("finite"));
        Assert.That(() => new NearNullSpace([1.0], 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("count"));
        Assert.That(() => NearNullSpace.RigidBodyModes([0.0, 1.0, 2.0], 2), Throws.ArgumentException.With.Message.Contains("coordinates"));
        var matrix = P1Matrices.Laplacian(4);
        Assert.That(() => new AlgebraicMultigrid(matrix, null, NearNullSpace.Constants(matrix.Size + 1)), Throws.ArgumentException.With.Message.Contains("nearNullSpace"));
    }
}
