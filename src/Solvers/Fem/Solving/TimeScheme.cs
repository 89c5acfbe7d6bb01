namespace PdeNet.Solvers.Fem;

/// <summary>
/// How the finite-element solver steps an evolution problem M dU/dt + r(U, t) = 0 in time.
/// </summary>
public enum TimeScheme
{
    /// <summary>Backward Euler, the θ-scheme with θ = 1: first order, L-stable.</summary>
    BackwardEuler,

    /// <summary>Crank–Nicolson, the θ-scheme with θ = 1/2: second order, A-stable (no damping of stiff modes).</summary>
    CrankNicolson,

    /// <summary>
    /// The θ-scheme M(U^{n+1} - U^n)/Δt + θ r(U^{n+1}) + (1 - θ) r(U^n) = 0 with θ from
    /// <see cref="FemOptions.Theta"/>: unconditionally stable for θ ≥ 1/2, and only for
    /// Δt ≤ 2 / ((1 - 2θ) λ_max(M⁻¹K)) below.
    /// </summary>
    Theta,

    /// <summary>The second-order backward differentiation formula (one backward Euler step starts it): second order, L-stable.</summary>
    Bdf2,
}
