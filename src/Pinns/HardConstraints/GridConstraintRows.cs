using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The constraint rows of a time-dependent scalar problem on a uniform <see cref="SpaceTimeGrid"/>, read
/// from the problem definition: its equation is lowered to the jet variables of the unknown it uses
/// (u, u_t, u_x, u_xx, u_txx, …), each variable becomes a linear image of the basis on the grid
/// (<see cref="GridDerivatives"/>: differences in time, central differences or Fourier differentiation
/// in space), and the lowered residual is evaluated pointwise on those images by the same
/// <see cref="TensorEvaluator"/> the PINN residual uses. Blocks, in this order:
/// <list type="bullet">
/// <item>"pde": the equation at every time level n ≥ 1 and every spatial point not at an end of an
/// ordinary (non-periodic) axis;</item>
/// <item>"initial": u[0, s] - u₀(x_s) at every spatial point, u₀ per sample or from the problem;</item>
/// <item>one block per boundary part and condition, at the ends of the ordinary axes for n ≥ 1: the
/// condition's residual (u - g for Dirichlet, ∂u/∂n - h for Neumann and Robin, ∂u/∂n for a part
/// without condition), normal derivatives by one-sided second-order differences. Periodic axes have
/// no boundary rows.</item>
/// </list>
/// </summary>
public sealed class GridConstraintRows : IConstraintRows
{
    private readonly Problem _problem;
    private readonly GridDerivatives _derivatives;
    private readonly RowBlock[] _blocks;
    private readonly double[]? _initial;

    /// <summary>Reads the rows from <paramref name="problem"/>.</summary>
    /// <param name="problem">A time-dependent problem with one scalar unknown on an interval, rectangle or box.</param>
    /// <param name="grid">The grid; its space axes cover the box (periodic axes without their last end).</param>
    /// <param name="options">Discretisation; null for <see cref="GridRowsOptions.Default"/>.</param>
    /// <exception cref="NotSupportedException">A vector unknown, a steady problem, a domain that is not a box, or a condition the rows cannot express.</exception>
    public GridConstraintRows(Problem problem, SpaceTimeGrid grid, GridRowsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(grid);
        options ??= GridRowsOptions.Default;
        if (problem.Equation is null) throw new ArgumentException($"problem '{problem.Name}' has no equation", nameof(problem));
        if (problem.IsSystem)
            throw new NotSupportedException($"problem '{problem.Name}' has a vector unknown; grid constraint rows need one scalar unknown");
        if (!problem.IsTimeDependent)
            throw new NotSupportedException($"problem '{problem.Name}' is steady; grid constraint rows need a time-dependent problem (rows at n = 0 are initial rows)");
        var box = GridDomain.BoxOf(problem);
        if (grid.Dimension != box.Dimension)
            throw new ArgumentException($"problem '{problem.Name}' is {box.Dimension}D, the grid {grid.Dimension}D", nameof(grid));
        var periodic = GridDomain.PeriodicAxes(problem);
        CheckCoverage(problem, grid, box, periodic);
        _problem = problem;
        Grid = grid;
        _derivatives = new GridDerivatives(grid, periodic, options);
        var unknown = problem.Unknown;

        var boundary = new bool[grid.SpatialPoints];
        for (long s = 0; s < grid.SpatialPoints; s++)
        {
            var index = grid.SpatialIndex(s);
            boundary[s] = Enumerable.Range(0, grid.Dimension).Any(a => !periodic[a] && (index[a] == 0 || index[a] == grid.Shape[1 + a] - 1));
        }
        var blocks = new List<RowBlock>
        {
            Block("pde", Lowering.Lower(problem.Equation.Residual, grid.Dimension), unknown,
                Enumerable.Range(0, (int)grid.SpatialPoints).Where(s => !boundary[s]).Select(s => (long)s).ToArray(), null),
        };
        blocks.AddRange(BoundaryBlocks(problem, grid, unknown, boundary, periodic));
        _blocks = blocks.ToArray();
        _initial = problem.Initial is null ? null : SampleInitial(problem, grid);
    }

    /// <summary>The grid the rows live on.</summary>
    public SpaceTimeGrid Grid { get; }

    /// <summary>(nt, n_1, …, n_d), for an <see cref="ExpertPartition"/>.</summary>
    public int[] GridShape => Grid.Shape;

    /// <inheritdoc/>
    public long Points => Grid.Points;

    /// <inheritdoc/>
    public long SpatialPoints => Grid.SpatialPoints;

    /// <summary>The jet variables of the unknown the equation uses, e.g. u, u_t, u_xx.</summary>
    public IReadOnlyList<Unknown> EquationAtoms => _blocks[0].Atoms;

