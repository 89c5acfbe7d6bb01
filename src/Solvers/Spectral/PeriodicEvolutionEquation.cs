using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// A one-dimensional evolution equation read from a problem's residual R(x, t, u, u_x, u_xx, u_t):
/// R must be first order in time with a constant coefficient c = ∂R/∂u_t and have a constant
/// coefficient ∂R/∂u_xx, so that R = 0 reads
/// <code>u_t = ν u_xx - n(x, t, u, u_x),   ν = -(∂R/∂u_xx)/c,   n = R(u_t = 0, u_xx = 0)/c.</code>
/// Everything else is refused with a <see cref="NotSupportedException"/> that names the term.
/// The solver treats the linear constant-coefficient part of n exactly (see <see cref="LinearPartAt"/>).
/// </summary>
internal sealed class PeriodicEvolutionEquation
{
    private PeriodicEvolutionEquation(Problem problem, double diffusivity, Expr remainder)
    {
        Problem = problem;
        Diffusivity = diffusivity;
        Remainder = remainder;
        var u = problem.Unknown;
        U = u;
        Ux = u.DifferentiateSpace(0);
        DerivativeInU = Differentiation.WithRespectTo(remainder, U);
        DerivativeInUx = Differentiation.WithRespectTo(remainder, Ux);
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>The diffusion coefficient ν ≥ 0.</summary>
    public double Diffusivity { get; }

    /// <summary>The term n(x, t, u, u_x) of u_t = ν u_xx - n, lowered.</summary>
    public Expr Remainder { get; }

    /// <summary>∂n/∂u.</summary>
    public Expr DerivativeInU { get; }

    /// <summary>∂n/∂u_x.</summary>
    public Expr DerivativeInUx { get; }

    /// <summary>The unknown u.</summary>
    public Unknown U { get; }

    /// <summary>The jet variable u_x.</summary>
    public Unknown Ux { get; }

    /// <summary>The layout compiled terms read: x, t, (normal), u, u_x.</summary>
    public VariableLayout Layout => new(1, [U, Ux]);

    /// <summary>Reads the equation of <paramref name="problem"/> (validated first).</summary>
    /// <exception cref="NotSupportedException">The equation is not of the form u_t = ν u_xx - n(x, t, u, u_x) with constant ν, naming the offending term.</exception>
    public static PeriodicEvolutionEquation Of(Problem problem)
    {
        problem.Validate();
        if (problem.Dimension != 1) throw new NotSupportedException($"problem '{problem.Name}' is {problem.Dimension}D; this reads 1D evolution equations");
        if (!problem.IsTimeDependent) throw new NotSupportedException($"problem '{problem.Name}' has no time derivative; the spectral solver integrates evolution equations u_t = ν u_xx - n(x, t, u, u_x)");
        var residual = Lowering.Lower(problem.Equation!.Residual, 1);
        var u = problem.Unknown;
        var ut = u.DifferentiateTime();
        var ux = u.DifferentiateSpace(0);
        var uxx = ux.DifferentiateSpace(0);
        foreach (var jet in EquationTerms.Jets(residual))
        {
            if (jet.TimeOrder > 1 || (jet.TimeOrder == 1 && jet.SpatialOrders[0] > 0))
                throw Refuse(problem, $"the term in {jet.Label}: the spectral solver integrates equations of first order in time, u_t = ν u_xx - n(x, t, u, u_x)");
            if (jet.SpatialOrders[0] > 2)
                throw Refuse(problem, $"the term in {jet.Label}: the spectral solver handles derivatives up to u_xx");
        }

        var c = Differentiation.WithRespectTo(residual, ut);
        if (!EquationTerms.IsConstant(c))
            throw Refuse(problem, $"the coefficient of u_t, {c}, is not constant; the spectral solver needs R = c u_t + ... with constant c");
        double cValue = EquationTerms.Value(c, problem);
        if (cValue == 0 || !double.IsFinite(cValue)) throw Refuse(problem, $"the coefficient of u_t is {cValue}");

        var d = Differentiation.WithRespectTo(residual, uxx);
        if (!EquationTerms.IsConstant(d))
            throw Refuse(problem, $"the coefficient of u_xx, {d}, is not constant; the spectral solver needs a constant diffusion coefficient");
        double nu = -EquationTerms.Value(d, problem) / cValue + 0.0;
        if (!(nu >= 0) || double.IsInfinity(nu))
            throw Refuse(problem, string.Create(CultureInfo.InvariantCulture, $"the diffusion coefficient ν = -(∂R/∂u_xx)/(∂R/∂u_t) is {nu:G6}; it must be finite and non-negative"));

        var remainder = EquationTerms.Substitute(residual, new Dictionary<Unknown, double> { [ut] = 0, [uxx] = 0 });
        if (cValue != 1) remainder = remainder / cValue;
        return new PeriodicEvolutionEquation(problem, nu, remainder);
    }

    /// <summary>
    /// The linear constant-coefficient part of n about the state u = <paramref name="state"/>:
    /// a = ∂n/∂u and b = ∂n/∂u_x at (u, u_x) = (state, 0), each taken as 0 where it depends on x
    /// or t. The solver integrates u_t = ν u_xx - a u - b u_x exactly and the rest, n - a u - b u_x,
    /// explicitly; for n = β u_x (convection) the rest vanishes and the solution is exact.
    /// </summary>
    public (double A, double B) LinearPartAt(double state)
    {
        var at = new Dictionary<Unknown, double> { [U] = state, [Ux] = 0 };
        double Coefficient(Expr derivative)
        {
            var value = EquationTerms.Substitute(derivative, at);
            return EquationTerms.IsConstant(value) ? EquationTerms.Value(value, Problem) : 0;
        }
        return (Coefficient(DerivativeInU), Coefficient(DerivativeInUx));
    }

    /// <summary>The rest n - a u - b u_x as an expression, for messages (a and b to 10 digits).</summary>
    public Expr RestAfter(double a, double b) => Remainder - Short(a) * (Expr)U - Short(b) * (Expr)Ux;

    private static double Short(double value) => double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>True when n - a u - b u_x vanishes at every sampled point (then nothing is integrated explicitly).</summary>
    public bool RestVanishes(double a, double b)
    {
        if (Remainder.IsConstant(0) && a == 0 && b == 0) return true;
        var rest = Compile(Remainder);
        var layout = Layout;
        var random = new Random(12345);
        var v = new double[layout.Count];
        for (int trial = 0; trial < 16; trial++)
        {
            for (int i = 0; i < v.Length; i++) v[i] = 4 * random.NextDouble() - 2;
            if (rest(v) - a * v[layout.SlotOf(U)] - b * v[layout.SlotOf(Ux)] != 0) return false;
        }
        return true;
    }

    /// <summary>Compiles a term over <see cref="Layout"/>.</summary>
    public Func<double[], double> Compile(Expr term) => EquationTerms.Compile(term, Problem, Layout);

    private static NotSupportedException Refuse(Problem problem, string what) =>
        new($"problem '{problem.Name}': {what}");
}
