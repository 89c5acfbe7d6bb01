using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>
/// The Dirichlet condition u = g on the selected boundary. For a vector unknown (a system) g is
/// either a vector (every component held) or, with <see cref="Component"/>, the value of one
/// component (u_c = g, the others free: a roller or symmetry condition).
/// </summary>
/// <param name="Boundary">Where the condition holds.</param>
/// <param name="Value">The prescribed value g(x, t): a scalar, or a vector for a whole vector unknown.</param>
public sealed record Dirichlet(BoundarySelector Boundary, Expr Value) : PointwiseCondition(Boundary)
{
    /// <summary>For a vector unknown: the component (0-based) this condition holds; null for all of them (or for a scalar unknown).</summary>
    public int? Component { get; init; }

    /// <summary>u_c = <paramref name="value"/> on the parts named in a comma-separated list, for component <paramref name="component"/> (0-based) of a vector unknown.</summary>
    public static Dirichlet On(string parts, Expr value, int component) => On(BoundarySelector.Parts(parts), value, component);

    /// <summary>u_c = <paramref name="value"/> on <paramref name="boundary"/>, for component <paramref name="component"/> (0-based) of a vector unknown.</summary>
    public static Dirichlet On(BoundarySelector boundary, Expr value, int component)
    {
        if (component is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(component), component, "a vector unknown has components 0 to 2");
        return new(boundary, value) { Component = component };
    }

    /// <summary>Whether the condition holds component <paramref name="component"/> of the unknown.</summary>
    public bool Holds(int component) => Component is null || Component == component;

    /// <summary>u = <paramref name="value"/> on <paramref name="boundary"/>.</summary>
    public static Dirichlet On(BoundarySelector boundary, Expr value) => new(boundary, value);

    /// <summary>u = <paramref name="value"/> on the parts named in a comma-separated list.</summary>
    public static Dirichlet On(string parts, Expr value) => new(BoundarySelector.Parts(parts), value);

    /// <inheritdoc/>
    public override string Kind => "dirichlet";

    /// <inheritdoc/>
    public override IEnumerable<Expr> Expressions => [Value];

    /// <inheritdoc/>
    public override Expr Residual(Unknown u, int dimension) => u - Value;

    /// <inheritdoc/>
    protected override string Describe() => Component is { } c ? $"u[{c}] = {Value}" : $"u = {Value}";
}
