namespace PdeNet.Operators.Training;

/// <summary>The training loss.</summary>
public enum OperatorLossKind
{
    /// <summary>Relative L2 per sample, averaged (LSM, FNO).</summary>
    RelativeL2,

    /// <summary>Relative H1 in Fourier space (MgNO's default).</summary>
    RelativeH1,

    /// <summary>Mean squared error (DeepONet).</summary>
    Mse,
}
