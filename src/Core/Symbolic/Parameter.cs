namespace PdeNet.Core.Symbolic;

/// <summary>
/// A named number of the problem (for example the convection speed β or the diffusivity k) with
/// a default value that a user can override per run. Parameters compare by name.
/// </summary>
public sealed class Parameter : Leaf
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">Identifier, letters, digits and '_' (starting with a letter).</param>
    /// <param name="defaultValue">The value used unless overridden.</param>
    /// <param name="description">What the parameter means, shown by <c>pdenet list</c>.</param>
    /// <param name="units">Physical unit, empty when dimensionless.</param>
    public Parameter(string name, double defaultValue, string description = "", string units = "")
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new ArgumentException($"parameter name '{name}' must start with a letter and use letters, digits and '_'", nameof(name));
        if (!double.IsFinite(defaultValue)) throw new ArgumentOutOfRangeException(nameof(defaultValue), defaultValue, $"parameter '{name}' needs a finite default");
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
        Units = units;
    }

    /// <summary>Identifier.</summary>
    public string Name { get; }

    /// <summary>The value used unless overridden.</summary>
    public double DefaultValue { get; }

    /// <summary>What the parameter means.</summary>
    public string Description { get; }

    /// <summary>Physical unit.</summary>
    public string Units { get; }

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Parameter)other).Name == Name;

    /// <inheritdoc/>
    protected override int NodeHash() => Name.GetHashCode(StringComparison.Ordinal);
}
