using PdeNet.Core.Symbolic;

namespace PdeNet.Core.Problems;

/// <summary>The initial condition u(x, t0) = u0(x).</summary>
/// <param name="Value">The initial state u0(x).</param>
public sealed record InitialCondition(Expr Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"u(x, t0) = {Value}";
}
