using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Nonlinear diffusion -div((1 + βu²) grad u) = f on the unit square with the manufactured
/// solution u = sin(πx) sin(πy) + x (Dirichlet data on the boundary from it). The diffusivity
/// grows with the solution, as in heat conduction with temperature-dependent conductivity; the
/// finite-element reference solves it by Newton's method with the Jacobian derived symbolically.
/// </summary>
public static class NonlinearDiffusion
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "nonlinear-diffusion";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var beta = Param("beta", 1, "strength of the nonlinearity (β ≥ 0 keeps the diffusivity positive)");
        var exact = Sin(Pi * X) * Sin(Pi * Y) + X;
        var f = Named("f", -Div((1 + beta * Pow(exact, 2)) * Grad(exact)));

        return Problem.Named(Name)
            .Describe("nonlinear diffusion -div((1 + βu²) grad u) = f on the unit square, manufactured solution sin(πx) sin(πy) + x")
            .Cite("method of manufactured solutions; P. J. Roache, Code Verification by the Method of Manufactured Solutions, J. Fluids Eng. 124 (2002)")
            .On(domain)
            .Solve(-Div((1 + beta * Pow(u, 2)) * Grad(u)) == f)
            .With(Dirichlet.On(domain.Boundary, exact))
            .Exact(exact);
    }
}
