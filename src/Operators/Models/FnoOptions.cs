namespace PdeNet.Operators.Models;

/// <summary>
/// A Fourier neural operator (Li et al., ICLR 2021) on a two-dimensional grid (n_1, n_2), or a three-dimensional
/// grid (n_1, n_2, n_3) when <paramref name="Modes3"/> is set: the grid coordinates (one channel per axis, each in
/// [0, 1]) appended to the input, a pointwise lifting to <paramref name="Width"/> channels, zero padding on the
/// high side of every axis, <paramref name="Layers"/> Fourier layers v ← σ(K v + W v) (σ = GELU, none after the
/// last layer), a crop, and the pointwise projection (width → <paramref name="ProjectionWidth"/>) → GELU → (→ out).
/// </summary>
/// <param name="InChannels">Input channels (without the coordinate channels).</param>
/// <param name="OutChannels">Output channels (the N basis functions of a physics-informed operator).</param>
/// <param name="Width">Channels of the Fourier layers.</param>
/// <param name="Modes1">Fourier modes kept along axis 1 (both signs: 2·Modes1 ≤ padded n_1).</param>
/// <param name="Modes2">Fourier modes kept along axis 2: both signs (2·Modes2 ≤ padded n_2) on a 3D grid; on a 2D grid
/// axis 2 is the real FFT's axis (Modes2 ≤ padded n_2 / 2 + 1).</param>
/// <param name="Layers">Number of Fourier layers.</param>
/// <param name="ProjectionWidth">Hidden channels of the projection.</param>
/// <param name="Padding">Zeros appended on the high side of every axis before the Fourier layers (the FFT is periodic; a
/// non-periodic grid needs some).</param>
/// <param name="Modes3">Null for a 2D network; otherwise the network is 3D and keeps this many Fourier modes along
/// axis 3, the real FFT's axis (Modes3 ≤ padded n_3 / 2 + 1).</param>
public sealed record FnoOptions(int InChannels, int OutChannels, int Width = 32, int Modes1 = 8, int Modes2 = 8, int Layers = 4,
    int ProjectionWidth = 64, int Padding = 4, int? Modes3 = null)
{
    /// <summary>d, the number of grid axes: 2, or 3 when <see cref="Modes3"/> is set.</summary>
    public int Dimensions => Modes3 is null ? 2 : 3;

    /// <summary>The kept modes per axis: (Modes1, Modes2), or (Modes1, Modes2, Modes3) on a 3D grid.</summary>
    public IReadOnlyList<int> Modes => Modes3 is { } modes3 ? [Modes1, Modes2, modes3] : [Modes1, Modes2];

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public FnoOptions Validate()
    {
        if (InChannels < 1) throw new ArgumentOutOfRangeException(nameof(InChannels), InChannels, "at least one input channel is needed");
        if (OutChannels < 1) throw new ArgumentOutOfRangeException(nameof(OutChannels), OutChannels, "at least one output channel is needed");
        if (Width < 1) throw new ArgumentOutOfRangeException(nameof(Width), Width, "must be positive");
        if (Modes1 < 1) throw new ArgumentOutOfRangeException(nameof(Modes1), Modes1, "must be positive");
        if (Modes2 < 1) throw new ArgumentOutOfRangeException(nameof(Modes2), Modes2, "must be positive");
        if (Modes3 < 1) throw new ArgumentOutOfRangeException(nameof(Modes3), Modes3, "must be positive (or null for a 2D network)");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "at least one Fourier layer is needed");
        if (ProjectionWidth < 1) throw new ArgumentOutOfRangeException(nameof(ProjectionWidth), ProjectionWidth, "must be positive");
        if (Padding < 0) throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "cannot be negative");
        return this;
    }
}
