namespace PdeNet.Core.Symbolic;

/// <summary>An equation lhs = rhs between scalar expressions, written <c>lhs == rhs</c>.</summary>
public sealed class Equation
{
    /// <summary>Creates the equation; both sides must be scalars.</summary>
    public Equation(Expr lhs, Expr rhs)
    {
        if (lhs.Rank != 0 || rhs.Rank != 0) throw new ArgumentException($"an equation relates scalars; got ranks {lhs.Rank} and {rhs.Rank} in {lhs} = {rhs}");
        Lhs = lhs;
        Rhs = rhs;
    }

    /// <summary>Left-hand side.</summary>
    public Expr Lhs { get; }

    /// <summary>Right-hand side.</summary>
    public Expr Rhs { get; }

    /// <summary>The residual R = lhs - rhs, which the solution makes zero.</summary>
    public Expr Residual => Lhs - Rhs;

    /// <summary>Substitutes nodes on both sides.</summary>
    public Equation Replace(Func<Expr, Expr?> map) => new(Lhs.Replace(map), Rhs.Replace(map));

    /// <inheritdoc/>
    public override string ToString() => $"{Lhs} = {Rhs}";
}
