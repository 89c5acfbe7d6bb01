using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Poisson's equation -Δu = 0 on the L-shaped domain (-1, 1)² \ [0, 1) × (-1, 0] with Dirichlet
/// data from the exact solution u = r^(2/3) sin(2θ/3). The solution is smooth inside but its
/// gradient is singular at the re-entrant corner (the origin), the classic test of how a method
/// copes with corner singularities: P1 finite elements on uniform meshes converge only like
/// h^(4/3) in L2 here.
/// </summary>
public static class PoissonLShape
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "poisson-lshape";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        // The L: the square (-1, 1)² without its lower-right quadrant; re-entrant corner at the origin.
        var domain = Polygon.Of((0, 0), (1, 0), (1, 1), (-1, 1), (-1, -1), (0, -1));
        var u = Unknown.Scalar("u");

        // Polar coordinates with the angle θ in (0, 2π], cut along the positive x axis (a boundary edge).
        var r = Named("r", Sqrt(X * X + Y * Y));
        var theta = Named("theta", Atan2(-Y, -X) + Math.PI);
        var exact = Pow(r, 2.0 / 3) * Sin(2 * theta / 3);

        return Problem.Named(Name)
            .Describe("Poisson's equation on the L-shape with the singular corner solution r^(2/3) sin(2θ/3)")
            .Cite("P. Grisvard, Elliptic Problems in Nonsmooth Domains, Pitman 1985; the standard adaptive-FEM benchmark")
            .On(domain)
            .Solve(-Laplacian(u) == 0)
            .With(Dirichlet.On(domain.Boundary, exact))
            .Exact(exact);
    }
}
