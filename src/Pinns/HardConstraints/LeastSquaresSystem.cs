using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// A batch of nonlinear least-squares problems min_w ‖r(w)‖² with r the concatenation of residual
/// blocks (PDE rows, initial and boundary rows). Each sample b has its own weights w_b ∈ R^N and its
/// own terms; the samples are independent.
/// </summary>
public sealed class LeastSquaresSystem
{
    /// <summary>Creates the system; all blocks must share batch size and N.</summary>
    /// <param name="blocks">The residual blocks, at least one.</param>
    public LeastSquaresSystem(IReadOnlyList<ResidualBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0) throw new ArgumentException("a least-squares system needs at least one block", nameof(blocks));
        var shape = blocks[0].Terms[0].shape;
        foreach (var b in blocks)
        {
            var s = b.Terms[0].shape;
            if (s[0] != shape[0] || s[2] != shape[2])
                throw new ArgumentException($"block '{b.Name}' has batch {s[0]} and N {s[2]}, expected batch {shape[0]} and N {shape[2]}", nameof(blocks));
        }
        Blocks = blocks;
        Batch = shape[0];
        Weights = shape[2];
        Rows = blocks.Sum(b => b.Rows);
    }

    /// <summary>The residual blocks.</summary>
    public IReadOnlyList<ResidualBlock> Blocks { get; }

    /// <summary>Number of samples.</summary>
    public long Batch { get; }

    /// <summary>N, the number of weights (basis functions) per sample.</summary>
    public long Weights { get; }

    /// <summary>M, the number of residual rows per sample (ridge rows not counted).</summary>
    public long Rows { get; }

    /// <summary>All term tensors, block after block.</summary>
    public IReadOnlyList<Tensor> Terms => Blocks.SelectMany(b => b.Terms).ToArray();

    /// <summary>The residual r(w), (batch, M), differentiable in w and in the terms.</summary>
    /// <param name="w">Weights, (batch, N) float64.</param>
    public Tensor Residual(Tensor w)
    {
        CheckWeights(w);
        var parts = Blocks.Select(b =>
        {
            var values = b.Terms.Select(t => t.bmm(w.unsqueeze(-1)).squeeze(-1)).ToArray();
            return b.Residual(values, b.Data);
        }).ToArray();
        return parts.Length == 1 ? parts[0] : cat(parts, 1);
    }

    /// <summary>
    /// The residual (batch, M) and its Jacobian ∂r/∂w (batch, M, N). Because each block is pointwise in
    /// the row, J = Σ_j diag(∂F/∂v_j) T_j with the diagonal from one backward pass.
    /// </summary>
    /// <param name="w">Weights, (batch, N) float64.</param>
    /// <param name="createGraph">Keep both differentiable in w and the terms (for unrolling).</param>
    public (Tensor Residual, Tensor Jacobian) ResidualAndJacobian(Tensor w, bool createGraph = false)
    {
        CheckWeights(w);
        var residuals = new List<Tensor>();
        var jacobians = new List<Tensor>();
        using (enable_grad())
        {
            foreach (var b in Blocks)
            {
                var values = b.Terms.Select(t =>
                {
                    var v = t.bmm(w.unsqueeze(-1)).squeeze(-1);
                    return createGraph ? v : v.detach().requires_grad_(true);
                }).ToArray();
                // 0·v_j keeps every value in the graph even when F ignores it.
                var r = b.Residual(values, b.Data);
                foreach (var v in values) r = r.Plus(v.Times(0.0));
                var slopes = autograd.grad([r.sum()], values, create_graph: createGraph, retain_graph: createGraph);
                Tensor? jacobian = null;
                for (int j = 0; j < values.Length; j++)
                {
                    var term = slopes[j].unsqueeze(-1) * b.Terms[j];
                    jacobian = jacobian is null ? term : jacobian.Plus(term);
                }
                residuals.Add(createGraph ? r : r.detach());
                jacobians.Add(createGraph ? jacobian! : jacobian!.detach());
            }
        }
        return (residuals.Count == 1 ? residuals[0] : cat(residuals, 1), jacobians.Count == 1 ? jacobians[0] : cat(jacobians, 1));
    }

    /// <summary>The same system with other term tensors, in the order of <see cref="Terms"/>.</summary>
    internal LeastSquaresSystem WithTerms(IReadOnlyList<Tensor> terms)
    {
        int k = 0;
        var blocks = new List<ResidualBlock>();
        foreach (var b in Blocks)
        {
            blocks.Add(b.WithTerms(terms.Skip(k).Take(b.Terms.Count).ToArray()));
            k += b.Terms.Count;
        }
        if (k != terms.Count) throw new ArgumentException($"expected {k} term tensors, got {terms.Count}", nameof(terms));
        return new LeastSquaresSystem(blocks);
    }

    /// <summary>The same system with every term detached from the autograd graph.</summary>
    internal LeastSquaresSystem Detached() => WithTerms(Terms.Select(t => t.detach()).ToArray());

    /// <summary>The rows whose owning grid point satisfies <paramref name="owns"/>; null when none.</summary>
    internal LeastSquaresSystem? Restrict(Func<long, bool> owns)
    {
        var blocks = Blocks.Select(b => b.Restrict(owns)).OfType<ResidualBlock>().ToArray();
        return blocks.Length == 0 ? null : new LeastSquaresSystem(blocks);
    }

    private void CheckWeights(Tensor w)
    {
        if (w.dim() != 2 || w.shape[0] != Batch || w.shape[1] != Weights)
            throw new ArgumentException($"weights must be ({Batch}, {Weights}), got ({string.Join(", ", w.shape)})", nameof(w));
        if (w.dtype != ScalarType.Float64) throw new ArgumentException($"weights must be float64, got {w.dtype}", nameof(w));
    }
}
