using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>What a constraint layer returns.</summary>
/// <param name="Solution">u at the grid points, (batch, P) float64, differentiable in the basis.</param>
/// <param name="Observed">The observed field of the rows (<see cref="IConstraintRows.Observe"/>) at the grid points, (batch, P); with experts each
/// point's value comes from its owner's reweighting, as its rows do (the assembled u jumps at the interfaces, so its derivatives there
/// would not be any expert's).</param>
/// <param name="Weights">The weights: (batch, N) for one set, (batch, K, N) for K experts.</param>
/// <param name="Penalty">The residual penalty to add to the loss (soft constraint), null for hard constraints.</param>
/// <param name="Solves">The Levenberg–Marquardt outcome per expert (one entry without experts); empty for the soft constraint.</param>
/// <param name="Rows">The constraint rows at the solution, (batch, M) without the ridge rows, each row with the weights of the expert that
/// owns it; computed when called, differentiable in the basis (through the implicit weights for hard constraints): the residual loss of
/// training on the rows alone.</param>
public sealed record ConstrainedSolution(Tensor Solution, Tensor Observed, Tensor Weights, Tensor? Penalty, IReadOnlyList<LevenbergMarquardtResult> Solves, Func<Tensor> Rows);
