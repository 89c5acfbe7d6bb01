namespace PdeNet.Operators.Models;

/// <summary>
/// A physics-informed operator (Chalapathi, Du, Krishnapriyan, ICLR 2024): the FNO basis network maps the
/// initial state (broadcast over the times, with the (t, x) coordinates appended) to N basis functions on
/// the (nt, nx) space-time grid, and the constraint layer turns them into the solution from the problem's
/// constraint rows (PDE, initial and boundary rows on the same grid). Soft, hard and hard-with-experts
/// models differ only in <paramref name="Constraint"/> and <paramref name="Experts"/>.
/// </summary>
/// <param name="Problem">The parametric problem whose rows constrain the solution (the builder looks its rows up by this name).</param>
/// <param name="Times">t_0 &lt; … &lt; t_{nt−1}, uniform; t_0 is the initial time.</param>
/// <param name="Positions">x_0 &lt; … &lt; x_{nx−1}, uniform.</param>
/// <param name="Basis">The basis network: InChannels 1 (the initial state), OutChannels N.</param>
/// <param name="Constraint">Soft or hard.</param>
/// <param name="Experts">Hard constraint only: K, the number of experts along x (the paper splits diffusion–sorption into 4);
/// null for a single global solve. K = 1 is the mixture of experts with one expert, the same solution as null.</param>
/// <param name="PenaltyWeight">Soft constraint only: weight of the mean square residual in the loss.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iterations per solve.</param>
/// <param name="Tolerance">Levenberg–Marquardt gradient and step tolerance.</param>
/// <param name="Ridge">Ridge λ on the weights (rows λ·w appended).</param>
/// <param name="InitialWeight">Every weight starts the solve at this value.</param>
public sealed record PhysicsInformedOptions(
    string Problem,
    double[] Times,
    double[] Positions,
    FnoOptions Basis,
    ConstraintKind Constraint = ConstraintKind.Hard,
    int? Experts = null,
    double PenaltyWeight = 1,
    int MaxIterations = 50,
    double Tolerance = 1e-6,
    double Ridge = 1e-6,
    double InitialWeight = 0)
{
    /// <summary>pi-sc, pi-hc, or pi-hc-moe (experts given, even K = 1).</summary>
    public string Name => new PhysicsInformedVariant(Constraint, Experts).Name;

    /// <summary>N, the number of basis functions.</summary>
    public int BasisFunctions => Basis.OutChannels;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public PhysicsInformedOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Problem)) throw new ArgumentException("a physics-informed operator needs the name of its problem", nameof(Problem));
        if (Times is null || Times.Length < 2) throw new ArgumentException("at least two times (the initial time and one more) are needed", nameof(Times));
        if (Positions is null || Positions.Length < 3) throw new ArgumentException("at least three positions are needed", nameof(Positions));
        ArgumentNullException.ThrowIfNull(Basis);
        Basis.Validate();
        if (Basis.InChannels != 1) throw new ArgumentException($"the basis network takes the initial state, one channel; got {Basis.InChannels}", nameof(Basis));
        if (Experts is { } k && (k < 1 || k > Positions.Length))
            throw new ArgumentOutOfRangeException(nameof(Experts), k, $"the experts split {Positions.Length} positions; between 1 and that");
        if (Constraint == ConstraintKind.Soft && Experts is not null)
            throw new ArgumentException("experts belong to the hard constraint; the soft constraint has none", nameof(Experts));
        if (!(PenaltyWeight >= 0) || double.IsInfinity(PenaltyWeight)) throw new ArgumentOutOfRangeException(nameof(PenaltyWeight), PenaltyWeight, "must be finite and not negative");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration is needed");
        if (!(Tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "cannot be negative");
        if (!(Ridge >= 0)) throw new ArgumentOutOfRangeException(nameof(Ridge), Ridge, "cannot be negative");
        if (!double.IsFinite(InitialWeight)) throw new ArgumentOutOfRangeException(nameof(InitialWeight), InitialWeight, "must be finite");
        return this;
    }
}
