using PdeNet.Neural;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The hard constraint: per sample, u = Σ_k w_k b_k with w the least-squares solution of the
/// constraint rows (Levenberg–Marquardt, float64), differentiated implicitly. With an
/// <see cref="ExpertPartition"/> it is the mixture of experts: the rows are computed once on the whole
/// grid and split by owning point, expert e solves for its own weights w⁽ᵉ⁾ on its own rows (the
/// experts in parallel), and u at a point is Σ_k w⁽ᵉ⁾_k b_k with e the point's owner.
/// </summary>
public sealed class HardConstraintLayer : IConstraintLayer
{
    private readonly IConstraintRows _rows;
    private readonly HardConstraintOptions _options;
    private readonly ExpertPartition? _experts;
    private readonly int[]? _owners;

    /// <summary>Creates the layer.</summary>
    /// <param name="rows">The problem's constraint rows.</param>
    /// <param name="options">Solver options.</param>
    /// <param name="experts">The router for the mixture of experts; null for one global solve.</param>
    public HardConstraintLayer(IConstraintRows rows, HardConstraintOptions options, ExpertPartition? experts = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        options.Solver.Validate();
        if (experts is not null && experts.Points != rows.Points)
            throw new ArgumentException($"the partition covers {experts.Points} grid points, the rows {rows.Points}", nameof(experts));
        _rows = rows;
        _options = options;
        _experts = experts;
        _owners = experts?.Owners();
    }

    /// <summary>K, the number of experts (1 without a partition).</summary>
    public int Experts => _experts?.Count ?? 1;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public ConstrainedSolution Forward(Tensor basis, Tensor? initial, Tensor? offset = null)
    {
        CheckBasis(basis, _rows.Points);
        CheckInitial(initial, basis.shape[0], _rows.SpatialPoints);
        var system = _rows.Build(basis, initial, offset);
        if (_experts is null)
        {
            var (w, result) = Solve(system);
            var weights = ImplicitLeastSquaresFunction.Apply(system, w, _options.Solver.Ridge);
            var u = basis.bmm(weights.unsqueeze(-1)).squeeze(-1);
            if (offset is not null) u = u.Plus(offset);
            return new ConstrainedSolution(u, _rows.Observe(u), weights, null, [result], () => system.Residual(weights));
        }

        int k = _experts.Count;
        var owners = _owners!;
        var local = new LeastSquaresSystem?[k];
        for (int e = 0; e < k; e++)
        {
            int expert = e;
            local[e] = system.Restrict(p => owners[p] == expert);
        }
        var solved = new (Tensor W, LevenbergMarquardtResult R)[k];
        void SolveExpert(int e)
        {
            if (local[e] is null) throw new InvalidOperationException($"expert {e} owns no constraint rows; use fewer experts");
            solved[e] = Solve(local[e]!);
        }
        if (_options.Parallel) System.Threading.Tasks.Parallel.For(0, k, SolveExpert);
        else for (int e = 0; e < k; e++) SolveExpert(e);

        using var ownerIndex = tensor(owners.Select(o => (long)o).ToArray(), ScalarType.Int64);
        var expertWeights = new Tensor[k];
        Tensor? solution = null, observed = null;
        for (int e = 0; e < k; e++)
        {
            expertWeights[e] = ImplicitLeastSquaresFunction.Apply(local[e]!, solved[e].W, _options.Solver.Ridge);
            using Scalar expert = e;
            var mask = ownerIndex.eq(expert).to_type(ScalarType.Float64).unsqueeze(0);
            var own = basis.bmm(expertWeights[e].unsqueeze(-1)).squeeze(-1);
            if (offset is not null) own = own.Plus(offset);
            var part = own * mask;
            var observedPart = _rows.Observe(own) * mask;
            solution = solution is null ? part : solution.Plus(part);
            observed = observed is null ? observedPart : observed.Plus(observedPart);
        }
        return new ConstrainedSolution(solution!, observed!, stack(expertWeights, 1), null, solved.Select(s => s.R).ToArray(),
            () => cat(Enumerable.Range(0, k).Select(e => local[e]!.Residual(expertWeights[e])).ToArray(), 1));
    }

    private (Tensor W, LevenbergMarquardtResult R) Solve(LeastSquaresSystem system)
    {
        using Scalar initialWeight = _options.InitialWeight;
        using var initial = full(system.Batch, system.Weights, initialWeight, ScalarType.Float64);
        return LevenbergMarquardt.Solve(system, initial, _options.Solver);
    }

    internal static void CheckBasis(Tensor basis, long points)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.dim() != 3 || basis.shape[1] != points)
            throw new ArgumentException($"the basis must be (batch, {points}, N), got ({string.Join(", ", basis.shape)})", nameof(basis));
        if (basis.dtype != ScalarType.Float64) throw new ArgumentException($"the basis must be float64, got {basis.dtype}", nameof(basis));
    }

    /// <summary>Checks that a per-sample initial state is null or (batch or 1, S) float64.</summary>
    internal static void CheckInitial(Tensor? initial, long batch, long spatialPoints)
    {
        if (initial is null) return;
        if (initial.dim() != 2 || initial.shape[1] != spatialPoints || (initial.shape[0] != 1 && initial.shape[0] != batch))
            throw new ArgumentException($"the initial state must be ({batch} or 1, {spatialPoints}), got ({string.Join(", ", initial.shape)})", nameof(initial));
        if (initial.dtype != ScalarType.Float64) throw new ArgumentException($"the initial state must be float64, got {initial.dtype}", nameof(initial));
    }
}
