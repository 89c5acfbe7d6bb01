using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// The Helmholtz equation -Δu - k²u = 0 on the unit square with the plane wave
/// u = cos(k(x cos θ + y sin θ)), θ = π/6, as exact solution: Dirichlet data on the left and
/// bottom sides, the Neumann datum ∂u/∂n on the right and top. With k = 6 the operator is
/// indefinite (k² = 36 lies between the mixed problem's eigenvalues 24.7 and 44.4); keep k away
/// from those eigenvalues, and kh small, for an accurate discrete solution.
/// </summary>
public static class Helmholtz2D
{
    /// <summary>The problem's name in the library.</summary>
    public const string Name = "helmholtz-2d";

    /// <summary>Builds the problem.</summary>
    public static Problem Create()
    {
        var domain = Rectangle.UnitSquare;
        var u = Unknown.Scalar("u");
        var k = Param("k", 6, "wave number");
        var direction = Math.PI / 6;
        var exact = Cos(k * (Math.Cos(direction) * X + Math.Sin(direction) * Y));

        return Problem.Named(Name)
            .Describe("Helmholtz equation -Δu - k²u = 0 on the unit square with a plane-wave solution, Dirichlet left/bottom, Neumann right/top")
            .Cite("F. Ihlenburg, Finite Element Analysis of Acoustic Scattering, Springer 1998")
            .On(domain)
            .Solve(-Laplacian(u) - k * k * u == 0)
            .With(Dirichlet.On("left, bottom", exact))
            .With(Neumann.On("right, top", NormalDerivative(exact, 2)))
            .Exact(exact);
    }
}
