namespace PdeNet.Operators.Models;

/// <summary>
/// A physics-informed operator (Chalapathi, Du, Krishnapriyan, ICLR 2024): the FNO basis network maps the
/// initial state (broadcast over the times, with the grid coordinates appended) to N basis functions on
/// the (nt, n_1[, n_2]) space-time grid, and the constraint layer turns them into the solution from the
/// problem's constraint rows (PDE, initial and boundary rows on the same grid). Soft, hard and hard-with-experts
/// models differ only in <paramref name="Constraint"/> and <paramref name="Experts"/>.
/// </summary>
/// <param name="Problem">The parametric problem whose rows constrain the solution (the builder looks its rows up by this name).</param>
/// <param name="Times">t_0 &lt; … &lt; t_{nt−1}, uniform; t_0 is the initial time.</param>
/// <param name="Axes">The positions along each space axis (one axis, or two: x then y), each increasing and uniform,
/// at least 3 points; grid points are numbered row-major, x slowest.</param>
/// <param name="Basis">The basis network: InChannels 1 (the initial state), OutChannels N; a 2D FNO over (t, x) for one space
/// axis, a 3D FNO over (t, x, y) for two.</param>
/// <param name="Constraint">Soft or hard.</param>
/// <param name="Experts">Hard constraint only: K, the number of experts, split over the space axes as evenly as K allows
/// (<see cref="ExpertSplits"/>; the paper splits diffusion–sorption into 4 along x and Navier–Stokes into 2 × 2);
/// null for a single global solve. K = 1 is the mixture of experts with one expert, the same solution as null.</param>
/// <param name="PenaltyWeight">Soft constraint only: weight of the mean square residual in the loss.</param>
/// <param name="MaxIterations">Levenberg–Marquardt iterations per solve.</param>
/// <param name="Tolerance">Levenberg–Marquardt gradient and step tolerance.</param>
/// <param name="Ridge">Ridge λ on the weights (rows λ·w appended).</param>
/// <param name="InitialWeight">Every weight starts the solve at this value.</param>
/// <param name="LiftInitial">Carry the initial state exactly, as the paper's Navier–Stokes model: u = u₀ + m(t) Σ_k w_k b_k with
/// m(t) = (t − t₀)/(t_end − t₀), where u₀ is the unknown's initial state (lifted from the observed initial state,
/// <c>IConstraintRows.Lift</c>) held constant in time, so the initial rows hold whatever the weights. Without it the initial state
/// enters only as the network's input and as rows.</param>
public sealed record PhysicsInformedOptions(
    string Problem,
    double[] Times,
    double[][] Axes,
    FnoOptions Basis,
    ConstraintKind Constraint = ConstraintKind.Hard,
    int? Experts = null,
    double PenaltyWeight = 1,
    int MaxIterations = 50,
    double Tolerance = 1e-6,
    double Ridge = 1e-6,
    double InitialWeight = 0,
    bool LiftInitial = false)
{
    /// <summary>pi-sc, pi-hc, or pi-hc-moe (experts given, even K = 1).</summary>
    public string Name => new PhysicsInformedVariant(Constraint, Experts).Name;

    /// <summary>d, the number of space axes.</summary>
    public int Dimension => Axes.Length;

    /// <summary>(nt, n_1[, n_2]), the space-time grid's shape, time first.</summary>
    public int[] GridShape => [Times.Length, .. Axes.Select(a => a.Length)];

    /// <summary>
    /// The experts along each grid axis, time first: 1 in time, and K factored over the space axes as evenly as it
    /// goes, the larger factor on the earlier axis (K = 4 in 2D: 2 × 2; K = 2 in 2D: 2 along x). Null without experts.
    /// </summary>
    public int[]? ExpertSplits
    {
        get
        {
            if (Experts is not { } k) return null;
            if (Dimension == 1) return [1, k];
            int small = (int)Math.Floor(Math.Sqrt(k));
            while (k % small != 0) small--;
            return [1, k / small, small];
        }
    }

    /// <summary>N, the number of basis functions of the network.</summary>
    public int BasisFunctions => Basis.OutChannels;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public PhysicsInformedOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Problem)) throw new ArgumentException("a physics-informed operator needs the name of its problem", nameof(Problem));
        if (Times is null || Times.Length < 2) throw new ArgumentException("at least two times (the initial time and one more) are needed", nameof(Times));
        if (Axes is null || Axes.Length is < 1 or > 2) throw new ArgumentException($"one or two space axes are needed, got {Axes?.Length ?? 0}", nameof(Axes));
        for (int a = 0; a < Axes.Length; a++)
        {
            if (Axes[a] is null || Axes[a].Length < 3) throw new ArgumentException($"space axis {a} needs at least three positions", nameof(Axes));
        }
        ArgumentNullException.ThrowIfNull(Basis);
        Basis.Validate();
        if (Basis.InChannels != 1) throw new ArgumentException($"the basis network takes the initial state, one channel; got {Basis.InChannels}", nameof(Basis));
        int basisDimension = Basis.Dimensions;
        if (basisDimension != 1 + Dimension)
            throw new ArgumentException($"the basis network must be a {1 + Dimension}D FNO over (t, {(Dimension == 1 ? "x" : "x, y")}), got a {basisDimension}D one", nameof(Basis));
        if (Experts is { } k)
        {
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(Experts), k, "at least one expert is needed");
            var splits = ExpertSplits!;
            for (int a = 0; a < Dimension; a++)
            {
                if (splits[1 + a] > Axes[a].Length)
                    throw new ArgumentOutOfRangeException(nameof(Experts), k, $"{k} experts split space axis {a} into {splits[1 + a]}, but it has {Axes[a].Length} positions");
            }
        }
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
