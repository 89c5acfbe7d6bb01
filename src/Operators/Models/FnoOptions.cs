namespace PdeNet.Operators.Models;

/// <summary>
/// A two-dimensional Fourier neural operator (Li et al., ICLR 2021) on a grid (n_1, n_2): the grid
/// coordinates (two channels, each in [0, 1]) appended to the input, a 1×1 lifting to
/// <paramref name="Width"/> channels, zero padding on the high side of both axes,
/// <paramref name="Layers"/> Fourier layers v ← σ(K v + W v) (σ = GELU, none after the last layer), a
/// crop, and the projection 1×1 (width → <paramref name="ProjectionWidth"/>) → GELU → 1×1 (→ out).
/// </summary>
/// <param name="InChannels">Input channels (without the two coordinate channels).</param>
/// <param name="OutChannels">Output channels (the N basis functions of a physics-informed operator).</param>
/// <param name="Width">Channels of the Fourier layers.</param>
/// <param name="Modes1">Fourier modes kept along axis 1 (both signs: 2·Modes1 ≤ padded n_1).</param>
/// <param name="Modes2">Fourier modes kept along axis 2 (real FFT: Modes2 ≤ padded n_2 / 2 + 1).</param>
/// <param name="Layers">Number of Fourier layers.</param>
/// <param name="ProjectionWidth">Hidden channels of the projection.</param>
/// <param name="Padding">Zeros appended on the high side of both axes before the Fourier layers (the FFT is periodic; a
/// non-periodic grid needs some).</param>
public sealed record FnoOptions(int InChannels, int OutChannels, int Width = 32, int Modes1 = 8, int Modes2 = 8, int Layers = 4,
    int ProjectionWidth = 64, int Padding = 4)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public FnoOptions Validate()
    {
        if (InChannels < 1) throw new ArgumentOutOfRangeException(nameof(InChannels), InChannels, "at least one input channel is needed");
        if (OutChannels < 1) throw new ArgumentOutOfRangeException(nameof(OutChannels), OutChannels, "at least one output channel is needed");
        if (Width < 1) throw new ArgumentOutOfRangeException(nameof(Width), Width, "must be positive");
        if (Modes1 < 1) throw new ArgumentOutOfRangeException(nameof(Modes1), Modes1, "must be positive");
        if (Modes2 < 1) throw new ArgumentOutOfRangeException(nameof(Modes2), Modes2, "must be positive");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "at least one Fourier layer is needed");
        if (ProjectionWidth < 1) throw new ArgumentOutOfRangeException(nameof(ProjectionWidth), ProjectionWidth, "must be positive");
        if (Padding < 0) throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "cannot be negative");
        return this;
    }
}
