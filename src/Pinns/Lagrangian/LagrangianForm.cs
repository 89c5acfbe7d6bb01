using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// A 1D periodic evolution equation read along its characteristics. The problem's residual must be
/// <code>
///   a u_t + a c(x, t, u) u_x - a ν u_xx + a s(x, t, u) = 0      (a, ν constants, a ≠ 0),
/// </code>
/// which covers linear convection (c = β), convection–diffusion, viscous Burgers (c = u) and
/// reaction terms (s). Along a characteristic x_L(x₀, t) with dx_L/dt = c, the equation becomes
/// du/dt = ν u_xx - s, with u_xx taken in the Eulerian coordinate: ∂/∂x = J⁻¹ ∂/∂x₀, J = ∂x_L/∂x₀.
/// </summary>
internal sealed class LagrangianForm
{
    private LagrangianForm(Problem problem, Expr speed, double viscosity, Expr source, Expr initial, double start, double period)
    {
        Problem = problem;
        Speed = speed;
        Viscosity = viscosity;
        Source = source;
        Initial = initial;
        Start = start;
        Period = period;
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>c(x, t, u): the characteristic speed dx_L/dt, lowered.</summary>
    public Expr Speed { get; }

    /// <summary>ν: the diffusion coefficient (0 for pure convection).</summary>
    public double Viscosity { get; }

    /// <summary>s(x, t, u): the zeroth-order terms, lowered (0 when there are none).</summary>
    public Expr Source { get; }

    /// <summary>u₀(x), lowered.</summary>
    public Expr Initial { get; }

    /// <summary>Left end a of the periodic interval [a, a + L).</summary>
    public double Start { get; }

    /// <summary>Period L.</summary>
    public double Period { get; }

    /// <summary>Reads the characteristic form of <paramref name="problem"/>'s equation.</summary>
    /// <exception cref="NotSupportedException">The problem is not a 1D periodic evolution problem, or its
    /// equation is not of the form above; the message names what does not fit.</exception>
    public static LagrangianForm Of(Problem problem)
    {
        problem.Validate();
        string name = problem.Name;
        if (problem.Dimension != 1 || problem.Domain is not Interval interval)
            throw new NotSupportedException($"the Lagrangian PINN solves problems on an interval; problem '{name}' is {problem.Dimension}D");
        if (!problem.IsTimeDependent || problem.Initial is null)
            throw new NotSupportedException($"the Lagrangian PINN solves evolution problems with an initial condition; problem '{name}' has none");
        var periodic = problem.Conditions.OfType<Periodic>().FirstOrDefault();
        double period = interval.Length;
        if (periodic is null || Math.Abs(Math.Abs(periodic.Shift[0]) - period) > 1e-12 * period)
            throw new NotSupportedException($"the Lagrangian PINN needs the interval to be periodic (a periodic condition with shift {period}); problem '{name}' lacks one");
        if (problem.Conditions.Any(c => c is not Periodic))
            throw new NotSupportedException($"the Lagrangian PINN handles periodic conditions only; problem '{name}' also has {string.Join(", ", problem.Conditions.Where(c => c is not Periodic).Select(c => c.Kind))} conditions");

        var residual = Lowering.Lower(problem.Equation!.Residual, 1);
        var u = problem.Unknown.Base;
        var ut = u.DifferentiateTime();
        var ux = u.DifferentiateSpace(0);
        var uxx = ux.DifferentiateSpace(0);
        Unknown[] allowed = [u, ut, ux, uxx];
        var other = residual.Nodes().OfType<Unknown>().FirstOrDefault(w => !allowed.Contains(w));
        if (other is not null)
            throw new NotSupportedException($"the equation of '{name}' contains {other.Label}; the Lagrangian PINN takes u_t + c(x, t, u) u_x - nu u_xx + s(x, t, u) = 0");

        var a = Differentiation.WithRespectTo(residual, ut);
        double scale = ConstantValue(a, problem, $"the coefficient of {ut.Label}");
        if (scale == 0) throw new NotSupportedException($"the equation of '{name}' has no {ut.Label} term");
        var speed = Differentiation.WithRespectTo(residual, ux) / scale;
        if (speed.Nodes().OfType<Unknown>().FirstOrDefault(w => w.Order > 0) is { } derivative)
            throw new NotSupportedException($"the characteristic speed {speed} of '{name}' depends on {derivative.Label}; it may depend on x, t and u only");
        double viscosity = -ConstantValue(Differentiation.WithRespectTo(residual, uxx), problem, $"the coefficient of {uxx.Label}") / scale;
        var source = residual.Replace(node => node is Unknown w && w.Order > 0 ? new Constant(0) : null) / scale;
        var initial = Lowering.Lower(problem.Initial.Value, 1);
        return new LagrangianForm(problem, speed, viscosity, source, initial, interval.A, period);
    }

    /// <summary>The value of an expression that may hold parameters but nothing that varies.</summary>
    private static double ConstantValue(Expr e, Problem problem, string what)
    {
        if (e.Contains(n => n is Unknown or Coordinate or TimeVariable or Coefficient))
            throw new NotSupportedException($"{what} in '{problem.Name}' is {e}; the Lagrangian PINN needs a constant");
        return ExpressionCompiler.Compile(e, new VariableLayout(1), problem.ValueOf)(new double[new VariableLayout(1).Count]);
    }
}
