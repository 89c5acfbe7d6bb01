namespace PdeNet.Operators.Models;

/// <summary>
/// A convolutional branch for inputs sampled on a 2D grid: valid (unpadded) convolutions with ReLU,
/// then a flatten and dense layers, the last one linear. The Darcy DeepONet of lu-group/deeponet-fno
/// is Conv(64, 5×5, stride 2) → Conv(128, 5×5, stride 2) → Dense 128 → Dense 128 on a 29×29 grid.
/// </summary>
/// <param name="Height">Grid points along the first axis.</param>
/// <param name="Width">Grid points along the second axis.</param>
/// <param name="InChannels">Input channels.</param>
/// <param name="Channels">Output channels of each convolution.</param>
/// <param name="Kernel">Kernel size of each convolution.</param>
/// <param name="Stride">Stride of each convolution.</param>
/// <param name="Dense">Widths of the dense layers; the last is p.</param>
public sealed record CnnBranchOptions(int Height, int Width, int InChannels, int[] Channels, int Kernel, int Stride, int[] Dense);
