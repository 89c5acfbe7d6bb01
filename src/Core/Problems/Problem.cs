using System.Collections.Immutable;
using System.Globalization;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry;

namespace PdeNet.Core.Problems;

/// <summary>
/// A PDE problem, defined once and read by every solver: the domain (and time interval), the
/// equation as a symbolic expression, the boundary and initial conditions, named parameters with
/// defaults, and an exact solution when one is known. Built fluently:
/// <code>
/// var problem = Problem.Named("poisson-lshape").On(domain)
///     .Solve(-Laplacian(u) == 0)
///     .With(Dirichlet.On(domain.Boundary, exact))
///     .Exact(exact);
/// </code>
/// Problems are immutable; every builder call returns a new problem.
/// </summary>
public sealed record Problem
{
    private Problem(string name) => Name = name;

    /// <summary>Starts a problem called <paramref name="name"/> (lower-case letters, digits and '-').</summary>
    public static Problem Named(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterLower(name[0]) || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            throw new ProblemDefinitionException($"problem name '{name}' must start with a lower-case letter and use only a-z, 0-9 and '-'");
        return new Problem(name);
    }

    /// <summary>Identifier of the problem, also used for file names.</summary>
    public string Name { get; }

    /// <summary>One line saying what the problem is.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where the problem comes from (paper, book).</summary>
    public string Citation { get; init; } = "";

    /// <summary>The spatial domain.</summary>
    public Domain? Domain { get; init; }

    /// <summary>The time interval of an evolution problem; null for a steady problem.</summary>
    public TimeInterval? Time { get; init; }

    /// <summary>The PDE.</summary>
    public Equation? Equation { get; init; }

    /// <summary>Boundary conditions, in the order given.</summary>
    public ImmutableList<BoundaryCondition> Conditions { get; init; } = [];

    /// <summary>The initial condition of an evolution problem.</summary>
    public InitialCondition? Initial { get; init; }

    /// <summary>The exact solution u(x, t), when known.</summary>
    public Expr? ExactSolution { get; init; }

    /// <summary>
    /// The prescribed mean value (1/|Ω|) ∫_Ω u dx, a function of t at most; null when none is
    /// prescribed. It fixes the constant that a pure Neumann problem leaves free.
    /// </summary>
    public Expr? Mean { get; init; }

