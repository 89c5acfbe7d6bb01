namespace PdeNet.Operators.Models;

/// <summary>
/// An MgNO: <paramref name="Layers"/> layers u ← GELU(MgConv(u) + Conv1×1(u)) and a 1×1 convolution
/// head without bias. Each MgConv is a V-cycle-shaped linear operator with
/// <c>PreSmoothing.Length</c> levels.
/// </summary>
/// <param name="InChannels">Input channels (the coefficient field: 1 for Darcy).</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Channels">Channels of u in every layer (24 for Darcy).</param>
/// <param name="Layers">Number of MgNO layers.</param>
/// <param name="PreSmoothing">Smoothing steps u ← u + S(f − A u) per level, finest first (the first step of level 0 is u = S f).</param>
/// <param name="PostSmoothing">Smoothing steps after the up-add per level except the coarsest (null: none, as in the paper configurations).</param>
/// <param name="Padding">Boundary handling of the 3×3 convolutions: zeros (Dirichlet), circular (periodic) or reflect.</param>
public sealed record MgnoOptions(int InChannels, int OutChannels, int Channels, int Layers, int[] PreSmoothing,
    int[]? PostSmoothing = null, MgnoPadding Padding = MgnoPadding.Zeros);
