namespace PdeNet.Core.Symbolic;

/// <summary>A vector (v_1, ..., v_d) of scalar components.</summary>
public sealed class VectorExpr : Expr
{
    private readonly Expr[] _children;

    internal VectorExpr(IReadOnlyList<Expr> components)
    {
        if (components.Count is < 1 or > 3) throw new ArgumentException($"a vector has 1 to 3 components, got {components.Count}");
        if (components.Any(c => c.Rank != 0)) throw new ArgumentException("vector components must be scalars");
        _children = components.ToArray();
    }

    /// <summary>The components.</summary>
    public IReadOnlyList<Expr> Components => _children;

    /// <inheritdoc/>
    public override int Rank => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => new VectorExpr(children);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => true;

    /// <inheritdoc/>
    protected override int NodeHash() => _children.Length;
}
