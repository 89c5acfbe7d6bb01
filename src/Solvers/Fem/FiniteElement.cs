namespace PdeNet.Solvers.Fem;

/// <summary>The finite-element space.</summary>
public enum FiniteElement
{
    /// <summary>Continuous piecewise-linear Lagrange elements.</summary>
    P1,
}
