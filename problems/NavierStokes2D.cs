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

    /// <summary>The unknown: the streamfunction ψ, shared by every problem this class builds.</summary>
    public static Unknown Streamfunction { get; } = Unknown.Scalar("psi");

    /// <summary>The vorticity w = -Δψ, the expression object used in the equation of every problem this class builds.</summary>
    public static Coefficient Vorticity { get; } = Named("w", -Laplacian(Streamfunction));

    /// <summary>The default kinematic viscosity ν (1/Re).</summary>
    public const double DefaultViscosity = 1e-3;

    /// <summary>The default end of the time interval.</summary>
    public const double DefaultEndTime = 50;

    /// <summary>Builds the problem with its deterministic initial state (three Fourier modes), ν = 1e-3, on [0, 50].</summary>
    public static Problem Create()
    {
        // w0 = sin 2πx sin 2πy + 0.5 cos 2π(2x + y) + 0.3 sin 2π(x - 3y).
        double k1 = 8 * Math.PI * Math.PI, k2 = 20 * Math.PI * Math.PI, k3 = 40 * Math.PI * Math.PI;
        var psi0 = Sin(2 * Math.PI * X) * Sin(2 * Math.PI * Y) / k1 + 0.5 * Cos(2 * Math.PI * (2 * X + Y)) / k2 + 0.3 * Sin(2 * Math.PI * (X - 3 * Y)) / k3;
        return Create(DefaultViscosity, DefaultEndTime, psi0);
    }

    /// <summary>Builds the problem with viscosity <paramref name="viscosity"/> on [0, <paramref name="endTime"/>] from the initial streamfunction <paramref name="initialStreamfunction"/>.</summary>
    /// <param name="viscosity">ν &gt; 0, the default of the parameter "nu".</param>
    /// <param name="endTime">T &gt; 0, in the time unit of the forcing (the forcing has period 1 in space and is steady).</param>
    /// <param name="initialStreamfunction">ψ0(x, y), periodic on the unit square; the initial vorticity is -Δψ0.</param>
    public static Problem Create(double viscosity, double endTime, Expr initialStreamfunction)
    {
        if (!(viscosity > 0) || double.IsInfinity(viscosity)) throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "the viscosity must be positive");
        if (!(endTime > 0) || double.IsInfinity(endTime)) throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "the end time must be positive");
        ArgumentNullException.ThrowIfNull(initialStreamfunction);
        var domain = Rectangle.UnitSquare;
        var psi = Streamfunction;
        var nu = Param("nu", viscosity, "kinematic viscosity (1/Re)");
        var amplitude = Param("amplitude", 0.1, "amplitude of the forcing");

        var w = Vorticity;
        var velocity = Named("u", Vector(Dy(psi), -Dx(psi)));
        var forcing = Named("f", amplitude * (Sin(2 * Math.PI * (X + Y)) + Cos(2 * Math.PI * (X + Y))));

        return Problem.Named(Name)
            .Describe("2D Navier-Stokes in vorticity form on the unit torus, w = -laplacian(psi), Kolmogorov-type forcing 0.1(sin 2π(x+y) + cos 2π(x+y))")
            .Cite("Z. Li et al., Fourier neural operator for parametric partial differential equations, ICLR 2021; H. Wu et al., Solving high-dimensional PDEs with latent spectral models, ICML 2023")
            .On(domain)
            .During(0, endTime)
            .Solve(Dt(w) + Dot(velocity, Grad(w)) - nu * Laplacian(w) == forcing)
            .With(Periodic.Between("left", "right", 1, 0))
            .With(Periodic.Between("bottom", "top", 0, 1))
            .With(new InitialCondition(initialStreamfunction));
    }
}