    /// <inheritdoc/>
    public LeastSquaresSystem Build(Tensor basis, Tensor? initial)
    {
        HardConstraintLayer.CheckBasis(basis, Points);
        HardConstraintLayer.CheckInitial(initial, basis.shape[0], SpatialPoints);
        if (initial is null && _initial is null)
            throw new ArgumentException($"problem '{_problem.Name}' has no initial condition; pass each sample's initial state", nameof(initial));
        long batch = basis.shape[0], n = basis.shape[2];
        var field = basis.reshape([batch, .. Grid.Shape.Select(s => (long)s), n]);
        var images = new Dictionary<Unknown, Tensor>();
        Tensor Image(Unknown atom)
        {
            if (!images.TryGetValue(atom, out var image)) images[atom] = image = _derivatives.Apply(field, atom).reshape(batch, Points, n);
            return image;
        }

        var result = new List<ResidualBlock>();
        foreach (var block in _blocks.Take(1))
            result.Add(block.ToResidualBlock(Image, _problem, Grid.Dimension));
        long spatial = SpatialPoints;
        var target = initial ?? tensor(_initial!, ScalarType.Float64).unsqueeze(0);
        result.Add(ResidualBlock.Linear("initial", basis.narrow(1, 0, spatial), target, Enumerable.Range(0, (int)spatial).Select(s => (long)s).ToArray()));
        foreach (var block in _blocks.Skip(1))
            result.Add(block.ToResidualBlock(Image, _problem, Grid.Dimension));
        return new LeastSquaresSystem(result);
    }

    /// <summary>Rows at time levels n ≥ 1 at the spatial points <paramref name="spatial"/>; <paramref name="normals"/> per spatial point on boundary rows.</summary>
    private RowBlock Block(string name, Expr residual, Unknown unknown, long[] spatial, double[][]? normals)
    {
        if (residual.Rank != 0) throw new NotSupportedException($"problem '{_problem.Name}': the {name} rows need a scalar residual, got {residual}");
        var atoms = residual.Nodes().OfType<Unknown>().Distinct().OrderBy(a => a.Order).ThenBy(a => a.Label, StringComparer.Ordinal).ToArray();
        foreach (var atom in atoms)
        {
            if (atom.Name != unknown.Name)
                throw new NotSupportedException($"problem '{_problem.Name}': the {name} rows use {atom.Name}, but the unknown is {unknown.Name}");
            if (atom.TimeOrder > 1)
                throw new NotSupportedException($"problem '{_problem.Name}': the {name} rows use {atom.Label}; grid constraint rows difference at most once in time");
        }
        if (atoms.Length == 0) throw new NotSupportedException($"problem '{_problem.Name}': the {name} rows {residual} do not involve {unknown.Name}");
        int d = Grid.Dimension, nt = Grid.Shape[0];
        long rows = (long)(nt - 1) * spatial.Length;
        var points = new long[rows];
        var data = Enumerable.Range(0, 1 + d + (normals is null ? 0 : d)).Select(_ => new double[rows]).ToArray();
        long r = 0;
        for (int level = 1; level < nt; level++)
        {
            for (int k = 0; k < spatial.Length; k++, r++)
            {
                points[r] = level * Grid.SpatialPoints + spatial[k];
                data[0][r] = Grid.Times[level];
                var x = Grid.Position(spatial[k]);
                for (int a = 0; a < d; a++)
                {
                    data[1 + a][r] = x[a];
                    if (normals is not null) data[1 + d + a][r] = normals[k][a];
                }
            }
        }
        return new RowBlock(name, residual, atoms, points, data);
    }

    private IEnumerable<RowBlock> BoundaryBlocks(Problem problem, SpaceTimeGrid grid, Unknown unknown, bool[] boundary, bool[] periodic)
    {
        var domain = problem.Domain!;
        int d = grid.Dimension;
        double tolerance = 1e-9 * domain.Bounds.Diameter;
        var groups = new List<(string Part, BoundaryCondition? Condition, List<long> Spatial, List<double[]> Normals)>();
        var point = new double[d];
        var normal = new double[d];
        for (long s = 0; s < grid.SpatialPoints; s++)
        {
            if (!boundary[s]) continue;
            var x = grid.Position(s);
            // A point that also sits on a periodic end is moved half a step into the period, so that the
            // part found is the one of the ordinary axis.
            for (int a = 0; a < d; a++) point[a] = periodic[a] ? x[a] + 0.5 * grid.Spacing[a] : x[a];
            var part = domain.BoundaryPartAt(point, tolerance, normal)
                       ?? throw new InvalidOperationException($"problem '{problem.Name}': grid point ({string.Join(", ", x)}) is on no boundary part");
            var condition = problem.ConditionAt(part, point);
            var group = groups.FindIndex(g => g.Part == part && ReferenceEquals(g.Condition, condition));
            if (group < 0)
            {
                groups.Add((part, condition, [], []));
                group = groups.Count - 1;
            }
            groups[group].Spatial.Add(s);
            groups[group].Normals.Add((double[])normal.Clone());
        }
        foreach (var (part, condition, spatial, normals) in groups)
        {
            var residual = condition switch
            {
                null => Expr.NormalDerivative(unknown, d),
                Dirichlet { Component: not null } => throw Unsupported(problem, part, condition, "it holds one component of a vector unknown"),
                PointwiseCondition pointwise => pointwise.Residual(unknown, d),
                _ => throw Unsupported(problem, part, condition, "the rows express dirichlet, neumann, robin and periodic conditions"),
            };
            string name = groups.Count(g => g.Part == part) == 1 ? part : $"{part} ({condition?.Kind ?? "zero flux"})";
            yield return Block(name, Lowering.Lower(residual, d), unknown, spatial.ToArray(), normals.ToArray());
        }
    }

