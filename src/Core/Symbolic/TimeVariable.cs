namespace PdeNet.Core.Symbolic;

/// <summary>The time t.</summary>
public sealed class TimeVariable : Leaf
{
    /// <summary>The one time variable.</summary>
    public static TimeVariable Instance { get; } = new();

    private TimeVariable()
    {
    }

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => true;

    /// <inheritdoc/>
    protected override int NodeHash() => 0;
}
