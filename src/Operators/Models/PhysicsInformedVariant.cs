namespace PdeNet.Operators.Models;

/// <summary>Which physics-informed operator to train: the constraint and, for the mixture of experts, K.</summary>
/// <param name="Constraint">Soft or hard.</param>
/// <param name="Experts">K experts along x for pi-hc-moe; null for pi-sc and pi-hc.</param>
public sealed record PhysicsInformedVariant(ConstraintKind Constraint, int? Experts = null)
{
    /// <summary>The command-line names: pi-sc, pi-hc, pi-hc-moe.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pi-sc", "pi-hc", "pi-hc-moe"];

    /// <summary>pi-sc, pi-hc, or pi-hc-moe (experts given, even K = 1).</summary>
    public string Name => Constraint == ConstraintKind.Soft ? "pi-sc" : Experts is null ? "pi-hc" : "pi-hc-moe";

    /// <summary>Experts of pi-hc-moe when none are given: 4 along x, the paper's diffusion–sorption split.</summary>
    public const int DefaultExperts = 4;

    /// <summary>The variant called <paramref name="name"/>, with <paramref name="experts"/> for pi-hc-moe.</summary>
    /// <param name="name">pi-sc, pi-hc or pi-hc-moe (case-insensitive).</param>
    /// <param name="experts">K ≥ 1 for pi-hc-moe (null for <see cref="DefaultExperts"/>); must be null for the others.</param>
    /// <exception cref="ArgumentException">Unknown name, or experts given to a model without them.</exception>
    public static PhysicsInformedVariant Parse(string name, int? experts)
    {
        ArgumentNullException.ThrowIfNull(name);
        var variant = name.ToLowerInvariant() switch
        {
            "pi-sc" => new PhysicsInformedVariant(ConstraintKind.Soft),
            "pi-hc" => new PhysicsInformedVariant(ConstraintKind.Hard),
            "pi-hc-moe" => new PhysicsInformedVariant(ConstraintKind.Hard, experts ?? DefaultExperts),
            _ => throw new ArgumentException($"unknown physics-informed model '{name}'; the models are: {string.Join(", ", Names)}", nameof(name)),
        };
        if (experts is not null && variant.Experts is null)
            throw new ArgumentException($"--experts applies to pi-hc-moe only, not to {name.ToLowerInvariant()}", nameof(experts));
        if (variant.Experts is < 1) throw new ArgumentOutOfRangeException(nameof(experts), experts, "--experts must be at least 1");
        return variant;
    }
}
