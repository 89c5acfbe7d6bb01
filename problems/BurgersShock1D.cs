using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The classic viscous Burgers shock: u_t + u u_x = ν u_xx on [-1, 1] with ν = 0.01/π,
/// u(x, 0) = -sin πx, for t in [0, 1] (Basdevant et al. 1986; the standard PINN benchmark of
/// Raissi, Perdikaris and Karniadakis 2019). A shock forms at x = 0; its steepest slope,
/// |u_x(0, t)| = 152.00516 at t = 1.6037/π, is the published reference value. The solution is odd
/// in x, so the usual Dirichlet conditions u(±1, t) = 0 and the periodic condition stated here
/// give the same solution; the periodic form is what the spectral solver needs.
/// </summary>
public static class BurgersShock1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "burgers-shock-1d";

    /// <summary>The time of the steepest slope, 1.6037/π (Basdevant et al. 1986).</summary>
    public const double SteepestTime = 1.6037 / Math.PI;

    /// <summary>The steepest slope |u_x(0, t)| at <see cref="SteepestTime"/>, 152.00516 (Basdevant et al. 1986).</summary>
    public const double SteepestSlope = 152.00516;

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Interval(-1, 1);
        var u = Unknown.Scalar("u");
        var nu = Param("nu", 0.01 / Math.PI, "viscosity");

        return Problem.Named(Name)
            .Describe("viscous Burgers u_t + u u_x = nu u_xx on [-1, 1], u(x, 0) = -sin(πx), nu = 0.01/π: a shock forms at x = 0")
            .Cite("C. Basdevant et al., Spectral and finite difference solutions of the Burgers equation, Computers & Fluids 14 (1986); M. Raissi, P. Perdikaris, G. E. Karniadakis, Physics-informed neural networks, JCP 378 (2019)")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) + u * Dx(u) - nu * Laplacian(u) == 0)
            .With(Periodic.Between("left", "right", 2))
            .With(new InitialCondition(-Sin(Math.PI * X)));
    }
}
