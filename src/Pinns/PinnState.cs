using PdeNet.Neural.Training.Weighting;

namespace PdeNet.Pinns;

/// <summary>What a PINN checkpoint keeps beside the network and the optimiser.</summary>
/// <param name="Weighting">The loss-weighting scheme's state.</param>
/// <param name="Fitted">The current values of the parameters being fitted, by name.</param>
/// <param name="RefinedPoints">The interior points added by residual-based refinement, row after row.</param>
internal sealed record PinnState(LossWeightState Weighting, Dictionary<string, double> Fitted, double[] RefinedPoints);
