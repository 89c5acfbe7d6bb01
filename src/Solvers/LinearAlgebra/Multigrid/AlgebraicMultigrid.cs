using System.Diagnostics;

namespace PdeNet.Solvers.LinearAlgebra.Multigrid;

/// <summary>
/// Smoothed-aggregation algebraic multigrid (Vaněk, Mandel and Brezina, Computing 56, 1996) used
/// as a preconditioner: one V-cycle per application, with zero initial guess.
/// <para>
/// Setup, level by level: the strength graph (|a_ij| ≥ θ√(|a_ii a_jj|), between nodes for vector
/// unknowns, a_IJ the Frobenius norm of the block), greedy aggregation of the nodes, the
/// tentative prolongator T fitted to the near-null space B by a QR factorisation on each aggregate
/// (constant on each aggregate for scalar problems; the rigid-body modes for elasticity, whose
/// coarse near-null space is the R factor), its Jacobi smoothing
/// P = (I - ω D_F⁻¹A_F) T with the filtered matrix A_F, and the Galerkin coarse operator
/// Pᵀ (A P) by two sparse products in CSR form. Explicitly stored zeros of the finest matrix
/// (orthogonal basis gradients on right-angled meshes) are dropped first. Coarsening stops at
/// <see cref="AmgOptions.CoarsestSize"/> unknowns, where the V-cycle solves by dense LU.
/// </para>
/// <para>
/// Why smoothed aggregation rather than classical Ruge–Stüben: its setup is a few linear passes
/// (no C/F splitting with its sequential measure updates, no interpolation weights per fine
/// point), its coarse grids shrink fast (about 6 times per level for P1 triangles) so the hierarchy
/// is shallow and cheap (operator complexity about 1.3), and
/// it extends to P2 and vector problems through the near-null space; for P1/P2 Poisson-type
/// systems both give h-independent iteration counts.
/// </para>
/// <para>
/// With a symmetric matrix the cycle is a symmetric positive definite preconditioner for CG:
/// Gauss–Seidel presmoothing sweeps forward and postsmoothing backward (adjoints), Chebyshev
/// smoothing is symmetric, restriction is Pᵀ and the coarsest solve is exact. An instance holds
/// the cycle's work vectors, so one instance must not be applied from two threads at once; its
/// own parallel loops use <see cref="AmgOptions.Threads"/>, and its results are the same bit for
/// bit with any thread count.
/// </para>
/// </summary>
public sealed class AlgebraicMultigrid : IPreconditioner
{
    private readonly Level[] _levels;
    private readonly DenseLu? _coarsest;
    private readonly int _threads;

    /// <summary>Builds the hierarchy for <paramref name="matrix"/>.</summary>
    /// <param name="matrix">A square matrix with nonzero diagonal (symmetric positive definite for use with CG).</param>
    /// <param name="options">The options (defaults when null).</param>
    /// <param name="nearNullSpace">
    /// The vectors the coarse spaces must reproduce, and the nodes of the unknowns (e.g.
    /// <see cref="NearNullSpace.RigidBodyModes"/> for elasticity); null for the constants on scalar
    /// unknowns. Rows of constrained unknowns (rows without couplings) are ignored.
    /// </param>
    public AlgebraicMultigrid(CsrMatrix matrix, AmgOptions? options = null, NearNullSpace? nearNullSpace = null)
    {
        if (!matrix.IsSquare) throw new ArgumentException($"algebraic multigrid needs a square matrix; this one is {matrix.Size} × {matrix.ColumnCount}", nameof(matrix));
        if (nearNullSpace is not null && nearNullSpace.Size != matrix.Size)
            throw new ArgumentException($"the near-null space has vectors of length {nearNullSpace.Size} for a matrix of size {matrix.Size}", nameof(nearNullSpace));
        Options = (options ?? new AmgOptions()).Validate();
        _threads = Options.Threads;
        var clock = Stopwatch.StartNew();
        var space = nearNullSpace ?? NearNullSpace.Constants(matrix.Size);
        NearNullSpaceSize = space.Count;
        var levels = new List<Level>();
        var a = matrix.WithoutZeros(0.1, Options.Threads);
        // The unknowns of each node (null: every unknown is a node) and the near-null space B on the current level.
        int[]? nodeStart = space.BlockSize == 1 ? null : Enumerable.Range(0, a.Size / space.BlockSize + 1).Select(node => node * space.BlockSize).ToArray();
        double[] b = space.Vectors;
        int k = space.Count;
        while (true)
        {
            var level = new Level(a);
            levels.Add(level);
            if (a.Size <= Options.CoarsestSize || levels.Count == Options.MaxLevels) break;
            int[]? nodeOf = nodeStart is null ? null : Aggregation.NodeOf(nodeStart);
            var graph = nodeOf is null ? a : Aggregation.NodeMatrix(a, nodeStart!, nodeOf, _threads);
            var (start, neighbours, allStrong) = Aggregation.Strength(graph, Options.StrengthThreshold * Math.Pow(0.5, levels.Count - 1), _threads);
            var (nodeAggregate, aggregates) = Aggregation.Aggregate(graph.Size, start, neighbours);
            if (aggregates == 0) break;
            var aggregateOf = nodeOf is null ? nodeAggregate : Aggregation.UnknownAggregates(a, nodeOf, nodeAggregate);
            var tentative = TentativeProlongation.Fit(b, k, aggregateOf, aggregates, _threads);
            if (tentative.Columns == 0 || tentative.Columns > 0.9 * a.Size) break;
            level.Prolongation = SmoothedProlongation.Build(a, nodeOf, start, neighbours, allStrong, aggregateOf, tentative, Options.ProlongatorDamping, _threads);
            level.Restriction = level.Prolongation.Transpose();
            a = SparseProduct.Galerkin(level.Restriction, a, level.Prolongation, _threads);
            // Each aggregate's coarse unknowns form one coarse node, and R is the coarse near-null space.
            nodeStart = k == 1 ? null : tentative.ColumnStart;
            b = tentative.CoarseVectors;
        }
        _levels = levels.ToArray();
        var last = _levels[^1];
        if (last.A.Size <= Math.Max(Options.CoarsestSize, DenseLimit)) _coarsest = new DenseLu(last.A);
        for (int l = 0; l < _levels.Length; l++)
        {
            if (l < _levels.Length - 1 || _coarsest is null) _levels[l].Smoother = CreateSmoother(_levels[l].A);
        }
        SetupSeconds = clock.Elapsed.TotalSeconds;
    }

