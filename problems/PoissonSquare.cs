using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Poisson's equation -Δu = f on the unit square with u = 0 on the boundary and the manufactured
/// solution u = sin(kπx) sin(kπy); the source f = -Δu is derived symbolically from it, so it is
/// exactly consistent. The smooth reference problem for convergence rates.
/// </summary>
public static class PoissonSquare
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "poisson-square";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var k = Param("k", 1, "wave number of the manufactured solution (an integer keeps u = 0 on the boundary)");

        var exact = Sin(k * Pi * X) * Sin(k * Pi * Y);
        var f = Named("f", -Laplacian(exact));

        return Problem.Named(Name)
            .Describe("Poisson's equation on the unit square with the manufactured solution sin(kπx) sin(kπy)")
            .Cite("method of manufactured solutions; P. J. Roache, Code Verification by the Method of Manufactured Solutions, J. Fluids Eng. 124 (2002)")
            .On(domain)
            .Solve(-Laplacian(u) == f)
            .With(Dirichlet.On(domain.Boundary, 0))
            .Exact(exact);
    }
}
