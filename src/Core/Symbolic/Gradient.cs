namespace PdeNet.Core.Symbolic;

/// <summary>The gradient grad(a) = (∂a/∂x_1, ..., ∂a/∂x_d) of a scalar.</summary>
public sealed class Gradient : Expr
{
    private readonly Expr[] _children;

    internal Gradient(Expr operand)
    {
        if (operand.Rank != 0) throw new ArgumentException($"grad takes a scalar; got the vector {operand}");
        _children = [operand];
    }

    /// <summary>The scalar differentiated.</summary>
    public Expr Operand => _children[0];

    /// <inheritdoc/>
    public override int Rank => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => new Gradient(children[0]);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => true;

    /// <inheritdoc/>
    protected override int NodeHash() => 0;
}
