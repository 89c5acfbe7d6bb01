using PdeNet.Neural;
using PdeNet.Operators.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The physics-informed operator of Chalapathi, Du and Krishnapriyan (ICLR 2024) as an operator network:
/// the initial state (batch, 1, n_1[, n_2]), broadcast over the nt times of the space-time grid, goes through
/// the <see cref="Fno"/> basis network (2D over (t, x), 3D over (t, x, y)) to N basis functions
/// (batch, P, N), P = nt·n_1[·n_2], t first, and the constraint layer (<see cref="SoftConstraintLayer"/> for
/// pi-sc, <see cref="HardConstraintLayer"/> for pi-hc and, with an <see cref="ExpertPartition"/> of K experts
/// over the space axes, pi-hc-moe) turns them into the unknown u on the grid, with the initial state as each
/// sample's initial rows. The output is the observed field of the rows (<see cref="IConstraintRows.Observe"/>:
/// u itself, or for instance the vorticity -Δψ of a streamfunction), (batch, nt, n_1[, n_2]). The three variants
/// share everything but the constraint layer. In training mode the soft constraint's residual penalty, times
/// <see cref="PhysicsInformedOptions.PenaltyWeight"/>, is handed to the trainer by <see cref="TakePenalty"/>.
/// </summary>
public sealed class PhysicsInformedOperator : OperatorNetwork
{
    private readonly Fno _basis;
    private readonly IConstraintRows _rows;
    private readonly long[] _grid;
    private readonly long _spatial;
    private Tensor? _penalty;

    /// <summary>Builds the operator in the default dtype (float64 through <see cref="OperatorModelSpec.Build"/>).</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="rows">The problem's constraint rows on the (Times × Axes) grid.</param>
    public PhysicsInformedOperator(PhysicsInformedOptions options, IConstraintRows rows) : base(nameof(PhysicsInformedOperator))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rows);
        Options = options.Validate();
        _grid = options.GridShape.Select(n => (long)n).ToArray();
        _spatial = _grid.Skip(1).Aggregate(1L, (p, n) => p * n);
        long points = _grid[0] * _spatial;
        if (rows.Points != points)
            throw new ArgumentException($"the rows cover {rows.Points} grid points, the operator's grid {string.Join(" x ", _grid)} has {points}", nameof(rows));
        _rows = rows;
        _basis = new Fno(options.Basis);
        Constraint = options.Constraint switch
        {
            ConstraintKind.Soft => new SoftConstraintLayer(rows, options.BasisFunctions),
            ConstraintKind.Hard => new HardConstraintLayer(rows,
                new HardConstraintOptions(new LevenbergMarquardtOptions(options.MaxIterations, options.Tolerance, options.Tolerance, Ridge: options.Ridge),
                    options.InitialWeight),
                options.ExpertSplits is { } splits ? new ExpertPartition(options.GridShape, splits) : null),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Constraint, "unknown constraint kind"),
        };
        RegisterComponents();
        for (int i = 0; i < Constraint.Parameters.Count; i++) register_parameter($"constraint_{i}", Constraint.Parameters[i]);
    }

    /// <summary>The configuration.</summary>
    public PhysicsInformedOptions Options { get; }

    /// <summary>The basis network.</summary>
    public Fno Basis => _basis;

    /// <summary>The constraint layer.</summary>
    public IConstraintLayer Constraint { get; }

    /// <summary>What the constraint layer returned in the last <see cref="Forward"/> (weights, solver outcomes).</summary>
    public ConstrainedSolution? LastSolution { get; private set; }

    /// <inheritdoc/>
    public override bool NeedsCoordinates => false;

    /// <inheritdoc/>
    public override bool NeedsRawData => true;

    /// <summary>
    /// The N basis functions of the initial states <paramref name="input"/> (batch, 1, n_1[, n_2]): (batch, P, N), t first; with
    /// <see cref="PhysicsInformedOptions.LiftInitial"/> multiplied by m(t) = (t − t₀)/(t_end − t₀), which vanishes at t₀.
    /// </summary>
    public Tensor BasisFunctions(Tensor input)
    {
        var u0 = Initial(input);
        long batch = u0.shape[0];
        long[] single = [batch, 1, 1, .. _grid.Skip(1)];
        long[] broadcast = [batch, 1, .. _grid];
        var features = u0.view(single).expand(broadcast);
        long[] channelsLast = [0, .. Enumerable.Range(2, _grid.Length).Select(a => (long)a), 1];
        var basis = _basis.forward(features).permute(channelsLast).reshape(batch, _grid[0] * _spatial, Options.BasisFunctions);
        if (!Options.LiftInitial) return basis;
        var times = Options.Times;
        var ramp = tensor(times.Select(t => (t - times[0]) / (times[^1] - times[0])).ToArray(), basis.dtype)
            .view(1, _grid[0], 1).expand(1, _grid[0], _spatial).reshape(1, _grid[0] * _spatial, 1);
        return basis * ramp;
    }

    /// <inheritdoc/>
    /// <param name="input">The initial states of the observed field, (batch, 1, n_1[, n_2]) or (batch, n_1[, n_2]), raw.</param>
    /// <param name="coordinates">Unused (null).</param>
    /// <returns>The observed field on the grid, (batch, nt, n_1[, n_2]).</returns>
    public override Tensor Forward(Tensor input, Tensor? coordinates)
    {
        var basis = BasisFunctions(input);
        var initial = Initial(input);
        // With the initial state built in, u = u₀ + m(t) Σ w_k b_k: the lifted u₀ held over the times is the fixed part.
        var offset = Options.LiftInitial
            ? _rows.Lift(initial).unsqueeze(1).expand(initial.shape[0], _grid[0], _spatial).reshape(initial.shape[0], _grid[0] * _spatial)
            : null;
        var solution = Constraint.Forward(basis, initial, offset);
        LastSolution = solution;
        _penalty = training && solution.Penalty is { } p ? p.Times(Options.PenaltyWeight) : null;
        return solution.Observed.view([input.shape[0], .. _grid]);
    }

    /// <inheritdoc/>
    public override Tensor? TakePenalty()
    {
        var p = _penalty;
        _penalty = null;
        return p;
    }

    private Tensor Initial(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var space = _grid.Skip(1).ToArray();
        int d = space.Length;
        bool ok = (input.dim() == d + 2 && input.shape[1] == 1 && input.shape.Skip(2).SequenceEqual(space))
                  || (input.dim() == d + 1 && input.shape.Skip(1).SequenceEqual(space));
        string expected = string.Join(", ", space);
        Expect(ok, nameof(input), $"(batch, 1, {expected}) or (batch, {expected})", input);
        return input.reshape(input.shape[0], _spatial);
    }
}
