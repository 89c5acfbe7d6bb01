using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The heat equation u_t = κ Δu on the unit square for t in [0, 1] with u = 0 on the boundary
/// and u(x, 0) = sin(πx) sin(πy) + ½ sin(πx) sin(2πy). Each Fourier mode decays at its own rate,
/// so the exact solution is u = e^{-2π²κt} sin(πx) sin(πy) + ½ e^{-5π²κt} sin(πx) sin(2πy).
/// </summary>
public static class Heat2D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "heat-2d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var kappa = Param("kappa", 0.1, "diffusivity");
        var mode1 = Sin(Pi * X) * Sin(Pi * Y);
        var mode2 = Sin(Pi * X) * Sin(2 * Pi * Y);

        return Problem.Named(Name)
            .Describe("heat equation u_t = κΔu on the unit square, two Fourier modes decaying at their own rates")
            .Cite("separation of variables; L. C. Evans, Partial Differential Equations, AMS 2010, §2.3")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) - kappa * Laplacian(u) == 0)
            .With(Dirichlet.On(domain.Boundary, 0))
            .With(new InitialCondition(mode1 + 0.5 * mode2))
            .Exact(Exp(-2 * Pi * Pi * kappa * T) * mode1 + 0.5 * Exp(-5 * Pi * Pi * kappa * T) * mode2);
    }
}
