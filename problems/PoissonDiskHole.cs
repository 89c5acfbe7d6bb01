using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Poisson's equation -Δu = f on the unit disk with an off-centre circular hole of radius 0.3
/// centred at (0.3, 0), with the manufactured solution u = exp(x) sin(2y): Dirichlet data on the
/// outer circle and the Neumann datum ∂u/∂n on the hole, both from the exact solution. A curved,
/// multiply connected domain meshed by the quality triangle mesher (straight-sided cells: the
/// polygonal boundary limits P2 to about h² in L2).
/// </summary>
public static class PoissonDiskHole
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "poisson-disk-hole";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Disk((0, 0), 1) - new Disk((0.3, 0), 0.3);
        var u = Unknown.Scalar("u");
        var exact = Exp(X) * Sin(2 * Y);
        var f = Named("f", -Laplacian(exact));

        // Both circles are called "circle"; the outer one is told apart by its distance from the origin.
        var outer = BoundarySelector.Where("outer circle (r > 0.8)", p => p[0] * p[0] + p[1] * p[1] > 0.64);
        var hole = BoundarySelector.Where("hole (r <= 0.8)", p => p[0] * p[0] + p[1] * p[1] <= 0.64);

        return Problem.Named(Name)
            .Describe("Poisson's equation on a disk with an off-centre hole: Dirichlet outside, Neumann on the hole, manufactured solution exp(x) sin(2y)")
            .Cite("method of manufactured solutions; P. J. Roache, Code Verification by the Method of Manufactured Solutions, J. Fluids Eng. 124 (2002)")
            .On(domain)
            .Solve(-Laplacian(u) == f)
            .With(Dirichlet.On(outer, exact))
            .With(Neumann.On(hole, NormalDerivative(exact, 2)))
            .Exact(exact);
    }
}
