namespace PdeNet.Operators.Models;

/// <summary>How the branch network produces its p coefficients.</summary>
public enum DeepOnetVariant
{
    /// <summary>One branch network with p outputs (the last layer linear).</summary>
    Unstacked,

    /// <summary>p independent branch networks with one output each.</summary>
    Stacked,
}
