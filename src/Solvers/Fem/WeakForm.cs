using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using static PdeNet.Core.Symbolic.Expr;

namespace PdeNet.Solvers.Fem;

/// <summary>
/// The weak form of a problem's equation, derived symbolically. The strong residual is split as
/// R(u) = div F(x, u, ∇u) + s(x, u, ∇u): every term c·div(V) becomes div(cV) - ∇c·V, so F
/// collects the fluxes and s the rest. Multiplying by a test function v and integrating by parts,
/// <code>
///   r(u; v) = ∫_Ω (-F·∇v + s v) dx + ∫_Γ (F·n) v ds = 0,
/// </code>
/// where on a natural boundary ∂u/∂n = h(x, u) the flux F·n is F evaluated with ∇u = h n (exact
/// for fluxes a(x, u)∇u + b(x, u), which is checked). Jacobians come from symbolic derivatives
/// with respect to u and ∇u, so linear and nonlinear problems share one Newton path.
/// <para>
/// An evolution equation m(x, t) u_t + R(u) = 0 is split the same way: the terms that hold u_t
/// must be linear in it with a coefficient free of the unknown; m becomes <see cref="Mass"/>
/// (the mass form ∫ m u_t v dx) and the rest of those terms joins s.
/// </para>
/// <para>
/// A system (a vector equation for the components u_1, ..., u_m of a vector unknown) is split
/// equation by equation, R_c = div F_c(x, u, ∇u) + s_c(x, u, ∇u), each F_c and s_c a function of
/// every component and its gradient; equation c is tested with v_c. For linear elasticity
/// -div σ(u) = f this gives F_c = -σ_c (row c of σ), s_c = -f_c, and the boundary term
/// ∫ (F_c·n) v_c = -∫ (σn)_c v_c takes the prescribed traction (<see cref="Traction"/>).
/// </para>
/// </summary>
public sealed class WeakForm
{
    private WeakForm(Problem problem, IReadOnlyList<Unknown> unknowns, IReadOnlyList<IReadOnlyList<Expr>> fluxes, IReadOnlyList<Expr> sources, Expr? mass)
    {
        Problem = problem;
        Unknowns = unknowns;
        Fluxes = fluxes;
        Sources = sources;
        Mass = mass;
        int d = fluxes[0].Count;
        Jet = [.. unknowns.SelectMany(u => Enumerable.Range(0, d).Select(u.DifferentiateSpace).Prepend(u))];
        IsLinear = Jet.All(w => fluxes.SelectMany(f => f).Concat(sources).All(e => !Differentiation.WithRespectTo(e, w).DependsOnUnknown));
    }

    /// <summary>The problem.</summary>
    public Problem Problem { get; }

    /// <summary>The unknown fields u_c: one for a scalar equation, the components of a vector unknown for a system.</summary>
    public IReadOnlyList<Unknown> Unknowns { get; }

    /// <summary>Number of unknown fields m (1 for a scalar equation).</summary>
    public int Components => Unknowns.Count;

    /// <summary>The flux F_c of every scalar equation c, lowered, d expressions each; equation c is tested with component c.</summary>
    public IReadOnlyList<IReadOnlyList<Expr>> Fluxes { get; }

    /// <summary>The non-divergence part s_c of every scalar equation c, lowered.</summary>
    public IReadOnlyList<Expr> Sources { get; }

    /// <summary>The unknown u of a scalar equation (the first component of a system).</summary>
    public Unknown Unknown => Unknowns[0];

    /// <summary>The flux F of a scalar equation, lowered, one expression per space dimension.</summary>
    public IReadOnlyList<Expr> Flux => Fluxes[0];

    /// <summary>The non-divergence part s of a scalar equation, lowered.</summary>
    public Expr Source => Sources[0];

    /// <summary>The coefficient m(x, t) of u_t, lowered; null for a steady problem.</summary>
    public Expr? Mass { get; }

    /// <summary>True for an evolution problem m u_t + R(u) = 0.</summary>
    public bool IsTimeDependent => Mass is not null;

    /// <summary>The jet variables the volume terms read, component by component: u_1, ∂_x u_1, ..., u_2, ∂_x u_2, ... (u, u_x, u_y, ... for a scalar equation).</summary>
    public IReadOnlyList<Unknown> Jet { get; }

