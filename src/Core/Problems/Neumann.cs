using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>The Neumann condition ∂u/∂n = g on the selected boundary (n the unit outward normal).</summary>
/// <param name="Boundary">Where the condition holds.</param>
/// <param name="Value">The prescribed normal derivative g(x, t).</param>
public sealed record Neumann(BoundarySelector Boundary, Expr Value) : NaturalCondition(Boundary)
{
    /// <summary>∂u/∂n = <paramref name="value"/> on <paramref name="boundary"/>.</summary>
    public static Neumann On(BoundarySelector boundary, Expr value) => new(boundary, value);

    /// <summary>∂u/∂n = <paramref name="value"/> on the parts named in a comma-separated list.</summary>
    public static Neumann On(string parts, Expr value) => new(BoundarySelector.Parts(parts), value);

    /// <inheritdoc/>
    public override string Kind => "neumann";

    /// <inheritdoc/>
    public override IEnumerable<Expr> Expressions => [Value];

    /// <inheritdoc/>
    public override Expr NormalDerivative(Unknown u) => Value;

    /// <inheritdoc/>
    protected override string Describe() => $"du/dn = {Value}";
}
