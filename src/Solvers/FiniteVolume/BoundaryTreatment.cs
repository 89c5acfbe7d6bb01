namespace PdeNet.Solvers.FiniteVolume;

/// <summary>How the finite-volume solver imposes boundary conditions at the two ends.</summary>
public enum BoundaryTreatment
{
    /// <summary>
    /// The boundary value sits on the boundary face; the face gradient is the one-sided difference
    /// over half a cell. Second order.
    /// </summary>
    Faces,

    /// <summary>
    /// PDEBench's generator: a ghost cell one spacing beyond the last cell holds the Dirichlet value,
    /// or for a Robin condition ∂u/∂n + αu = g the value (g - ∂u/∂n)/α with ∂u/∂n the difference of
    /// the two cells next to the boundary (Neumann: the last cell's value plus g·dx). First order at
    /// the boundary; use it to reproduce PDEBench's data.
    /// </summary>
    PdeBenchGhostCells,
}
