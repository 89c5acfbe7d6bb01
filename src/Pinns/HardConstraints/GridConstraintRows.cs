using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using TorchSharp;
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
/// An observed field other than u (a data set of vorticity w = -Δψ for a streamfunction ψ) is an expression
/// of u's spatial jet: <see cref="Observe"/> evaluates it on the grid the same way, and a per-sample initial state
/// passed to <see cref="Build(Tensor, Tensor?)"/> is then that field's, its "initial" rows -Δψ[0, s] - w₀(x_s).
/// </summary>
public sealed class GridConstraintRows : IConstraintRows
{
    private readonly Problem _problem;
    private readonly GridDerivatives _derivatives;
    private readonly RowBlock[] _blocks;
    private readonly double[]? _initial;
    private readonly Expr? _observed;
    private readonly Unknown[] _observedAtoms = [];
    private Tensor? _inverseObserved;
    private double[][]? _pointColumns;

    /// <summary>Reads the rows from <paramref name="problem"/>.</summary>
    /// <param name="problem">A time-dependent problem with one scalar unknown on an interval, rectangle or box.</param>
    /// <param name="grid">The grid; its space axes cover the box (periodic axes without their last end).</param>
    /// <param name="options">Discretisation; null for <see cref="GridRowsOptions.Default"/>.</param>
    /// <param name="observed">The observed field as a scalar expression of the unknown's spatial derivatives (no time
    /// derivative), e.g. -Δψ; null for the unknown itself.</param>
    /// <exception cref="NotSupportedException">A vector unknown, a steady problem, a domain that is not a box, a condition the
    /// rows cannot express, or an observed field that is not a scalar function of the unknown's spatial jet.</exception>
    public GridConstraintRows(Problem problem, SpaceTimeGrid grid, GridRowsOptions? options = null, Expr? observed = null)
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
        if (observed is not null && !observed.Equals(unknown))
        {
            _observed = Lowering.Lower(observed, grid.Dimension);
            if (_observed.Rank != 0) throw new NotSupportedException($"problem '{problem.Name}': the observed field {observed} is not a scalar");
            _observedAtoms = AtomsOf(_observed);
            foreach (var atom in _observedAtoms)
            {
                if (atom.Name != unknown.Name || atom.TimeOrder > 0)
                    throw new NotSupportedException($"problem '{problem.Name}': the observed field {observed} uses {atom.Label}; it must be a function of the spatial derivatives of {unknown.Name}");
            }
        }
    }

    /// <summary>The problem's own initial condition of the unknown at the S spatial grid points; null when the problem has none.</summary>
    public IReadOnlyList<double>? InitialState => _initial;

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
    public LeastSquaresSystem Build(Tensor basis, Tensor? initial) => Build(basis, initial, null);

    /// <inheritdoc/>
    public LeastSquaresSystem Build(Tensor basis, Tensor? initial, Tensor? offset)
    {
        HardConstraintLayer.CheckBasis(basis, Points);
        HardConstraintLayer.CheckInitial(initial, basis.shape[0], SpatialPoints);
        if (initial is null && _initial is null)
            throw new ArgumentException($"problem '{_problem.Name}' has no initial condition; pass each sample's initial state", nameof(initial));
        long batch = basis.shape[0];
        var image = Images(basis);
        Func<Unknown, Tensor>? offsetImage = null;
        if (offset is not null)
        {
            if (offset.dim() != 2 || offset.shape[0] != batch || offset.shape[1] != Points || offset.dtype != ScalarType.Float64)
                throw new ArgumentException($"the offset must be ({batch}, {Points}) float64, got ({string.Join(", ", offset.shape)}) {offset.dtype}", nameof(offset));
            var offsetImages = Images(offset.unsqueeze(-1));
            offsetImage = atom => offsetImages(atom).squeeze(-1);
        }

        var result = new List<ResidualBlock>();
        foreach (var block in _blocks.Take(1))
            result.Add(block.ToResidualBlock(image, offsetImage, _problem, Grid.Dimension));
        long spatial = SpatialPoints;
        var first = Enumerable.Range(0, (int)spatial).Select(s => (long)s).ToArray();
        if (initial is not null && _observed is not null)
        {
            var terms = _observedAtoms.Select(a => image(a).narrow(1, 0, spatial)).ToArray();
            var offsets = offsetImage is null ? [] : _observedAtoms.Select(a => offsetImage(a).narrow(1, 0, spatial)).ToArray();
            result.Add(new ResidualBlock("initial", terms, [.. Columns(first), initial, .. offsets], ObservedMinusTarget("initial", offsets.Length > 0), first));
        }
        else
        {
            var target = initial ?? tensor(_initial!, ScalarType.Float64).unsqueeze(0);
            if (offset is not null) target = target.Minus(offset.narrow(1, 0, spatial));
            result.Add(ResidualBlock.Linear("initial", basis.narrow(1, 0, spatial), target, first));
        }
        foreach (var block in _blocks.Skip(1))
            result.Add(block.ToResidualBlock(image, offsetImage, _problem, Grid.Dimension));
        return new LeastSquaresSystem(result);
    }

    /// <summary>The grid images of the jet variables of <paramref name="values"/> (batch, P, n), each (batch, P, n), made once per variable.</summary>
    private Func<Unknown, Tensor> Images(Tensor values)
    {
        long batch = values.shape[0], n = values.shape[2];
        var field = values.reshape([batch, .. Grid.Shape.Select(s => (long)s), n]);
        var images = new Dictionary<Unknown, Tensor>();
        return atom =>
        {
            if (!images.TryGetValue(atom, out var image)) images[atom] = image = _derivatives.Apply(field, atom).reshape(batch, Points, n);
            return image;
        };
    }

    /// <inheritdoc/>
    public Tensor Observe(Tensor solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        if (solution.dim() != 2 || solution.shape[1] != Points)
            throw new ArgumentException($"the solution must be (batch, {Points}), got ({string.Join(", ", solution.shape)})", nameof(solution));
        if (_observed is null) return solution;
        _pointColumns ??= ColumnData(Enumerable.Range(0, (int)Points).Select(p => (long)p).ToArray());
        return ObservedOf(solution.reshape([solution.shape[0], .. Grid.Shape.Select(n => (long)n), 1]), _pointColumns);
    }

    /// <summary>
    /// The observed field of <paramref name="field"/> (batch, levels, n_1, …, n_d, 1) at its R = levels·S points, whose
    /// t and x are <paramref name="columns"/>: (batch, R).
    /// </summary>
    private Tensor ObservedOf(Tensor field, double[][] columns)
    {
        long batch = field.shape[0], rows = columns[0].Length;
        var values = _observedAtoms.Select(a => _derivatives.Apply(field, a).reshape(batch, rows)).ToArray();
        var data = columns.Select(column => tensor(column, ScalarType.Float64).unsqueeze(0)).ToArray();
        var jet = new GridJet(_observedAtoms, values, data, Grid.Dimension, $"the observed field of problem '{_problem.Name}'");
        var w = new TensorEvaluator(jet, _problem.ValueOf, ScalarType.Float64).Evaluate(_observed!);
        return w.shape.SequenceEqual(values[0].shape) ? w : w.expand(values[0].shape);
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The observed field is not a linear function of the unknown's jet.</exception>
    public Tensor Lift(Tensor initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (initial.dim() != 2 || initial.shape[1] != SpatialPoints)
            throw new ArgumentException($"the initial state must be (batch, {SpatialPoints}), got ({string.Join(", ", initial.shape)})", nameof(initial));
        if (_observed is null) return initial;
        _inverseObserved ??= InverseObserved();
        return initial.matmul(_inverseObserved);
    }

    /// <summary>
    /// (O⁺)ᵀ, S × S, for the observed map O at t₀ (row s of O·e_k is the observed field at s of the unit state e_k): the
    /// pseudo-inverse by SVD, so that a singular map (−Δ on a torus loses the mean) gives the minimum-norm state.
    /// </summary>
    private Tensor InverseObserved()
    {
        using var scope = NewDisposeScope();
        long spatial = SpatialPoints;
        var first = ColumnData(Enumerable.Range(0, (int)spatial).Select(s => (long)s).ToArray());
        // Each unit state e_k is one "sample"; its images at the S points of level 0 are the columns of O.
        Tensor Map(Tensor states) => ObservedOf(states.reshape([spatial, 1, .. Grid.Shape.Skip(1).Select(n => (long)n), 1]), first);
        var transposed = Map(eye(spatial, dtype: ScalarType.Float64));   // (k, s) = (O e_k)_s = O[s, k]
        var doubled = Map(eye(spatial, dtype: ScalarType.Float64).Times(2));
        double scale = transposed.abs().max().item<double>();
        if (doubled.Minus(transposed.Times(2)).abs().max().item<double>() > 1e-9 * Math.Max(scale, 1e-300))
            throw new NotSupportedException($"problem '{_problem.Name}': the observed field {_observed} is not linear in {_problem.Unknown.Name}; its initial state cannot be lifted");
        var inverse = linalg.pinv(transposed.t(), rtol: 1e-10);   // O⁺, S × S
        return inverse.t().contiguous().DetachFromDisposeScope();
    }

    /// <summary>
    /// The residual "observed field minus the target" for rows whose data are t, x_1, …, x_d, the target and, when
    /// <paramref name="shifted"/>, the offset's image of each observed atom (added to the values).
    /// </summary>
    private PointwiseResidual ObservedMinusTarget(string name, bool shifted)
    {
        var atoms = _observedAtoms;
        var observed = _observed!;
        int d = Grid.Dimension;
        string context = $"the {name} rows of problem '{_problem.Name}'";
        return (values, columns) =>
        {
            var v = shifted ? values.Select((value, j) => value.Plus(columns[2 + d + j])).ToArray() : values;
            var jet = new GridJet(atoms, v, columns.Take(1 + d).ToArray(), d, context);
            return new TensorEvaluator(jet, _problem.ValueOf, ScalarType.Float64).Evaluate(observed).Minus(columns[1 + d]);
        };
    }

    /// <summary>t and x_1, …, x_d of the grid points <paramref name="points"/> (flat indices), each (1, rows).</summary>
    private Tensor[] Columns(long[] points) => ColumnData(points).Select(column => tensor(column, ScalarType.Float64).unsqueeze(0)).ToArray();

    /// <summary>t and x_1, …, x_d of the grid points <paramref name="points"/> (flat indices), one array per column.</summary>
    private double[][] ColumnData(long[] points)
    {
        int d = Grid.Dimension;
        var data = Enumerable.Range(0, 1 + d).Select(_ => new double[points.Length]).ToArray();
        for (int r = 0; r < points.Length; r++)
        {
            long level = points[r] / Grid.SpatialPoints;
            data[0][r] = Grid.Times[(int)level];
            var x = Grid.Position(points[r] % Grid.SpatialPoints);
            for (int a = 0; a < d; a++) data[1 + a][r] = x[a];
        }
        return data;
    }

    /// <summary>The jet variables of <paramref name="expression"/>, by order then label.</summary>
    private static Unknown[] AtomsOf(Expr expression) =>
        expression.Nodes().OfType<Unknown>().Distinct().OrderBy(a => a.Order).ThenBy(a => a.Label, StringComparer.Ordinal).ToArray();

    /// <summary>Rows at time levels n ≥ 1 at the spatial points <paramref name="spatial"/>; <paramref name="normals"/> per spatial point on boundary rows.</summary>
    private RowBlock Block(string name, Expr residual, Unknown unknown, long[] spatial, double[][]? normals)
    {
        if (residual.Rank != 0) throw new NotSupportedException($"problem '{_problem.Name}': the {name} rows need a scalar residual, got {residual}");
        var atoms = AtomsOf(residual);
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
        using Scalar start = grid.Times[0];
        var data = new List<Tensor> { full(1, spatial, start, ScalarType.Float64) };
        for (int a = 0; a < d; a++)
        {
            int axis = a;
            data.Add(tensor(Enumerable.Range(0, (int)spatial).Select(s => grid.Position(s)[axis]).ToArray(), ScalarType.Float64).unsqueeze(0));
        }
        var jet = new GridJet([], [], data, d, $"the initial condition of problem '{problem.Name}'");
        var value = new TensorEvaluator(jet, problem.ValueOf, ScalarType.Float64).Evaluate(Lowering.Lower(problem.Initial!.Value, d));
        return zeros(1, spatial, ScalarType.Float64).Plus(value).squeeze(0).data<double>().ToArray();
    }

    /// <summary>
    /// One block of rows: a lowered residual, its atoms, each row's grid point and its per-row data
    /// (t, x_1, …, x_d and, on boundary rows, n_1, …, n_d), kept as arrays so that the rows hold no tensors
    /// between calls of <see cref="Build(Tensor, Tensor?)"/>.
    /// </summary>
    private sealed record RowBlock(string Name, Expr Residual, Unknown[] Atoms, long[] Points, double[][] Data)
    {
        public ResidualBlock ToResidualBlock(Func<Unknown, Tensor> image, Func<Unknown, Tensor>? offsetImage, Problem problem, int dimension)
        {
            // Rows that are one run of consecutive points (all levels n ≥ 1 on a torus) are a view; others a gather.
            bool run = Points.Length > 0 && Points[^1] - Points[0] == Points.Length - 1;
            using var rows = run ? null : tensor(Points, ScalarType.Int64);
            Tensor Rows(Tensor all) => run ? all.narrow(1, Points[0], Points.Length) : all.index_select(1, rows!);
            var terms = Atoms.Select(a => Rows(image(a))).ToArray();
            var own = Data.Select(column => tensor(column, ScalarType.Float64).unsqueeze(0)).ToArray();
            // The fixed part of u enters as data: its image of each atom, added to the values T_j w.
            var offsets = offsetImage is null ? [] : Atoms.Select(a => Rows(offsetImage(a))).ToArray();
            var atoms = Atoms;
            var residual = Residual;
            int count = own.Length;
            string context = $"the {Name} rows of problem '{problem.Name}'";
            return new ResidualBlock(Name, terms, [.. own, .. offsets], (values, columns) =>
            {
                var v = offsets.Length == 0 ? values : values.Select((value, j) => value.Plus(columns[count + j])).ToArray();
                var jet = new GridJet(atoms, v, offsets.Length == 0 ? columns : columns.Take(count).ToArray(), dimension, context);
                var r = new TensorEvaluator(jet, problem.ValueOf, ScalarType.Float64).Evaluate(residual);
                return r.shape.SequenceEqual(values[0].shape) ? r : r.expand(values[0].shape);
            }, Points);
        }
    }
}
