namespace PdeNet.Core.Symbolic;

/// <summary>
/// A node of a symbolic expression: a scalar (rank 0) or a vector (rank 1) built from numbers,
/// parameters, coordinates, time, the unknown and its derivatives, named coefficients, elementary
/// functions and the differential operators grad, div, ∂/∂x_i and ∂/∂t. Expressions are immutable
/// and compare structurally. Arithmetic operators build new nodes and fold trivial cases
/// (0 + a = a, 1·a = a, constants). Writing <c>lhs == rhs</c> builds an <see cref="Equation"/>.
/// </summary>
#pragma warning disable CS0660, CS0661 // Equals and GetHashCode are overridden below through the structural members.
public abstract partial class Expr : IEquatable<Expr>
#pragma warning restore CS0660, CS0661
{
    private int _hash;

    /// <summary>0 for a scalar, 1 for a vector.</summary>
    public abstract int Rank { get; }

    /// <summary>The operands of this node (empty for leaves).</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>The same kind of node over new operands, simplified where trivial.</summary>
    public abstract Expr WithChildren(IReadOnlyList<Expr> children);

    /// <summary>Whether <paramref name="other"/> is the same kind of node with the same own data
    /// (operands are compared separately).</summary>
    protected abstract bool SameNode(Expr other);

    /// <summary>A hash of the node's own data (not of its operands).</summary>
    protected abstract int NodeHash();

    /// <summary>This node and all nodes below it, parents before children.</summary>
    public IEnumerable<Expr> Nodes()
    {
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (int i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
        }
    }

    /// <summary>
    /// Rebuilds the expression bottom-up, replacing every node for which <paramref name="map"/>
    /// returns a non-null expression (the replacement is not visited again).
    /// </summary>
    public Expr Replace(Func<Expr, Expr?> map)
    {
        var replaced = map(this);
        if (replaced is not null) return replaced;
        if (Children.Count == 0) return this;
        var children = new Expr[Children.Count];
        bool changed = false;
        for (int i = 0; i < children.Length; i++)
        {
            children[i] = Children[i].Replace(map);
            changed |= !ReferenceEquals(children[i], Children[i]);
        }
        return changed ? WithChildren(children) : this;
    }

    /// <summary>True when the expression contains a node matching <paramref name="predicate"/>.</summary>
    public bool Contains(Func<Expr, bool> predicate) => Nodes().Any(predicate);

    /// <summary>True when the expression involves the unknown or one of its derivatives.</summary>
    public bool DependsOnUnknown => Contains(n => n is Unknown);

    /// <summary>True for the number <paramref name="value"/>.</summary>
    public bool IsConstant(double value) => this is Constant c && c.Value == value;

    /// <inheritdoc/>
    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.GetType() != GetType() || other.GetHashCode() != GetHashCode() || !SameNode(other)) return false;
        if (Children.Count != other.Children.Count) return false;
        for (int i = 0; i < Children.Count; i++)
        {
            if (!Children[i].Equals(other.Children[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is Expr other && Equals(other);

    /// <inheritdoc/>
    public sealed override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        var hash = new HashCode();
        hash.Add(GetType());
        hash.Add(NodeHash());
        foreach (var child in Children) hash.Add(child.GetHashCode());
        int value = hash.ToHashCode();
        return _hash = value == 0 ? 1 : value;
    }

    /// <summary>The expression as one would write it, for example <c>-div(k*grad(u)) - f</c>.</summary>
    public sealed override string ToString() => ExpressionPrinter.Print(this);

    /// <summary>A number as an expression.</summary>
    public static implicit operator Expr(double value) => new Constant(value);

    /// <summary>Sum a + b (scalars or vectors of equal rank).</summary>
    public static Expr operator +(Expr a, Expr b) => Add(a, b);

    /// <summary>Difference a - b.</summary>
    public static Expr operator -(Expr a, Expr b) => Subtract(a, b);

    /// <summary>Product a·b (at most one operand a vector).</summary>
    public static Expr operator *(Expr a, Expr b) => Multiply(a, b);

    /// <summary>Quotient a / b (b scalar).</summary>
    public static Expr operator /(Expr a, Expr b) => Divide(a, b);

    /// <summary>Negation -a.</summary>
    public static Expr operator -(Expr a) => Negate(a);

    /// <summary>The equation lhs = rhs.</summary>
    public static Equation operator ==(Expr lhs, Expr rhs) => new(lhs, rhs);

    /// <summary>Not an operation on expressions: compare with <see cref="Equals(Expr)"/>.</summary>
    [Obsolete("'!=' is not defined for expressions; use !a.Equals(b).", error: true)]
    public static Equation operator !=(Expr lhs, Expr rhs) => throw new NotSupportedException();
}
