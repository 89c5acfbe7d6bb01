using PdeNet.Operators.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The physics-informed operator of Chalapathi, Du and Krishnapriyan (ICLR 2024) as an operator network:
/// the initial state u₀ (batch, 1, nx), broadcast over the nt times of the space-time grid, goes through
/// the <see cref="Fno"/> basis network to N basis functions (batch, nt·nx, N), and the constraint layer
/// (<see cref="SoftConstraintLayer"/> for pi-sc, <see cref="HardConstraintLayer"/> for pi-hc and, with an
/// <see cref="ExpertPartition"/> of K experts along x, pi-hc-moe) turns them into u on the grid,
/// with u₀ as each sample's initial rows,
/// (batch, nt, nx), t first. The three variants share everything but that layer. In training mode the
/// soft constraint's residual penalty, times <see cref="PhysicsInformedOptions.PenaltyWeight"/>, is
/// handed to the trainer by <see cref="TakePenalty"/>.
/// </summary>
public sealed class PhysicsInformedOperator : OperatorNetwork
{
    private readonly Fno _basis;
    private readonly int _nt, _nx;
    private Tensor? _penalty;

    /// <summary>Builds the operator in the default dtype (float64 through <see cref="OperatorModelSpec.Build"/>).</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="rows">The problem's constraint rows on the (Times × Positions) grid.</param>
    public PhysicsInformedOperator(PhysicsInformedOptions options, IConstraintRows rows) : base(nameof(PhysicsInformedOperator))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rows);
        Options = options.Validate();
        _nt = options.Times.Length;
        _nx = options.Positions.Length;
        if (rows.Points != (long)_nt * _nx)
            throw new ArgumentException($"the rows cover {rows.Points} grid points, the operator's grid {_nt} x {_nx}", nameof(rows));
        _basis = new Fno(options.Basis);
        Constraint = options.Constraint switch
        {
            ConstraintKind.Soft => new SoftConstraintLayer(rows, options.BasisFunctions),
            ConstraintKind.Hard => new HardConstraintLayer(rows,
                new HardConstraintOptions(new LevenbergMarquardtOptions(options.MaxIterations, options.Tolerance, options.Tolerance, Ridge: options.Ridge),
                    options.InitialWeight),
                options.Experts is { } k ? new ExpertPartition([_nt, _nx], [1, k]) : null),
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

    /// <summary>The N basis functions of the initial states <paramref name="input"/> (batch, 1, nx): (batch, nt·nx, N), t first.</summary>
    public Tensor BasisFunctions(Tensor input)
    {
        var u0 = Initial(input);
        long batch = u0.shape[0];
        var features = u0.view(batch, 1, 1, _nx).expand(batch, 1, _nt, _nx);
        return _basis.forward(features).permute(0, 2, 3, 1).reshape(batch, (long)_nt * _nx, Options.BasisFunctions);
    }

    /// <inheritdoc/>
    /// <param name="input">The initial states, (batch, 1, nx) or (batch, nx), raw.</param>
    /// <param name="coordinates">Unused (null).</param>
    /// <returns>u on the grid, (batch, nt, nx).</returns>
    public override Tensor Forward(Tensor input, Tensor? coordinates)
    {
        var basis = BasisFunctions(input);
        var solution = Constraint.Forward(basis, Initial(input));
        LastSolution = solution;
        _penalty = training && solution.Penalty is { } p ? p * Options.PenaltyWeight : null;
        return solution.Solution.view(input.shape[0], _nt, _nx);
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
        bool ok = (input.dim() == 3 && input.shape[1] == 1 && input.shape[2] == _nx) || (input.dim() == 2 && input.shape[1] == _nx);
        Expect(ok, nameof(input), $"(batch, 1, {_nx}) or (batch, {_nx})", input);
        return input.reshape(input.shape[0], _nx);
    }
}
