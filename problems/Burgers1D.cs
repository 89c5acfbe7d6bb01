using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Viscous Burgers' equation u_t + u u_x = ν u_xx on the periodic interval [0, 2π) for t in [0, 1]
/// with u(x, 0) = sin x + C: the setting of the Lagrangian PINN paper (Mojgani, Balajewicz,
/// Hassanzadeh 2022; its released code uses ν = 0.01 and C = 50). The front steepens into a
/// viscous shock at t ≈ 1 (the inviscid breaking time of sin x) while the mean C carries it
/// around the period, which makes it hard for PINNs on Eulerian coordinates. The mean of u is
/// conserved. No closed form is attached: the Cole–Hopf transform gives it as an integral
/// (PdeNet.Solvers.Spectral.BurgersColeHopf), and the spectral solver is the reference.
/// </summary>
public static class Burgers1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "burgers-1d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Interval(0, 2 * Math.PI);
        var u = Unknown.Scalar("u");
        var nu = Param("nu", 0.01, "viscosity");
        var c = Param("C", 50, "mean of the initial state (speed at which the front travels)");

        return Problem.Named(Name)
            .Describe("viscous Burgers u_t + u u_x = nu u_xx on the periodic interval [0, 2π), u(x, 0) = sin x + C")
            .Cite("R. Mojgani, M. Balajewicz, P. Hassanzadeh, Lagrangian PINNs: a causality-conforming solution to failure modes of physics-informed neural networks, CMAME 404 (2023); code rmojgani/LPINNs")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) + u * Dx(u) - nu * Laplacian(u) == 0)
            .With(Periodic.Between("left", "right", 2 * Math.PI))
            .With(new InitialCondition(Sin(X) + c));
    }
}
