namespace PdeNet.Operators.Models;

/// <summary>How MgNO's convolutions see beyond the grid, matched to the boundary condition.</summary>
public enum MgnoPadding
{
    /// <summary>Zero padding, for homogeneous Dirichlet problems (Darcy).</summary>
    Zeros,

    /// <summary>Circular padding, for periodic problems (Navier–Stokes on the torus).</summary>
    Circular,

    /// <summary>Reflect padding (MgNO's Helmholtz runs).</summary>
    Reflect,
}
