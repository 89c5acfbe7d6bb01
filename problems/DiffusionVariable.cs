using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Diffusion with a variable coefficient, -div(k(x) grad u) = f on the unit square with
/// k = 1 + a sin(2πx) sin(2πy) (positive for |a| &lt; 1) and u = 0 on the boundary; the source is
/// derived from the manufactured solution u = sin(πx) sin(πy) x(1 + y), so the coefficient's
/// gradient enters the equation exactly as in the divergence form.
/// </summary>
public static class DiffusionVariable
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "diffusion-variable";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var a = Param("a", 0.5, "amplitude of the coefficient's variation (|a| < 1 keeps k positive)");
        var k = Named("k", 1 + a * Sin(2 * Pi * X) * Sin(2 * Pi * Y));
        var exact = Sin(Pi * X) * Sin(Pi * Y) * X * (1 + Y);
        var f = Named("f", -Div(k * Grad(exact)));

        return Problem.Named(Name)
            .Describe("variable-coefficient diffusion -div(k grad u) = f, k = 1 + a sin(2πx) sin(2πy), manufactured solution")
            .Cite("method of manufactured solutions; P. J. Roache, Code Verification by the Method of Manufactured Solutions, J. Fluids Eng. 124 (2002)")
            .On(domain)
            .Solve(-Div(k * Grad(u)) == f)
            .With(Dirichlet.On(domain.Boundary, 0))
            .Exact(exact);
    }
}