    /// <summary>Parameter values that replace the defaults.</summary>
    public ImmutableSortedDictionary<string, double> ParameterOverrides { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>Sets the spatial domain.</summary>
    public Problem On(Domain domain) => this with { Domain = domain };

    /// <summary>Sets the time interval [t0, t1].</summary>
    public Problem During(double start, double end) => this with { Time = new TimeInterval(start, end) };

    /// <summary>Sets the equation.</summary>
    public Problem Solve(Equation equation) => this with { Equation = equation };

    /// <summary>Adds a boundary condition.</summary>
    public Problem With(BoundaryCondition condition) => this with { Conditions = Conditions.Add(condition) };

    /// <summary>Sets the initial condition u(x, t0) = u0.</summary>
    public Problem With(InitialCondition initial) => this with { Initial = initial };

    /// <summary>Sets the exact solution.</summary>
    public Problem Exact(Expr solution) => this with { ExactSolution = solution };

    /// <summary>Prescribes the mean value (1/|Ω|) ∫_Ω u dx = <paramref name="value"/>, for pure Neumann problems.</summary>
    public Problem WithMean(Expr value) => this with { Mean = value };

    /// <summary>Sets the one-line description.</summary>
    public Problem Describe(string description) => this with { Description = description };

    /// <summary>Sets the citation.</summary>
    public Problem Cite(string citation) => this with { Citation = citation };

    /// <summary>Space dimension of the domain.</summary>
    public int Dimension => (Domain ?? throw Incomplete("no domain")).Dimension;

    /// <summary>
    /// The unknown field of a scalar equation.
    /// </summary>
    /// <exception cref="ProblemDefinitionException">The equation has no unknown, or is a system (several unknowns, <see cref="Unknowns"/>).</exception>
    public Unknown Unknown
    {
        get
        {
            var unknowns = Unknowns;
            if (unknowns.Count == 1 && !Equation!.IsSystem) return unknowns[0];
            throw new ProblemDefinitionException(
                $"problem '{Name}' is a system in {string.Join(", ", unknowns.Select(u => u.Name))} (a vector unknown); this method needs a single scalar unknown. " +
                "The finite-element solver (--solver fem) handles systems");
        }
    }

    /// <summary>
    /// The unknown fields, ordered by name (ordinal): one for a scalar equation, the components
    /// u1, ..., ud of a vector unknown (<see cref="Symbolic.Unknown.Vector"/>) for a system. Scalar
    /// equation c of a system is tested with component c.
    /// </summary>
    /// <exception cref="ProblemDefinitionException">The equation has no unknown.</exception>
    public IReadOnlyList<Unknown> Unknowns
    {
        get
        {
            var names = (Equation ?? throw Incomplete("no equation")).Residual.Nodes().OfType<Unknown>().Select(u => u.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (names.Length == 0) throw new ProblemDefinitionException($"problem '{Name}': the equation {Equation} has no unknown");
            if (names.Length > 1 && !Equation.IsSystem)
                throw new ProblemDefinitionException($"problem '{Name}': the scalar equation has several unknowns ({string.Join(", ", names)}); write a system as a vector equation with one component per unknown");
            return names.Select(Symbolic.Unknown.Scalar).ToArray();
        }
    }

    /// <summary>True when the equation is a system for a vector unknown (<see cref="Equation.IsSystem"/>).</summary>
    public bool IsSystem => Equation?.IsSystem ?? false;

    /// <summary>True when the equation contains a time derivative.</summary>
    public bool IsTimeDependent => Equation is not null && Equation.Residual.Contains(n => n is Derivative { Variable: TimeVariable } || n is Unknown { TimeOrder: > 0 });

    /// <summary>Every expression of the definition: equation sides, conditions, initial state, exact solution.</summary>
    public IEnumerable<Expr> Expressions()
    {
        if (Equation is not null)
        {
            yield return Equation.Lhs;
            yield return Equation.Rhs;
        }
        foreach (var condition in Conditions)
        {
            foreach (var e in condition.Expressions) yield return e;
        }
        if (Initial is not null) yield return Initial.Value;
        if (ExactSolution is not null) yield return ExactSolution;
        if (Mean is not null) yield return Mean;
    }

    /// <summary>The parameters the definition uses, in order of first appearance.</summary>
    public IReadOnlyList<Parameter> Parameters
    {
        get
        {
            var found = new List<Parameter>();
            foreach (var p in Expressions().SelectMany(e => e.Nodes()).OfType<Parameter>())
            {
                var same = found.Find(q => q.Name == p.Name);
                if (same is null) found.Add(p);
                else if (same.DefaultValue != p.DefaultValue)
                    throw new ProblemDefinitionException($"problem '{Name}': parameter '{p.Name}' has two defaults, {same.DefaultValue} and {p.DefaultValue}");
            }
            return found;
        }
    }

    /// <summary>The value of <paramref name="parameter"/> in this problem (override or default).</summary>
    public double ValueOf(Parameter parameter) => ParameterOverrides.TryGetValue(parameter.Name, out double value) ? value : parameter.DefaultValue;

    /// <summary>The value of the parameter called <paramref name="name"/>.</summary>
    public double ValueOf(string name) => ValueOf(FindParameter(name));

    /// <summary>The same problem with parameter <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ProblemDefinitionException">No such parameter, or a non-finite value.</exception>
    public Problem WithParameter(string name, double value)
    {
        FindParameter(name);
        if (!double.IsFinite(value)) throw new ProblemDefinitionException($"parameter '{name}' of problem '{Name}' needs a finite value, got {value}");
        return this with { ParameterOverrides = ParameterOverrides.SetItem(name, value) };
    }

    /// <summary>
    /// The same problem with the parameters set from "name=value" texts, as given on a command line.
    /// </summary>
    /// <exception cref="ProblemDefinitionException">A text is malformed, names no parameter or has a non-numeric value.</exception>
    public Problem WithParameters(IEnumerable<string> assignments)
    {
        var problem = this;
        foreach (var assignment in assignments)
        {
            int equals = assignment.IndexOf('=');
            if (equals <= 0) throw new ProblemDefinitionException($"parameter setting '{assignment}' must read name=value");
            string name = assignment[..equals].Trim(), text = assignment[(equals + 1)..].Trim();
            FindParameter(name);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new ProblemDefinitionException($"parameter '{name}' needs a number, got '{text}'");
            problem = problem.WithParameter(name, value);
        }
        return problem;
    }

    private Parameter FindParameter(string name)
    {
        var parameters = Parameters;
        return parameters.FirstOrDefault(p => p.Name == name) ?? throw new ProblemDefinitionException(
            $"problem '{Name}' has no parameter '{name}'; " + (parameters.Count == 0 ? "it has none" : $"its parameters are: {string.Join(", ", parameters.Select(p => p.Name))}"));
    }

    /// <summary>
    /// The condition that governs the boundary point <paramref name="point"/> of part
    /// <paramref name="part"/>: a Dirichlet condition that covers it if there is one, otherwise the
    /// first other condition (natural or periodic) that covers it, otherwise null (meaning zero
    /// normal derivative). Every solver uses this rule, so they agree on overlapping or missing
    /// conditions.
    /// </summary>
    public BoundaryCondition? ConditionAt(string part, ReadOnlySpan<double> point)
    {
        BoundaryCondition? natural = null;
        foreach (var condition in Conditions)
        {
            if (!condition.Boundary.Includes(part, point)) continue;
            if (condition is Dirichlet) return condition;
            natural ??= condition;
        }
        return natural;
    }

    /// <summary>Checks the definition and returns it; throws with every problem found.</summary>
    /// <exception cref="ProblemDefinitionException">The definition is incomplete or inconsistent.</exception>
    public Problem Validate()
    {
        var issues = new List<string>();
        if (Domain is null) issues.Add("no domain (call On(domain))");
        if (Equation is null) issues.Add("no equation (call Solve(lhs == rhs))");
        if (issues.Count > 0) throw Incomplete(string.Join("; ", issues));
        if (IsSystem) return ValidateSystem();
        var u = Unknown;
        int d = Dimension;
        void Check(string where, Action action) => Collect(issues, where, action);
        Check("parameters", () => _ = Parameters);
        Check("equation", () => Lowering.Lower(Equation!.Residual, d));
        foreach (var condition in Conditions)
        {
            Check($"condition '{condition}'", () =>
            {
                condition.Boundary.Validate(Domain!);
                if (condition is PointwiseCondition pointwise) Lowering.Lower(pointwise.Residual(u, d), d);
                if (condition is Periodic periodic) periodic.Check(Domain!);
                if (condition is Dirichlet dirichlet && dirichlet.Value.DependsOnUnknown) throw new ArgumentException("a Dirichlet value cannot depend on the unknown");
            });
            foreach (var other in condition.Expressions.SelectMany(e => e.Nodes()).OfType<Unknown>().Where(w => w.Name != u.Name).Take(1))
                issues.Add($"condition '{condition}' uses '{other.Name}', which is not the unknown '{u.Name}'");
        }
        if (ExactSolution is not null)
        {
            Check("exact solution", () => Lowering.Lower(ExactSolution, d));
            if (ExactSolution.DependsOnUnknown) issues.Add("the exact solution must be a function of x and t only");
        }
        if (IsTimeDependent)
        {
            if (Time is null) issues.Add("the equation has a time derivative but no time interval (call During(t0, t1))");
            if (Initial is null) issues.Add("the equation has a time derivative but no initial condition (call With(new InitialCondition(u0)))");
        }
        else if (Time is not null || Initial is not null)
        {
            issues.Add("a time interval or initial condition is given, but the equation has no time derivative");
        }
        if (Mean is not null)
        {
            if (Mean.Contains(n => n is Symbolic.Unknown or Coordinate)) issues.Add($"the mean value {Mean} must be a number or a function of t, not of x or the unknown");
            if (Conditions.Any(c => c is Dirichlet))
                issues.Add("a mean-value constraint fixes the free constant of a pure Neumann problem; with Dirichlet conditions it over-determines the solution (drop one of them)");
        }
        if (Initial is not null)
        {
            Check("initial condition", () => Lowering.Lower(Initial.Value, d));
            if (Initial.Value.DependsOnUnknown) issues.Add("the initial condition must be a function of x only");
        }
        if (issues.Count > 0) throw new ProblemDefinitionException($"problem '{Name}': {string.Join("; ", issues)}");
        return this;
    }

    /// <summary>Runs <paramref name="action"/> and adds the message of an <see cref="ArgumentException"/> it throws to <paramref name="issues"/>.</summary>
    private static void Collect(List<string> issues, string where, Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException e)
        {
            issues.Add($"{where}: {e.Message}");
        }
    }

    /// <summary>The checks of <see cref="Validate"/> for a system: one equation per unknown, vector or per-component Dirichlet data, tractions.</summary>
    private Problem ValidateSystem()
    {
        var issues = new List<string>();
        int d = Dimension;
        void Check(string where, Action action) => Collect(issues, where, action);
        var unknowns = Unknowns;
        int m = unknowns.Count;
        Check("parameters", () => _ = Parameters);
        Check("equation", () =>
        {
            var components = Equation!.Components(d);
            if (components.Count != m)
                throw new ArgumentException($"a system needs one equation per unknown; it has {components.Count} equations in {m} unknowns ({string.Join(", ", unknowns.Select(u => u.Name))})");
            foreach (var component in components) Lowering.Lower(component.Residual, d);
        });
        int Components(Expr e) => VectorComponents.OfValue(e, d).Count;
        foreach (var condition in Conditions)
        {
            Check($"condition '{condition}'", () =>
            {
                condition.Boundary.Validate(Domain!);
                switch (condition)
                {
                    case Dirichlet { Component: { } c } dirichlet:
                        if (c >= m) throw new ArgumentException($"component {c} does not exist; the unknown has {m} components (0 to {m - 1})");
                        if (dirichlet.Value.Rank != 0) throw new ArgumentException("a Dirichlet condition on one component needs a scalar value");
                        break;
                    case Dirichlet or Traction:
                        var value = condition is Dirichlet dv ? dv.Value : ((Traction)condition).Value;
                        if (value.Rank != 1 || Components(value) != m)
                            throw new ArgumentException($"the value must be a vector of {m} components (or, for Dirichlet, give the component: Dirichlet.On(parts, value, component))");
                        foreach (var c in VectorComponents.Of(value, d)) Lowering.Lower(c, d);
                        break;
                    default:
                        throw new ArgumentException($"a system takes Dirichlet and traction conditions; a {condition.Kind} condition is for scalar problems");
                }
                if (condition.Expressions.Any(e => e.DependsOnUnknown)) throw new ArgumentException("the data of a condition cannot depend on the unknown");
            });
        }
        if (ExactSolution is not null)
        {
            Check("exact solution", () =>
            {
                if (ExactSolution.Rank != 1 || Components(ExactSolution) != m) throw new ArgumentException($"the exact solution of a system is a vector of {m} components");
                Lowering.Lower(ExactSolution, d);
            });
            if (ExactSolution.DependsOnUnknown) issues.Add("the exact solution must be a function of x and t only");
        }
        if (IsTimeDependent || Time is not null || Initial is not null) issues.Add("evolution problems are supported for scalar unknowns only; a system must be steady");
        if (Mean is not null) issues.Add("a prescribed mean is supported for scalar unknowns only");
        if (issues.Count > 0) throw new ProblemDefinitionException($"problem '{Name}': {string.Join("; ", issues)}");
        return this;
    }

    private ProblemDefinitionException Incomplete(string what) => new($"problem '{Name}' is incomplete: {what}");

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Equation}";
}