    /// <summary>The gradient variables u_x, u_y, ... of a scalar equation.</summary>
    public IReadOnlyList<Unknown> Gradient => Jet.Skip(1).Take(Flux.Count).ToArray();

    /// <summary>True when F and s are affine in (u, ∇u): one Newton step solves the problem.</summary>
    public bool IsLinear { get; }

    /// <summary>Derives the weak form of <paramref name="problem"/>'s equation (of each scalar equation of a system).</summary>
    /// <exception cref="NotSupportedException">The equation has terms a first-order weak form
    /// cannot hold (second derivatives outside a divergence; time derivatives other than
    /// m(x, t) u_t).</exception>
    public static WeakForm Of(Problem problem)
    {
        problem.Validate();
        var unknowns = problem.Unknowns;
        int d = problem.Dimension;
        var equations = problem.Equation!.Components(d);
        var fluxes = new IReadOnlyList<Expr>[equations.Count];
        var sources = new Expr[equations.Count];
        Expr? mass = null;
        for (int c = 0; c < equations.Count; c++) (fluxes[c], sources[c], mass) = Split(problem, equations[c].Residual, unknowns[c], d);
        return new WeakForm(problem, unknowns, fluxes, sources, mass);
    }

    /// <summary>Splits one scalar residual into its lowered flux, source and mass coefficient (the coefficient of u_t).</summary>
    private static (IReadOnlyList<Expr> Flux, Expr Source, Expr? Mass) Split(Problem problem, Expr residual, Unknown u, int d)
    {
        Expr flux = Vector(Enumerable.Repeat((Expr)0, d).ToArray());
        Expr source = 0;
        Expr? mass = null;
        var ut = u.DifferentiateTime();
        foreach (var term in AdditiveTerms(residual))
        {
            if (term.Contains(n => n is Derivative { Variable: TimeVariable } || n is Unknown { TimeOrder: > 0 }))
            {
                var lowered = Lowering.Lower(term, d);
                var m = Differentiation.WithRespectTo(lowered, ut);
                var rest = lowered.Replace(n => n.Equals(ut) ? (Expr)0 : null);
                var other = rest.Nodes().OfType<Unknown>().FirstOrDefault(w => w.TimeOrder > 0);
                if (m.DependsOnUnknown || other is not null)
                    throw new NotSupportedException(
                        $"the term {term} of problem '{problem.Name}' is not of the form m(x, t)*u_t: " +
                        (other is not null ? $"it contains {other.Label}" : $"the coefficient of {ut.Label} is {m}, which depends on the unknown"));
                mass = mass is null ? m : mass + m;
                source += rest;
                continue;
            }
            var divergence = SplitDivergence(term);
            if (divergence is null)
            {
                source += term;
                continue;
            }
            var (c, v) = divergence.Value;
            flux += c * v;
            if (!c.Equals(new Constant(1))) source -= Dot(Grad(c), v);
        }
        var loweredFlux = Lowering.LowerVector(flux, d);
        var loweredSource = Lowering.Lower(source, d);
        foreach (var (expression, where) in loweredFlux.Select(f => (f, "flux")).Append((loweredSource, "source")))
        {
            var high = expression.Nodes().OfType<Unknown>().FirstOrDefault(w => w.Order > 1 || w.TimeOrder > 0);
            if (high is not null)
                throw new NotSupportedException($"the {where} term {expression} contains {high.Label}; write second derivatives as div(...) so they can be integrated by parts");
        }
        return (loweredFlux, loweredSource, mass is null ? null : Lowering.Lower(mass, d));
    }

    /// <summary>
    /// The normal flux F·n on a boundary where ∂u/∂n = h: F with ∇u replaced by h n, dotted
    /// with n. An expression in x, t, n and u.
    /// </summary>
    /// <exception cref="NotSupportedException">The flux is not of the form a(x, u)∇u + b(x, u).</exception>
    public Expr NormalFlux(Expr normalDerivative)
    {
        CheckIsotropic();
        int d = Flux.Count;
        var h = Lowering.Lower(normalDerivative, d);
        var replacement = Enumerable.Range(0, d).ToDictionary(i => (Expr)Gradient[i], i => h * new NormalComponent(i));
        Expr normalFlux = 0;
        for (int i = 0; i < d; i++) normalFlux += Flux[i].Replace(node => replacement.GetValueOrDefault(node)) * new NormalComponent(i);
        return normalFlux;
    }

