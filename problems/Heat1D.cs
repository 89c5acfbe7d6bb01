using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The heat equation u_t = k u_xx on (0, 1) for t in [0, 1], with u = 0 at both ends and u(x, 0) = sin(πx):
/// the first Fourier mode decays as u = exp(−kπ²t) sin(πx). With observations of u, the diffusivity k is the
/// classic inverse problem of physics-informed networks (Raissi, Perdikaris, Karniadakis 2019).
/// </summary>
public static class Heat1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "heat-1d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Interval(0, 1);
        var u = Unknown.Scalar("u");
        var k = Param("k", 0.1, "diffusivity");

        return Problem.Named(Name)
            .Describe("the heat equation u_t = k u_xx on (0, 1), u = 0 at the ends, u(x, 0) = sin(πx)")
            .Cite("M. Raissi, P. Perdikaris, G. E. Karniadakis, Physics-informed neural networks, J. Comput. Phys. 378 (2019)")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) == k * Laplacian(u))
            .With(Dirichlet.On(domain.Boundary, 0))
            .With(new InitialCondition(Sin(Pi * X)))
            .Exact(Exp(-k * Pi * Pi * T) * Sin(Pi * X));
    }
}
