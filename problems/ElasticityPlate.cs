using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Problems;

/// <summary>
/// Linear elasticity in 2D, -div σ(u) = f with σ = 2μ ε(u) + λ tr(ε(u)) I and ε(u) = (∇u + ∇uᵀ)/2,
/// for the displacement u = (u1, u2). Two problems:
/// <list type="bullet">
/// <item><b>elasticity-plate</b>: a cantilever plate [0, L] × [-D/2, D/2] in plane stress, loaded
/// at its free end x = L by a parabolic shear traction of resultant P, free on top and bottom and
/// held at x = 0. Timoshenko's solution (Timoshenko &amp; Goodier, Theory of Elasticity, §21) is
/// exact for this loading when the end x = 0 is held at that solution's own displacement, which is
/// what the Dirichlet condition prescribes; the load is σ(u)n of the exact u, derived symbolically.</item>
/// <item><b>elasticity-manufactured</b>: the unit square in plane strain with a smooth manufactured
/// displacement, body force f = -div σ(u) derived from it, a roller on the left (u1 given, the
/// shear traction prescribed), clamped bottom (u given) and tractions σ(u)n on the right and top:
/// every kind of condition at once, for convergence rates.</item>
/// </list>
/// </summary>
public static class ElasticityPlate
{
    /// <summary>The cantilever plate's name in the library.</summary>
    public const string Name = "elasticity-plate";

    /// <summary>The manufactured variant's name in the library.</summary>
    public const string ManufacturedName = "elasticity-manufactured";

    /// <summary>The cantilever plate with Timoshenko's exact solution (plane stress).</summary>
    public static Problem Create()
    {
        const double length = 2, depth = 1;
        var domain = new Rectangle(0, -depth / 2, length, depth / 2);
        var e = Param("E", 1000, "Young's modulus");
        var nu = Param("nu", 0.3, "Poisson's ratio");
        var p = Param("P", 1, "resultant of the shear load at the free end x = L (downwards), per unit thickness");
        var (mu, lambda) = (Named("mu", e / (2 * (1 + nu))), Named("lambda_ps", e * nu / (1 - nu * nu)));   // plane stress λ* = Eν/(1 - ν²)

        // Timoshenko's cantilever, with I = D³/12 and the beam held at x = 0 ("wall") and loaded at x = L.
        Expr inertia = depth * depth * depth / 12;
        Expr l = length, d2 = depth * depth / 4, x = X;
        var exact = Vector(
            p * Y / (6 * e * inertia) * ((6 * l - 3 * x) * x + (2 + nu) * (Y * Y - d2)),
            -p / (6 * e * inertia) * (3 * nu * Y * Y * (l - x) + (4 + 5 * nu) * d2 * x + (3 * l - x) * x * x));

        var u = Unknown.Vector("u", 2);
        return Problem.Named(Name)
            .Describe("cantilever plate in plane stress under an end shear load P, Timoshenko's exact solution")
            .Cite("S. P. Timoshenko, J. N. Goodier, Theory of Elasticity, 3rd ed. (1970), §21; A. Augarde, A. Deeks, Finite Elem. Anal. Des. 44 (2008)")
            .On(domain)
            .Solve(-TensorExpr.Div(Stress(u, mu, lambda)) == Vector(0, 0))
            .With(Dirichlet.On("left", exact))
            .With(Traction.On("right", Stress(exact, mu, lambda).Times(Normal(2))))
            .Exact(exact);
    }

    /// <summary>The manufactured variant on the unit square (plane strain).</summary>
    public static Problem CreateManufactured()
    {
        var domain = Rectangle.UnitSquare;
        var mu = Param("mu", 1, "shear modulus μ");
        var lambda = Param("lambda", 1.25, "Lamé's first parameter λ");
        var exact = Vector(Sin(Pi * X) * Cos(Pi * Y) + X * X / 2, X * Sin(Pi * Y) + Y * Y / 4);
        var body = VectorComponents.Of(TensorExpr.Div(-Stress(exact, mu, lambda)), 2);
        var f = Vector(Named("f1", body[0]), Named("f2", body[1]));

        var u = Unknown.Vector("u", 2);
        var sigma = Stress(exact, mu, lambda);
        return Problem.Named(ManufacturedName)
            .Describe("linear elasticity (plane strain) on the unit square with a manufactured displacement: roller, clamped and traction edges")
            .Cite("method of manufactured solutions; P. J. Roache, Code Verification by the Method of Manufactured Solutions, J. Fluids Eng. 124 (2002)")
            .On(domain)
            .Solve(-TensorExpr.Div(Stress(u, mu, lambda)) == f)
            .With(Dirichlet.On("bottom", exact))
            .With(Dirichlet.On("left", Component(exact, 0), component: 0))
            .With(Traction.On("left,right,top", sigma.Times(Normal(2))))
            .Exact(exact);
    }

    /// <summary>σ(u) = 2μ ε(u) + λ tr(ε(u)) I with ε(u) = (∇u + ∇uᵀ)/2, for a displacement u with <paramref name="dimension"/> components (2 or 3).</summary>
    public static TensorExpr Stress(Expr u, Expr mu, Expr lambda, int dimension = 2)
    {
        var strain = TensorExpr.Sym(TensorExpr.Grad(u));
        return 2 * mu * strain + lambda * strain.Trace() * TensorExpr.Identity(dimension);
    }

    private static Expr Component(Expr vector, int i) => ((VectorExpr)vector).Components[i];
}
