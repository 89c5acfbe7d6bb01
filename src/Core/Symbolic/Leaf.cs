namespace PdeNet.Core.Symbolic;

/// <summary>A node without operands.</summary>
public abstract class Leaf : Expr
{
    /// <inheritdoc/>
    public override int Rank => 0;

    /// <inheritdoc/>
    public sealed override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc/>
    public sealed override Expr WithChildren(IReadOnlyList<Expr> children) => this;
}
