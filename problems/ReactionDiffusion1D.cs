using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Reaction–diffusion with logistic (Fisher) growth, u_t - ν u_xx - ρ u(1 - u) = 0, on the periodic
/// interval [0, 2π) for t in [0, 1], from the Gaussian bump u(x, 0) = exp(-(x - π)²/(2 (π/4)²)):
/// the setting in which Krishnapriyan et al. (NeurIPS 2021) show plain PINNs failing for ρ = 5
/// and ν from 2 to 6 (relative errors 0.5 to 0.96). Their reference is pseudo-spectral operator
/// splitting with the exact logistic step; PdeNet's spectral solver offers that (Strang) and ETDRK4.
/// </summary>
public static class ReactionDiffusion1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "reaction-diffusion-1d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = new Interval(0, 2 * Math.PI);
        var u = Unknown.Scalar("u");
        var nu = Param("nu", 3, "diffusion coefficient");
        var rho = Param("rho", 5, "reaction rate of the logistic growth");
        var sigma = Math.PI / 4;

        return Problem.Named(Name)
            .Describe("reaction-diffusion u_t - nu u_xx - rho u(1 - u) = 0 on the periodic interval [0, 2π), Gaussian initial bump")
            .Cite("A. S. Krishnapriyan, A. Gholami, S. Zhe, R. M. Kirby, M. W. Mahoney, Characterizing possible failure modes in physics-informed neural networks, NeurIPS 2021")
            .On(domain)
            .During(0, 1)
            .Solve(Dt(u) - nu * Laplacian(u) - rho * u * (1 - u) == 0)
            .With(Periodic.Between("left", "right", 2 * Math.PI))
            .With(new InitialCondition(Exp(-Pow(X - Math.PI, 2) / (2 * sigma * sigma))));
    }
}
