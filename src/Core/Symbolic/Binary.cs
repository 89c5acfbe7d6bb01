namespace PdeNet.Core.Symbolic;

/// <summary>An operation on two arguments, a ∘ b.</summary>
public sealed class Binary : Expr
{
    private readonly Expr[] _children;

    internal Binary(BinaryOperator op, Expr left, Expr right)
    {
        Rank = RankOf(op, left, right);
        Operator = op;
        _children = [left, right];
    }

    /// <summary>The operation.</summary>
    public BinaryOperator Operator { get; }

    /// <summary>The left argument a.</summary>
    public Expr Left => _children[0];

    /// <summary>The right argument b.</summary>
    public Expr Right => _children[1];

    /// <inheritdoc/>
    public override int Rank { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => Apply(Operator, children[0], children[1]);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Binary)other).Operator == Operator;

    /// <inheritdoc/>
    protected override int NodeHash() => (int)Operator;

    private static int RankOf(BinaryOperator op, Expr a, Expr b)
    {
        string? problem = op switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract when a.Rank != b.Rank => "cannot add or subtract a scalar and a vector",
            BinaryOperator.Multiply when a.Rank + b.Rank > 1 => "cannot multiply two vectors; use Dot",
            BinaryOperator.Divide when b.Rank != 0 => "cannot divide by a vector",
            BinaryOperator.Dot when a.Rank != 1 || b.Rank != 1 => "dot needs two vectors",
            BinaryOperator.Power or BinaryOperator.Atan2 when a.Rank != 0 || b.Rank != 0 => $"{op.ToString().ToLowerInvariant()} needs scalars",
            _ => null,
        };
        if (problem is not null) throw new ArgumentException($"{problem}: {a} (rank {a.Rank}) and {b} (rank {b.Rank})");
        return op switch
        {
            BinaryOperator.Multiply => a.Rank + b.Rank,
            BinaryOperator.Dot or BinaryOperator.Power or BinaryOperator.Atan2 => 0,
            _ => a.Rank,
        };
    }
}
