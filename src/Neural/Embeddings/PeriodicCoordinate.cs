namespace PdeNet.Neural.Embeddings;

/// <summary>
/// Makes the network exactly periodic in one input: coordinate x_axis is replaced by
/// cos(2πk x/P) and sin(2πk x/P) for k = 1..Harmonics, so u(x + P) = u(x) for every parameter value.
/// </summary>
/// <param name="Axis">The input column (0 for x; time is the last column).</param>
/// <param name="Period">The period P, in the coordinate's units.</param>
/// <param name="Harmonics">Number of harmonics K.</param>
public sealed record PeriodicCoordinate(int Axis, double Period, int Harmonics = 1) : InputEmbedding;
