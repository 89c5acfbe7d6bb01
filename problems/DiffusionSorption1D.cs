using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Diffusion–sorption of a contaminant in a porous medium, the PDEBench benchmark (Takamoto et al.,
/// NeurIPS 2022) used by the physics-informed hard-constraint paper (Chalapathi et al., ICLR 2024):
/// <code>u_t = D/R(u) u_xx,   R(u) = 1 + (1 - φ)/φ ρ_s k_f n_f (u + ε)^(n_f - 1)   (Freundlich sorption),</code>
/// on x in [0, 1] for t in [0, 500], with the parameters of PDEBench's generator (D = 5e-4,
/// φ = 0.29, ρ_s = 2880, k_f = 3.5e-4, n_f = 0.874) and its regularisation ε = 1e-6 of the
/// isotherm at u = 0. At x = 0 the concentration is the solubility, u = 1. At x = 1 the outflow
/// condition u = -D u_x, the Robin condition ∂u/∂n + u/D = 0: this is what the generator imposes
/// (its ghost cell holds D (u_(N-2) - u_(N-1))/dx); the paper writes u(t, 1) = D ∂_x u(t, 1), whose
/// sign would make the outflow an inflow. The initial state is uniform; PDEBench draws its value
/// per sample from U(0, 0.2). The mass Σ (u + (1 - φ)/φ ρ_s k_f (u + ε)^n_f) dx changes only by the
/// boundary fluxes D u_x.
/// </summary>
public static class DiffusionSorption1D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "diffusion-sorption-1d";

    /// <summary>Builds the problem with the uniform initial state "u0" (0.1).</summary>
    public static Problem Create() => Create(null);

    /// <summary>Builds the problem.</summary>
    /// <param name="initial">The initial state u₀(x); null for the uniform parameter "u0" (0.1).</param>
    /// <param name="extendedIsotherm">Use (|u| + ε)^(n_f - 1) in R: the same for u ≥ 0 (every solution), and defined for
    /// u &lt; 0, where a trial function of a physics-informed model (a sum of basis functions) may dip; off, R is NaN there.</param>
    public static Problem Create(Expr? initial, bool extendedIsotherm = false)
    {
        var domain = new Interval(0, 1);
        var u = Unknown.Scalar("u");
        var d = Param("D", 5e-4, "effective diffusion coefficient", "m^2/s");
        var phi = Param("phi", 0.29, "porosity");
        var rhoS = Param("rho_s", 2880, "bulk density of the solid", "kg/m^3");
        var kF = Param("k_f", 3.5e-4, "Freundlich sorption coefficient");
        var nF = Param("n_f", 0.874, "Freundlich exponent");
        var eps = Param("eps", 1e-6, "regularisation of the isotherm at u = 0 (as in PDEBench's generator)");
        var solubility = Param("solubility", 1, "concentration at the inflow boundary x = 0");
        var u0 = Param("u0", 0.1, "uniform initial concentration (PDEBench draws it from U(0, 0.2))");

        var retardation = Named("R", 1 + (1 - phi) / phi * rhoS * kF * nF * Pow((extendedIsotherm ? Abs(u) : u) + eps, nF - 1));

        return Problem.Named(Name)
            .Describe("diffusion-sorption u_t = D/R(u) u_xx with a Freundlich retardation factor, u(0, t) = 1, outflow u = -D u_x at x = 1 (PDEBench)")
            .Cite("M. Takamoto et al., PDEBench: an extensive benchmark for scientific machine learning, NeurIPS 2022 (generator pdebench/data_gen/src/sim_diff_sorp.py); N. Chalapathi, Y. Du, A. S. Krishnapriyan, Scaling physics-informed hard constraints with mixture-of-experts, ICLR 2024")
            .On(domain)
            .During(0, 500)
            .Solve(Dt(u) - d / retardation * Laplacian(u) == 0)
            .With(Dirichlet.On("left", solubility))
            .With(Robin.On("right", 1 / d, 0))
            .With(new InitialCondition(initial ?? u0));
    }
}
