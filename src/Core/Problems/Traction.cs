using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>
/// The natural condition of a system written in divergence form, -div σ(u) + ... = f: the
/// conormal flux σ(u) n = g on the selected boundary (n the unit outward normal). For linear
/// elasticity it is the surface traction; g = 0 is a free surface, which is also what a boundary
/// part without any condition gets. A finite-element solver builds it into the weak form as
/// ∫ g·v ds.
/// </summary>
/// <param name="Boundary">Where the condition holds.</param>
/// <param name="Value">The prescribed traction g(x, t), a vector with one entry per component of the unknown.</param>
public sealed record Traction(BoundarySelector Boundary, Expr Value) : BoundaryCondition(Boundary)
{
    /// <summary>σ n = <paramref name="value"/> on <paramref name="boundary"/>.</summary>
    public static Traction On(BoundarySelector boundary, Expr value) => new(boundary, value);

    /// <summary>σ n = <paramref name="value"/> on the parts named in a comma-separated list.</summary>
    public static Traction On(string parts, Expr value) => new(BoundarySelector.Parts(parts), value);

    /// <inheritdoc/>
    public override string Kind => "traction";

    /// <inheritdoc/>
    public override IEnumerable<Expr> Expressions => [Value];

    /// <inheritdoc/>
    protected override string Describe() => $"sigma*n = {Value}";
}
