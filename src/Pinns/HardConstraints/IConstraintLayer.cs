using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The last layer of a physics-informed operator: it turns N basis functions sampled on the grid into
/// the solution. The soft constraint (pi-sc), the hard constraint (pi-hc) and the hard constraint with
/// experts (pi-hc-moe) implement it; a model differs between the three only in this layer.
/// </summary>
public interface IConstraintLayer
{
    /// <summary>u from the basis functions.</summary>
    /// <param name="basis">b_k at the P grid points, (batch, P, N) float64.</param>
    /// <param name="initial">
    /// Each sample's initial state on the S spatial grid points, (batch or 1, S) float64; null for the
    /// problem's own initial condition (see <see cref="IConstraintRows.Build(Tensor, Tensor?)"/>).
    /// </param>
    /// <param name="offset">A fixed part of u, (batch, P) float64: u = offset + Σ_k w_k b_k (an initial state carried exactly); null for none.</param>
    ConstrainedSolution Forward(Tensor basis, Tensor? initial, Tensor? offset = null);

    /// <summary>The layer's own trainable parameters (none for the hard constraints).</summary>
    IReadOnlyList<Parameter> Parameters { get; }
}