    /// <summary>Number of near-null-space vectors k the coarse spaces reproduce (1 for the constants).</summary>
    public int NearNullSpaceSize { get; }

    /// <summary>The largest coarsest level solved by dense LU when coarsening stops early (beyond it the smoother is applied instead).</summary>
    public const int DenseLimit = 2000;

    /// <summary>The options.</summary>
    public AmgOptions Options { get; }

    /// <summary>Number of levels, the finest included.</summary>
    public int LevelCount => _levels.Length;

    /// <summary>Unknowns on each level, finest first.</summary>
    public IReadOnlyList<int> LevelSizes => _levels.Select(l => l.A.Size).ToArray();

    /// <summary>Stored entries on each level, finest first.</summary>
    public IReadOnlyList<int> LevelNonZeros => _levels.Select(l => l.A.NonZeros).ToArray();

    /// <summary>Σ nonzeros over all levels / nonzeros of the finest (memory and work per cycle relative to one matrix).</summary>
    public double OperatorComplexity => _levels.Sum(l => (double)l.A.NonZeros) / _levels[0].A.NonZeros;

    /// <summary>Σ unknowns over all levels / unknowns of the finest.</summary>
    public double GridComplexity => _levels.Sum(l => (double)l.A.Size) / _levels[0].A.Size;

    /// <summary>Wall-clock seconds of the setup.</summary>
    public double SetupSeconds { get; }

    /// <inheritdoc/>
    /// <remarks>z = B r for the V-cycle operator B; <paramref name="r"/> and <paramref name="z"/> may not overlap.</remarks>
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var finest = _levels[0];
        if (r.Length != finest.A.Size || z.Length != finest.A.Size) throw new ArgumentException($"vectors of lengths {r.Length} and {z.Length} for a matrix of size {finest.A.Size}");
        r.CopyTo(finest.B);
        Cycle(0);
        finest.X.CopyTo(z);
    }

    private ISmoother CreateSmoother(CsrMatrix a) => Options.Smoother switch
    {
        AmgSmoother.Chebyshev => new ChebyshevSmoother(a, Options.ChebyshevDegree, Options.ChebyshevRatio, Options.Sweeps, _threads),
        _ => new BlockGaussSeidel(a, Options.Sweeps, _threads),
    };

    /// <summary>One V-cycle on level <paramref name="l"/>: X ≈ A⁻¹ B from X = 0.</summary>
    private void Cycle(int l)
    {
        var level = _levels[l];
        if (l == _levels.Length - 1)
        {
            if (_coarsest is not null)
            {
                _coarsest.Solve(level.B, level.X);
            }
            else
            {
                level.Smoother!.Presmooth(level.B, level.X, zeroGuess: true);
                level.Smoother.Postsmooth(level.B, level.X);
            }
            return;
        }
        var coarse = _levels[l + 1];
        level.Smoother!.Presmooth(level.B, level.X, zeroGuess: true);
        level.A.Residual(level.B, level.X, level.R, _threads);
        level.Restriction!.Multiply(level.R, coarse.B, _threads);
        Cycle(l + 1);
        level.Prolongation!.MultiplyAdd(coarse.X, level.X, _threads);
        level.Smoother.Postsmooth(level.B, level.X);
    }

    /// <summary>One level: its matrix, transfer operators to the next coarser level, smoother and work vectors.</summary>
    private sealed class Level(CsrMatrix a)
    {
        public CsrMatrix A { get; } = a;

        public CsrMatrix? Prolongation { get; set; }

        public CsrMatrix? Restriction { get; set; }

        public ISmoother? Smoother { get; set; }

        public double[] B { get; } = new double[a.Size];

        public double[] X { get; } = new double[a.Size];

        public double[] R { get; } = new double[a.Size];
    }
}
