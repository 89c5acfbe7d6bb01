namespace PdeNet.Core.Symbolic;

/// <summary>The partial derivative ∂a/∂x_i or ∂a/∂t of a scalar or vector.</summary>
public sealed class Derivative : Expr
{
    private readonly Expr[] _children;

    internal Derivative(Expr operand, Expr variable)
    {
        if (variable is not (Coordinate or TimeVariable)) throw new ArgumentException($"derivatives are taken with respect to a coordinate or t, not {variable}");
        Variable = variable;
        _children = [operand];
    }

    /// <summary>The expression differentiated.</summary>
    public Expr Operand => _children[0];

    /// <summary>The coordinate x_i or the time t.</summary>
    public Expr Variable { get; }

    /// <inheritdoc/>
    public override int Rank => Operand.Rank;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => new Derivative(children[0], Variable);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Derivative)other).Variable.Equals(Variable);

    /// <inheritdoc/>
    protected override int NodeHash() => Variable.GetHashCode();
}
