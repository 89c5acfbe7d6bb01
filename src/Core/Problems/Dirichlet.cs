using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>The Dirichlet condition u = g on the selected boundary.</summary>
/// <param name="Boundary">Where the condition holds.</param>
/// <param name="Value">The prescribed value g(x, t).</param>
public sealed record Dirichlet(BoundarySelector Boundary, Expr Value) : PointwiseCondition(Boundary)
{
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
    protected override string Describe() => $"u = {Value}";
}
