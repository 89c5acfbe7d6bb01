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

    /// <summary>The rows for a batch of bases; the terms stay differentiable in <paramref name="basis"/>.</summary>
    /// <param name="basis">(batch, P, N) float64.</param>
    LeastSquaresSystem Build(Tensor basis);
}
