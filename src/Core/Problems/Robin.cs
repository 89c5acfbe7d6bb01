using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>The Robin condition ∂u/∂n + αu = g on the selected boundary.</summary>
/// <param name="Boundary">Where the condition holds.</param>
/// <param name="Alpha">The coefficient α(x, t).</param>
/// <param name="Value">The right-hand side g(x, t).</param>
public sealed record Robin(BoundarySelector Boundary, Expr Alpha, Expr Value) : NaturalCondition(Boundary)
{
    /// <summary>∂u/∂n + <paramref name="alpha"/> u = <paramref name="value"/> on <paramref name="boundary"/>.</summary>
    public static Robin On(BoundarySelector boundary, Expr alpha, Expr value) => new(boundary, alpha, value);

    /// <summary>∂u/∂n + <paramref name="alpha"/> u = <paramref name="value"/> on the parts named in a comma-separated list.</summary>
    public static Robin On(string parts, Expr alpha, Expr value) => new(BoundarySelector.Parts(parts), alpha, value);

    /// <inheritdoc/>
    public override string Kind => "robin";

    /// <inheritdoc/>
    public override IEnumerable<Expr> Expressions => [Alpha, Value];

    /// <inheritdoc/>
    public override Expr NormalDerivative(Unknown u) => Value - Alpha * u;

    /// <inheritdoc/>
    protected override string Describe() => $"du/dn + {Alpha}*u = {Value}";
}
