using System.Globalization;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// A reaction u' = α u + β u² with constant α, β (the logistic law ρ u(1 - u) has α = ρ, β = -ρ),
/// solved exactly over a step τ:
/// <code>u(τ) = u0 e^(ατ) / (1 - β u0 φ(α, τ)),   φ = (e^(ατ) - 1)/α   (φ = τ when α = 0).</code>
/// This is the reaction sub-step of Strang splitting.
/// </summary>
/// <param name="Alpha">The linear rate α, per unit time.</param>
/// <param name="Beta">The quadratic rate β, per unit of u and time.</param>
internal sealed record RiccatiReaction(double Alpha, double Beta)
{
    /// <summary>
    /// The reaction left in u_t = ν u_xx - a u - b u_x - r(u) once the linear part (a, b) is taken
    /// out: u' = -(n - a u - b u_x) must depend on u alone and be a quadratic without constant term.
    /// </summary>
    /// <exception cref="NotSupportedException">The rest is not such a reaction; the message names it.</exception>
    public static RiccatiReaction Of(PeriodicEvolutionEquation equation, double a, double b)
    {
        var rest = equation.RestAfter(a, b);
        string name = equation.Problem.Name;
        var inUx = Differentiation.WithRespectTo(equation.Remainder, equation.Ux);
        bool linearInUx = EquationTerms.IsConstant(inUx) && EquationTerms.Value(inUx, equation.Problem) == b;
        if (!linearInUx || EquationTerms.DependsOnSpaceOrTime(equation.Remainder))
            throw new NotSupportedException($"problem '{name}': Strang splitting needs the part of the equation beyond ν u_xx - a u - b u_x to be a reaction r(u) of u alone; here it is {rest}: use the ETDRK4 scheme");

        var g = equation.Compile(-rest);
        var layout = equation.Layout;
        var v = new double[layout.Count];
        double G(double u)
        {
            v[layout.SlotOf(equation.U)] = u;
            return g(v);
        }
        // Fit α u + β u² through u = ±1 and check the fit elsewhere.
        double plus = G(1), minus = G(-1), zero = G(0);
        double alpha = (plus - minus) / 2, beta = (plus + minus) / 2 - zero;
        bool quadratic = zero == 0 && double.IsFinite(alpha) && double.IsFinite(beta);
        foreach (double u in new[] { -2.5, -0.3, 0.45, 0.9, 1.7, 3.1 })
        {
            double value = G(u), fit = alpha * u + beta * u * u;
            quadratic &= Math.Abs(value - fit) <= 1e-10 * (1 + Math.Abs(value));
        }
        if (!quadratic)
            throw new NotSupportedException($"problem '{name}': Strang splitting solves the reaction exactly only when it is α u + β u² (logistic or Riccati); here it is {-rest}: use the ETDRK4 scheme");
        return new RiccatiReaction(alpha, beta);
    }

    /// <summary>Advances every value of <paramref name="u"/> by the exact flow over <paramref name="tau"/>.</summary>
    public void Advance(Span<double> u, double tau)
    {
        double growth = Math.Exp(Alpha * tau);
        double phi = Alpha == 0 ? tau : ExpMinusOne(Alpha * tau) / Alpha;
        for (int i = 0; i < u.Length; i++) u[i] = u[i] * growth / (1 - Beta * u[i] * phi);
    }

    /// <summary>e^x - 1 without cancellation for small x (Kahan's formula).</summary>
    public static double ExpMinusOne(double x)
    {
        double e = Math.Exp(x);
        if (e == 1) return x;
        double m = e - 1;
        return m == -1 ? -1 : m * x / Math.Log(e);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"u' = {Alpha:G6} u + {Beta:G6} u²");
}
