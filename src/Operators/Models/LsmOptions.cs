namespace PdeNet.Operators.Models;

/// <summary>
/// A Latent Spectral Model (2D): grid coordinates appended to the input, a linear lift to
/// <paramref name="Width"/>, zero padding on the high side, a five-scale U-Net whose skip tensors
/// each pass a neural spectral block, a crop, and the head Linear(width, 128) → GELU → Linear.
/// </summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="Width">Channels at the finest scale (64 for Darcy); a multiple of the 8 heads.</param>
/// <param name="NumBasis">Number of sin/cos frequencies in the latent spectral transition (12).</param>
/// <param name="NumTokens">Latent tokens per head (4).</param>
/// <param name="Patch">Patch size in both axes (6 for Darcy).</param>
/// <param name="Padding">Zero padding added on the high side of each axis; null pads each axis to the
/// next multiple of 16·patch (11 for the 85×85 Darcy grid, as the official configuration).</param>
public sealed record LsmOptions(int InChannels, int OutChannels, int Width, int NumBasis = 12, int NumTokens = 4, int Patch = 6, int? Padding = null);
