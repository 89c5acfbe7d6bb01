namespace PdeNet.Core.Symbolic;

/// <summary>The divergence div(v) = Σ ∂v_i/∂x_i of a vector.</summary>
public sealed class Divergence : Expr
{
    private readonly Expr[] _children;

    internal Divergence(Expr operand)
    {
        if (operand.Rank != 1) throw new ArgumentException($"div takes a vector; got the scalar {operand}");
        _children = [operand];
    }

    /// <summary>The vector differentiated.</summary>
    public Expr Operand => _children[0];

    /// <inheritdoc/>
    public override int Rank => 0;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => new Divergence(children[0]);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => true;

    /// <inheritdoc/>
    protected override int NodeHash() => 0;
}
