using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Domains;
using PdeNet.Solvers.Evolution;

namespace PdeNet.Solvers.FiniteVolume;

/// <summary>
/// A 1D evolution equation read from a problem's residual in the quasilinear form
/// <code>R = a(x, t, u) u_t - b(x, t, u) u_xx + q(x, t, u),   so   u_t = c u_xx - s,   c = b/a, s = q/a,</code>
/// on an interval, with Dirichlet, Neumann or Robin conditions (or none: zero flux) at its ends.
/// This is how PDEBench writes diffusion–sorption, u_t = D/R(u) u_xx. Other forms are refused with
/// a <see cref="NotSupportedException"/> that names the term.
/// </summary>
internal sealed class QuasilinearDiffusionEquation
{
    private QuasilinearDiffusionEquation(Problem problem, Interval interval, Expr rate, Expr source)
    {
        Problem = problem;
        Interval = interval;
        U = problem.Unknown;
        Rate = rate;
        Source = source;
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>The domain.</summary>
    public Interval Interval { get; }

    /// <summary>The unknown u.</summary>
    public Unknown U { get; }

    /// <summary>c(x, t, u) = b/a, the coefficient of u_xx in u_t = c u_xx - s.</summary>
    public Expr Rate { get; }

    /// <summary>s(x, t, u) = q/a.</summary>
    public Expr Source { get; }

    /// <summary>The layout compiled terms read: x, t, (normal), u.</summary>
    public VariableLayout Layout => new(1, [U]);

    /// <summary>Reads the equation of <paramref name="problem"/> (validated first).</summary>
    /// <exception cref="NotSupportedException">The domain is not an interval or the equation is not a u_t = b u_xx - q, naming the term.</exception>
    public static QuasilinearDiffusionEquation Of(Problem problem)
    {
        problem.Validate();
        string name = problem.Name;
        if (problem.Domain is not Interval interval)
            throw new NotSupportedException($"problem '{name}': the finite-volume solver works on an interval; the domain is a {problem.Domain!.GetType().Name.ToLowerInvariant()}");
        if (!problem.IsTimeDependent) throw new NotSupportedException($"problem '{name}' has no time derivative; the finite-volume solver integrates a u_t = b u_xx - q in time");
        foreach (var condition in problem.Conditions)
        {
            if (condition is Periodic) throw new NotSupportedException($"problem '{name}': the finite-volume solver takes Dirichlet, Neumann and Robin conditions; for the periodic condition '{condition}' use the spectral solver");
        }
        var residual = Lowering.Lower(problem.Equation!.Residual, 1);
        var u = problem.Unknown;
        var ut = u.DifferentiateTime();
        var uxx = u.DifferentiateSpace(0).DifferentiateSpace(0);
        foreach (var jet in EquationTerms.Jets(residual))
        {
            if (!(jet.Equals(u) || jet.Equals(ut) || jet.Equals(uxx)))
                throw new NotSupportedException($"problem '{name}': the term in {jet.Label}; the finite-volume solver integrates a(x, t, u) u_t - b(x, t, u) u_xx + q(x, t, u) = 0");
        }
        var a = Differentiation.WithRespectTo(residual, ut);
        var b = -Differentiation.WithRespectTo(residual, uxx);
        foreach (var (what, term) in new[] { ("u_t", a), ("u_xx", b) })
        {
            var other = term.Nodes().OfType<Unknown>().FirstOrDefault(j => !j.Equals(u));
            if (other is not null)
                throw new NotSupportedException($"problem '{name}': the coefficient of {what}, {term}, involves {other.Label}; it may depend on x, t and u only");
        }
        if (a.IsConstant(0)) throw new NotSupportedException($"problem '{name}': the equation has no u_t term");
        var q = EquationTerms.Substitute(residual, new Dictionary<Unknown, double> { [ut] = 0, [uxx] = 0 });
        return new QuasilinearDiffusionEquation(problem, interval, b / a, q / a);
    }

    /// <summary>Compiles a term over <see cref="Layout"/>.</summary>
    public Func<double[], double> Compile(Expr term) => EquationTerms.Compile(term, Problem, Layout);
}
