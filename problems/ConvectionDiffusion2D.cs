using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Steady convection–diffusion -εΔu + u_x + u_y = f on the unit square (wind b = (1, 1)) with
/// u = 0 on the boundary and the manufactured solution u = w(x) w(y),
/// w(s) = s - (e^{(s-1)/ε} - e^{-1/ε}) / (1 - e^{-1/ε}), which has exponential boundary layers of
/// width ε at the outflow sides x = 1 and y = 1. Galerkin without stabilisation is accurate while
/// the cell Péclet number h/(2ε) stays below one.
/// </summary>
public static class ConvectionDiffusion2D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "convection-diffusion-2d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var epsilon = Param("epsilon", 0.05, "diffusion coefficient (boundary-layer width)");
        Expr Layer(Expr s) => s - (Exp((s - 1) / epsilon) - Exp(-1 / epsilon)) / (1 - Exp(-1 / epsilon));
        var exact = Layer(X) * Layer(Y);
        var f = Named("f", -epsilon * Laplacian(exact) + Dx(exact) + Dy(exact));

        return Problem.Named(Name)
            .Describe("convection-diffusion -εΔu + u_x + u_y = f on the unit square with outflow boundary layers of width ε")
            .Cite("H. C. Elman, D. J. Silvester, A. J. Wathen, Finite Elements and Fast Iterative Solvers, Oxford 2014, ch. 6")
            .On(domain)
            .Solve(-epsilon * Laplacian(u) + Dx(u) + Dy(u) == f)
            .With(Dirichlet.On(domain.Boundary, 0))
            .Exact(exact);
    }
}
