namespace PdeNet.Solvers.Spectral;

/// <summary>Time integration schemes of the spectral solver.</summary>
public enum SpectralScheme
{
    /// <summary>ETDRK4 for 1D equations, Heun–Crank–Nicolson for 2D Navier–Stokes.</summary>
    Automatic,

    /// <summary>1D: exponential time differencing RK4 (Cox–Matthews, Kassam–Trefethen); fourth order.</summary>
    Etdrk4,

    /// <summary>1D: Strang splitting of the exact linear step and the exact Riccati (logistic) reaction step; second order.</summary>
    Strang,

    /// <summary>2D: Crank–Nicolson for diffusion, Heun (explicit trapezoidal) for advection and forcing; second order.</summary>
    HeunCrankNicolson,

    /// <summary>2D: Crank–Nicolson for diffusion, forward Euler for advection: the scheme of the FNO data generator; first order.</summary>
    EulerCrankNicolson,
}
