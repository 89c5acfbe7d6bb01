using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The Helmholtz equation Δu + k²u = q on (−1, 1)² with the manufactured solution u = sin(a₁πx) sin(a₂πy)
/// and u = 0 on the boundary (q derived symbolically from u). With a₂ = 4 the residual is about (17π²)² times
/// larger than the boundary misfit: the stiff, badly balanced case on which Wang, Teng and Perdikaris show the
/// gradient pathology of PINNs and cure it with learning-rate annealing.
/// </summary>
public static class StiffHelmholtz2D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "helmholtz-stiff-2d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Rectangle(-1, -1, 1, 1);
        var u = Unknown.Scalar("u");
        var a1 = Param("a1", 1, "frequency of the solution in x (an integer keeps u = 0 on the boundary)");
        var a2 = Param("a2", 4, "frequency of the solution in y (an integer keeps u = 0 on the boundary)");
        var k = Param("k", 1, "wave number");

        var exact = Sin(a1 * Pi * X) * Sin(a2 * Pi * Y);
        var q = Named("q", Laplacian(exact) + k * k * exact);

        return Problem.Named(Name)
            .Describe("the Helmholtz equation Δu + k²u = q on (−1, 1)² with the solution sin(a₁πx) sin(a₂πy)")
            .Cite("S. Wang, Y. Teng, P. Perdikaris, Understanding and mitigating gradient flow pathologies in physics-informed neural networks, SIAM J. Sci. Comput. 43 (2021)")
            .On(domain)
            .Solve(Laplacian(u) + k * k * u == q)
            .With(Dirichlet.On(domain.Boundary, 0))
            .Exact(exact);
    }
}