    private void CheckIsotropic()
    {
        int d = Flux.Count;
        var diagonal = Differentiation.WithRespectTo(Flux[0], Gradient[0]);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                var derivative = Differentiation.WithRespectTo(Flux[i], Gradient[j]);
                bool ok = i == j ? derivative.Equals(diagonal) : derivative.IsConstant(0);
                ok &= Gradient.All(g => Differentiation.WithRespectTo(derivative, g).IsConstant(0));
                if (!ok)
                    throw new NotSupportedException(
                        $"the flux [{string.Join(", ", Flux)}] is not of the form a(x, u)*grad(u) + b(x, u); a normal-derivative condition cannot be imposed on it");
            }
        }
    }

    /// <summary>The terms of a sum, with products and quotients of sums that contain a divergence expanded.</summary>
    private static IEnumerable<Expr> AdditiveTerms(Expr e)
    {
        switch (e)
        {
            case Binary { Operator: BinaryOperator.Add } add:
                return AdditiveTerms(add.Left).Concat(AdditiveTerms(add.Right));
            case Binary { Operator: BinaryOperator.Subtract } sub:
                return AdditiveTerms(sub.Left).Concat(AdditiveTerms(sub.Right).Select(t => -t));
            case Unary { Function: UnaryFunction.Negate } neg:
                return AdditiveTerms(neg.Argument).Select(t => -t);
            case Binary { Operator: BinaryOperator.Multiply } mul when HasDivergence(mul.Right) && !HasDivergence(mul.Left):
                return AdditiveTerms(mul.Right).Select(t => mul.Left * t);
            case Binary { Operator: BinaryOperator.Multiply } mul when HasDivergence(mul.Left) && !HasDivergence(mul.Right):
                return AdditiveTerms(mul.Left).Select(t => t * mul.Right);
            case Binary { Operator: BinaryOperator.Divide } div when HasDivergence(div.Left) && !HasDivergence(div.Right):
                return AdditiveTerms(div.Left).Select(t => t / div.Right);
            default:
                return [e];
        }
    }

    /// <summary>Whether <paramref name="e"/> has a divergence of something that involves the unknown
    /// (a divergence of known functions is an ordinary source term).</summary>
    private static bool HasDivergence(Expr e) => e.Contains(n => n is Divergence d && d.Operand.DependsOnUnknown);

    /// <summary>Writes a term as c·div(V); null when it has no divergence of the unknown.</summary>
    private static (Expr Coefficient, Expr Vector)? SplitDivergence(Expr term)
    {
        if (!HasDivergence(term)) return null;
        switch (term)
        {
            case Divergence div when div.Operand.DependsOnUnknown:
                return (1, div.Operand);
            case Unary { Function: UnaryFunction.Negate } neg when SplitDivergence(neg.Argument) is { } inner:
                return (-inner.Coefficient, inner.Vector);
            case Binary { Operator: BinaryOperator.Multiply } mul when !HasDivergence(mul.Right) && SplitDivergence(mul.Left) is { } left:
                return (left.Coefficient * mul.Right, left.Vector);
            case Binary { Operator: BinaryOperator.Multiply } mul when !HasDivergence(mul.Left) && SplitDivergence(mul.Right) is { } right:
                return (mul.Left * right.Coefficient, right.Vector);
            case Binary { Operator: BinaryOperator.Divide } div when !HasDivergence(div.Right) && SplitDivergence(div.Left) is { } top:
                return (top.Coefficient / div.Right, top.Vector);
            default:
                throw new NotSupportedException($"the term {term} uses div(...) in a way that cannot be integrated by parts (divergences may only be multiplied or divided by other factors)");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Components > 1
        ? string.Join("; ", Enumerable.Range(0, Components).Select(c => $"F_{c + 1} = [{string.Join(", ", Fluxes[c])}], s_{c + 1} = {Sources[c]}")) + ": Σ_c ∫ -F_c·∇v_c + s_c v_c dx + ∫ (F_c·n) v_c ds = 0"
        : Mass is null
        ? $"F = [{string.Join(", ", Flux)}], s = {Source}: ∫ -F·∇v + s v dx + ∫ (F·n) v ds = 0"
        : $"m = {Mass}, F = [{string.Join(", ", Flux)}], s = {Source}: ∫ m u_t v dx + ∫ -F·∇v + s v dx + ∫ (F·n) v ds = 0";
}
