namespace PdeNet.Core.Symbolic;

/// <summary>A function of one argument, f(a).</summary>
public sealed class Unary : Expr
{
    private readonly Expr[] _children;

    internal Unary(UnaryFunction function, Expr argument)
    {
        if (function != UnaryFunction.Negate && argument.Rank != 0)
            throw new ArgumentException($"{function.ToString().ToLowerInvariant()} takes a scalar; got the vector {argument}");
        Function = function;
        _children = [argument];
    }

    /// <summary>The function applied.</summary>
    public UnaryFunction Function { get; }

    /// <summary>The argument a.</summary>
    public Expr Argument => _children[0];

    /// <inheritdoc/>
    public override int Rank => Argument.Rank;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => Apply(Function, children[0]);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Unary)other).Function == Function;

    /// <inheritdoc/>
    protected override int NodeHash() => (int)Function;
}
