namespace PdeNet.Core.Symbolic;

/// <summary>A real number.</summary>
public sealed class Constant(double value) : Leaf
{
    /// <summary>The number.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Constant)other).Value.Equals(Value);

    /// <inheritdoc/>
    protected override int NodeHash() => Value.GetHashCode();
}
