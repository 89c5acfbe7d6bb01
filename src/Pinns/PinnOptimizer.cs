namespace PdeNet.Pinns;

/// <summary>How a PINN is trained.</summary>
public enum PinnOptimizer
{
    /// <summary>Adam for <see cref="PinnOptions.Steps"/> steps.</summary>
    Adam,

    /// <summary>L-BFGS with a strong-Wolfe line search for <see cref="PinnOptions.LbfgsIterations"/> iterations.</summary>
    Lbfgs,

    /// <summary>Adam first, then L-BFGS from where Adam stopped.</summary>
    AdamThenLbfgs,
}
