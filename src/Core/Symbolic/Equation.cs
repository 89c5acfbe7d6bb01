namespace PdeNet.Core.Symbolic;

/// <summary>
/// An equation lhs = rhs, written <c>lhs == rhs</c>: between scalars, or between vectors for a
/// system (one scalar equation per component, <see cref="Components"/>), for example the
/// equilibrium -div σ(u) = f of linear elasticity.
/// </summary>
public sealed class Equation
{
    /// <summary>Creates the equation; both sides must be scalars, or both vectors.</summary>
    public Equation(Expr lhs, Expr rhs)
    {
        if (lhs.Rank != rhs.Rank) throw new ArgumentException($"an equation relates two scalars or two vectors; got ranks {lhs.Rank} and {rhs.Rank} in {lhs} = {rhs}");
        Lhs = lhs;
        Rhs = rhs;
    }

    /// <summary>Left-hand side.</summary>
    public Expr Lhs { get; }

    /// <summary>Right-hand side.</summary>
    public Expr Rhs { get; }

    /// <summary>The residual R = lhs - rhs, which the solution makes zero.</summary>
    public Expr Residual => Lhs - Rhs;

    /// <summary>True for a vector equation (a system).</summary>
    public bool IsSystem => Lhs.Rank == 1;

    /// <summary>
    /// The scalar equations: this one for a scalar equation, one per component for a vector
    /// equation in <paramref name="dimension"/> dimensions (split without lowering, so div(...)
    /// terms stay divergences).
    /// </summary>
    /// <exception cref="ArgumentException">The sides have different numbers of components, or a side is not built componentwise.</exception>
    public IReadOnlyList<Equation> Components(int dimension)
    {
        if (!IsSystem) return [this];
        var (left, right) = (VectorComponents.Of(Lhs, dimension), VectorComponents.Of(Rhs, dimension));
        if (left.Count != right.Count) throw new ArgumentException($"the sides of {this} have {left.Count} and {right.Count} components");
        return left.Zip(right, (a, b) => new Equation(a, b)).ToArray();
    }

    /// <summary>Substitutes nodes on both sides.</summary>
    public Equation Replace(Func<Expr, Expr?> map) => new(Lhs.Replace(map), Rhs.Replace(map));

    /// <inheritdoc/>
    public override string ToString() => $"{Lhs} = {Rhs}";
}
