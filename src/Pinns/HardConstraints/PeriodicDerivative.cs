namespace PdeNet.Pinns.HardConstraints;

/// <summary>How grid constraint rows differentiate along a periodic axis.</summary>
public enum PeriodicDerivative
{
    /// <summary>Fourier (FFT) differentiation: exact for trigonometric polynomials the grid resolves.</summary>
    Spectral,

    /// <summary>Second-order central differences that wrap around the period.</summary>
    CentralDifference,
}
