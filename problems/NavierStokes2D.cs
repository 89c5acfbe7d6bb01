using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The incompressible Navier–Stokes equations in vorticity form on the torus [0, 1)²,
/// <code>w_t + u·∇w = ν Δw + f,   f = 0.1 (sin 2π(x + y) + cos 2π(x + y)),</code>
/// the benchmark of the Fourier neural operator and Latent Spectral Models papers (ν from 1e-3 to
/// 1e-5). The unknown is the streamfunction ψ: w = -Δψ and u = (ψ_y, -ψ_x), so the equation is one
/// scalar PDE (fourth order in ψ) that a PINN can use as written and from which the spectral
/// solver reads ν and f. The benchmark draws the initial vorticity from a Gaussian random field;
/// this definition starts from three Fourier modes of different wavenumbers (vorticity of order 1)
/// so that the problem is deterministic; data generators replace the initial state.
/// </summary>
public static class NavierStokes2D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "navier-stokes-2d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var psi = Unknown.Scalar("psi");
        var nu = Param("nu", 1e-3, "kinematic viscosity (1/Re)");
        var amplitude = Param("amplitude", 0.1, "amplitude of the forcing");

        var w = Named("w", -Laplacian(psi));
        var velocity = Named("u", Vector(Dy(psi), -Dx(psi)));
        var forcing = Named("f", amplitude * (Sin(2 * Math.PI * (X + Y)) + Cos(2 * Math.PI * (X + Y))));

        // w0 = sin 2πx sin 2πy + 0.5 cos 2π(2x + y) + 0.3 sin 2π(x - 3y).
        double k1 = 8 * Math.PI * Math.PI, k2 = 20 * Math.PI * Math.PI, k3 = 40 * Math.PI * Math.PI;
        var psi0 = Sin(2 * Math.PI * X) * Sin(2 * Math.PI * Y) / k1 + 0.5 * Cos(2 * Math.PI * (2 * X + Y)) / k2 + 0.3 * Sin(2 * Math.PI * (X - 3 * Y)) / k3;

        return Problem.Named(Name)
            .Describe("2D Navier-Stokes in vorticity form on the unit torus, w = -laplacian(psi), Kolmogorov-type forcing 0.1(sin 2π(x+y) + cos 2π(x+y))")
            .Cite("Z. Li et al., Fourier neural operator for parametric partial differential equations, ICLR 2021; H. Wu et al., Solving high-dimensional PDEs with latent spectral models, ICML 2023")
            .On(domain)
            .During(0, 50)
            .Solve(Dt(w) + Dot(velocity, Grad(w)) - nu * Laplacian(w) == forcing)
            .With(Periodic.Between("left", "right", 1, 0))
            .With(Periodic.Between("bottom", "top", 0, 1))
            .With(new InitialCondition(psi0));
    }
}
