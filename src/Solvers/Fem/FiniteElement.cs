namespace PdeNet.Solvers.Fem;

/// <summary>The finite-element space.</summary>
public enum FiniteElement
{
    /// <summary>Continuous piecewise-linear Lagrange elements: one unknown per mesh node.</summary>
    P1,

    /// <summary>Continuous piecewise-quadratic Lagrange elements: one unknown per mesh node and one per edge midpoint.</summary>
    P2,
}
