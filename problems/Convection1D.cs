using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Linear convection u_t + β u_x = 0 on the periodic interval [0, 2π) for t in [0, 1], with
/// u(x, 0) = sin x and the exact solution u = sin(x - βt). The benchmark on which plain PINNs fail
/// once β reaches about 20 (Krishnapriyan et al., NeurIPS 2021), and which Lagrangian PINNs cure.
/// </summary>
public static class Convection1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "convection-1d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Interval(0, 2 * Math.PI);
        var u = Unknown.Scalar("u");
        var beta = Param("beta", 30, "convection speed");

        return Problem.Named(Name)
            .Describe("linear convection u_t + beta u_x = 0 on the periodic interval [0, 2π), u(x, 0) = sin x")
            .Cite("A. S. Krishnapriyan, A. Gholami, S. Zhe, R. M. Kirby, M. W. Mahoney, Characterizing possible failure modes in physics-informed neural networks, NeurIPS 2021")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) + beta * Dx(u) == 0)
            .With(Periodic.Between("left", "right", 2 * Math.PI))
            .With(new InitialCondition(Sin(X)))
            .Exact(Sin(X - beta * T));
    }
}
