using System.Globalization;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.Spectral;

/// <summary>
/// The 2D incompressible Navier–Stokes equations in vorticity form read from a problem whose
/// unknown is the streamfunction ψ:
/// <code>w_t + u·∇w - ν Δw = f(x, y, t),   w = -Δψ,   u = (ψ_y, -ψ_x),</code>
/// that is, a residual equal (up to a constant factor c) to
/// -Δψ_t + ψ_y (-Δψ)_x - ψ_x (-Δψ)_y + ν Δ²ψ - f. The viscosity is read as ν = (∂R/∂ψ_xxxx)/c and
/// the forcing as f = -R(ψ = 0)/c; the residual is then checked against the form above at random
/// values of x, y, t and the derivatives of ψ, and refused, naming the first derivative of ψ whose
/// term differs, when it does not match.
/// </summary>
internal sealed class NavierStokesEquation
{
    private NavierStokesEquation(Problem problem, double viscosity, Expr forcing)
    {
        Problem = problem;
        Viscosity = viscosity;
        Forcing = forcing;
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>The kinematic viscosity ν ≥ 0.</summary>
    public double Viscosity { get; }

    /// <summary>The forcing f(x, y, t) of the vorticity equation, lowered.</summary>
    public Expr Forcing { get; }

    /// <summary>Reads the equation of <paramref name="problem"/> (validated first).</summary>
    /// <exception cref="NotSupportedException">The residual is not the vorticity equation in ψ; the message names the differing term.</exception>
    public static NavierStokesEquation Of(Problem problem)
    {
        problem.Validate();
        string name = problem.Name;
        if (problem.Dimension != 2) throw new NotSupportedException($"problem '{name}' is {problem.Dimension}D; the spectral Navier–Stokes solver is 2D");
        if (!problem.IsTimeDependent) throw new NotSupportedException($"problem '{name}' has no time derivative; the spectral solver integrates the Navier–Stokes vorticity equation in time");
        var psi = problem.Unknown;
        var residual = Lowering.Lower(problem.Equation!.Residual, 2);

        var c = -Differentiation.WithRespectTo(residual, Jet(psi, 2, 0, 1));
        if (!EquationTerms.IsConstant(c) || EquationTerms.Value(c, problem) == 0)
            throw Refuse(name, $"the coefficient of {Jet(psi, 2, 0, 1).Label} is {c}; the vorticity equation starts with w_t = -Δψ_t");
        double scale = EquationTerms.Value(c, problem);
        var nuTerm = Differentiation.WithRespectTo(residual, Jet(psi, 4, 0, 0));
        if (!EquationTerms.IsConstant(nuTerm)) throw Refuse(name, $"the coefficient of {Jet(psi, 4, 0, 0).Label}, {nuTerm}, is not constant; the viscosity must be");
        double nu = EquationTerms.Value(nuTerm, problem) / scale;
        if (!(nu >= 0) || double.IsInfinity(nu)) throw Refuse(name, string.Create(CultureInfo.InvariantCulture, $"the viscosity read from the equation is {nu:G6}; it must be finite and non-negative"));
        var jets = EquationTerms.Jets(residual);
        var forcing = -EquationTerms.Substitute(residual, jets.ToDictionary(j => j, _ => 0.0)) / scale;

        var template = Template(psi, nu, forcing);
        var all = jets.Union(EquationTerms.Jets(template)).ToArray();
        var layout = new VariableLayout(2, all);
        var r = EquationTerms.Compile(residual, problem, layout);
        var t = EquationTerms.Compile(scale * template, problem, layout);
        var random = new Random(2024);
        var v = new double[layout.Count];
        var box = problem.Domain!.Bounds;
        for (int trial = 0; trial < 8; trial++)
        {
            v[0] = box.Min[0] + random.NextDouble() * box.Extent(0);
            v[1] = box.Min[1] + random.NextDouble() * box.Extent(1);
            v[layout.TimeSlot] = problem.Time!.Start + random.NextDouble() * problem.Time.Length;
            for (int i = layout.JetOffset; i < v.Length; i++) v[i] = 2 * random.NextDouble() - 1;
            double a = r(v), b = t(v);
            if (Math.Abs(a - b) <= 1e-9 * (1 + Math.Abs(a) + Math.Abs(b))) continue;
            foreach (var jet in all)
            {
                double da = EquationTerms.Compile(Differentiation.WithRespectTo(residual, jet), problem, layout)(v);
                double db = EquationTerms.Compile(Differentiation.WithRespectTo(scale * template, jet), problem, layout)(v);
                if (Math.Abs(da - db) > 1e-9 * (1 + Math.Abs(da) + Math.Abs(db)))
                    throw Refuse(name, $"the term in {jet.Label} does not match the vorticity equation w_t + u·grad(w) - nu laplacian(w) = f with w = -laplacian({psi.Name}), u = ({psi.Name}_y, -{psi.Name}_x)");
            }
            throw Refuse(name, "the residual does not match the vorticity equation w_t + u·grad(w) - nu laplacian(w) = f in the streamfunction");
        }
        return new NavierStokesEquation(problem, nu, forcing);
    }

    /// <summary>∂^(i+j+k) ψ / ∂x^i ∂y^j ∂t^k.</summary>
    public static Unknown Jet(Unknown psi, int x, int y, int t)
    {
        var jet = psi.Base;
        for (int i = 0; i < x; i++) jet = jet.DifferentiateSpace(0);
        for (int i = 0; i < y; i++) jet = jet.DifferentiateSpace(1);
        for (int i = 0; i < t; i++) jet = jet.DifferentiateTime();
        return jet;
    }

    /// <summary>-Δψ_t + ψ_y (-Δψ)_x - ψ_x (-Δψ)_y + ν Δ²ψ - f, lowered.</summary>
    private static Expr Template(Unknown psi, double nu, Expr forcing)
    {
        Expr J(int x, int y, int t = 0) => Jet(psi, x, y, t);
        var wt = -(J(2, 0, 1) + J(0, 2, 1));
        var wx = -(J(3, 0) + J(1, 2));
        var wy = -(J(2, 1) + J(0, 3));
        var biharmonic = J(4, 0) + 2 * J(2, 2) + J(0, 4);
        return wt + J(0, 1) * wx - J(1, 0) * wy + nu * biharmonic - forcing;
    }

    private static NotSupportedException Refuse(string problem, string what) => new($"problem '{problem}': {what}");
}