    private static NotSupportedException Unsupported(Problem problem, string part, BoundaryCondition condition, string reason) =>
        new($"problem '{problem.Name}': the {condition} on part '{part}' cannot be written as grid constraint rows: {reason}");

    private static void CheckCoverage(Problem problem, SpaceTimeGrid grid, Geometry.BoundingBox box, bool[] periodic)
    {
        for (int a = 0; a < grid.Dimension; a++)
        {
            var x = grid.Axes[a];
            double h = grid.Spacing[a], tolerance = 1e-9 * box.Extent(a);
            double expectedEnd = periodic[a] ? box.Max[a] - h : box.Max[a];
            bool covers = Math.Abs(x[0] - box.Min[a]) <= tolerance && Math.Abs(x[^1] - expectedEnd) <= tolerance;
            if (!covers)
                throw new ArgumentException(
                    $"problem '{problem.Name}': grid axis {a} runs from {x[0]} to {x[^1]}; it must run from {box.Min[a]} to {expectedEnd}" +
                    (periodic[a] ? $" (the axis is periodic with period {box.Extent(a)}, so its last point is one step before {box.Max[a]})" : ""), nameof(grid));
        }
    }

    private static double[] SampleInitial(Problem problem, SpaceTimeGrid grid)
    {
        using var scope = NewDisposeScope();
        int d = grid.Dimension;
        long spatial = grid.SpatialPoints;
        var data = new List<Tensor> { full(1, spatial, grid.Times[0], ScalarType.Float64) };
        for (int a = 0; a < d; a++)
        {
            int axis = a;
            data.Add(tensor(Enumerable.Range(0, (int)spatial).Select(s => grid.Position(s)[axis]).ToArray(), ScalarType.Float64).unsqueeze(0));
        }
        var jet = new GridJet([], [], data, d, $"the initial condition of problem '{problem.Name}'");
        var value = new TensorEvaluator(jet, problem.ValueOf, ScalarType.Float64).Evaluate(Lowering.Lower(problem.Initial!.Value, d));
        return (zeros(1, spatial, ScalarType.Float64) + value).squeeze(0).data<double>().ToArray();
    }

    /// <summary>
    /// One block of rows: a lowered residual, its atoms, each row's grid point and its per-row data
    /// (t, x_1, …, x_d and, on boundary rows, n_1, …, n_d), kept as arrays so that the rows hold no tensors
    /// between calls of <see cref="Build"/>.
    /// </summary>
    private sealed record RowBlock(string Name, Expr Residual, Unknown[] Atoms, long[] Points, double[][] Data)
    {
        public ResidualBlock ToResidualBlock(Func<Unknown, Tensor> image, Problem problem, int dimension)
        {
            // Rows that are one run of consecutive points (all levels n ≥ 1 on a torus) are a view; others a gather.
            bool run = Points.Length > 0 && Points[^1] - Points[0] == Points.Length - 1;
            using var rows = run ? null : tensor(Points, ScalarType.Int64);
            var terms = Atoms.Select(a => run ? image(a).narrow(1, Points[0], Points.Length) : image(a).index_select(1, rows!)).ToArray();
            var data = Data.Select(column => tensor(column, ScalarType.Float64).unsqueeze(0)).ToArray();
            var atoms = Atoms;
            var residual = Residual;
            string context = $"the {Name} rows of problem '{problem.Name}'";
            return new ResidualBlock(Name, terms, data, (values, columns) =>
            {
                var jet = new GridJet(atoms, values, columns, dimension, context);
                var r = new TensorEvaluator(jet, problem.ValueOf, ScalarType.Float64).Evaluate(residual);
                return r.shape.SequenceEqual(values[0].shape) ? r : r.expand(values[0].shape);
            }, Points);
        }
    }
}
