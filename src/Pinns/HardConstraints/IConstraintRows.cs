using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// A problem's constraint rows as a function of the basis: the PDE residual at the collocation points
/// and the initial and boundary rows, each a <see cref="ResidualBlock"/> whose terms are linear images
/// (finite differences, spectral derivatives) of the basis functions.
/// </summary>
public interface IConstraintRows
{
    /// <summary>P, the number of grid points the basis is sampled at.</summary>
    long Points { get; }

    /// <summary>S, the number of spatial grid points (the length of one initial state).</summary>
    long SpatialPoints { get; }

    /// <summary>The rows for a batch of bases; the terms stay differentiable in <paramref name="basis"/>.</summary>
    /// <param name="basis">(batch, P, N) float64.</param>
    /// <param name="initial">
    /// The initial state of the observed field (<see cref="Observe"/>; u itself unless the rows say otherwise) at
    /// t₀ on the S spatial grid points, (batch or 1, S) float64, one row per sample for operator learning (each
    /// sample its own initial condition); null for the problem's own initial condition of u. It enters the rows as data: nothing is differentiated with respect to it.
    /// </param>
    LeastSquaresSystem Build(Tensor basis, Tensor? initial);

    /// <summary>
    /// The rows of u = offset + Σ_k w_k b_k: the fixed part <paramref name="offset"/> (batch, P) float64 enters as data
    /// (its images added to those of the weighted basis), so the weights solve for the rest; null for u = Σ_k w_k b_k.
    /// </summary>
    /// <exception cref="NotSupportedException">The rows take no fixed part.</exception>
    LeastSquaresSystem Build(Tensor basis, Tensor? initial, Tensor? offset) =>
        offset is null ? Build(basis, initial) : throw new NotSupportedException($"{GetType().Name} takes no fixed part of the solution");

    /// <summary>
    /// The observed field (what data sets hold and what a per-sample initial state of <see cref="Build(Tensor, Tensor?)"/> gives at
    /// t₀) of the unknown u on the grid: u itself unless the rows say otherwise, for instance the vorticity -Δψ
    /// of a streamfunction ψ.
    /// </summary>
    /// <param name="solution">u at the P grid points, (batch, P) float64.</param>
    /// <returns>(batch, P), differentiable in <paramref name="solution"/>.</returns>
    Tensor Observe(Tensor solution) => solution;

    /// <summary>
    /// The unknown's initial state whose observed field is <paramref name="initial"/>: the state itself when the
    /// observed field is u, otherwise the least-squares solution of the observed map at t₀ (for the vorticity −Δψ, the
    /// zero-mean streamfunction ψ₀). It lets a model carry the initial state exactly, u = u₀ + m(t) Σ_k w_k b_k.
    /// </summary>
    /// <param name="initial">The observed field at t₀ on the S spatial points, (batch, S) float64.</param>
    /// <returns>(batch, S).</returns>
    Tensor Lift(Tensor initial) => initial;
}
