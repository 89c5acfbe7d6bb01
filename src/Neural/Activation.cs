namespace PdeNet.Neural;

/// <summary>Activation functions of the hidden layers.</summary>
public enum Activation
{
    /// <summary>tanh, the usual PINN choice (smooth, all derivatives exist).</summary>
    Tanh,

    /// <summary>sin, for oscillatory solutions (SIREN-style).</summary>
    Sin,

    /// <summary>GELU, smooth and non-saturating.</summary>
    Gelu,

    /// <summary>ReLU, for operator networks (second derivatives vanish: not for PINN residuals).</summary>
    Relu,
}
