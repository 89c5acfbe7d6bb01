namespace PdeNet.Core.Symbolic;

/// <summary>
/// A named function of x, t (and possibly u), such as a diffusivity k(x) or a source f(x, t):
/// printed by its name, evaluated and differentiated through its definition.
/// </summary>
public sealed class Coefficient : Expr
{
    private readonly Expr[] _children;

    /// <summary>Names <paramref name="definition"/> as <paramref name="name"/>.</summary>
    public Coefficient(string name, Expr definition)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("a coefficient needs a name", nameof(name));
        Name = name;
        _children = [definition];
    }

    /// <summary>The name shown in printed equations.</summary>
    public string Name { get; }

    /// <summary>The expression the name stands for.</summary>
    public Expr Definition => _children[0];

    /// <inheritdoc/>
    public override int Rank => Definition.Rank;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;

    /// <inheritdoc/>
    public override Expr WithChildren(IReadOnlyList<Expr> children) => new Coefficient(Name, children[0]);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Coefficient)other).Name == Name;

    /// <inheritdoc/>
    protected override int NodeHash() => Name.GetHashCode(StringComparison.Ordinal);
}
