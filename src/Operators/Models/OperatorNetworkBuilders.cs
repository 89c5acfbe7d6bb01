using System.Collections.Concurrent;

namespace PdeNet.Operators.Models;

/// <summary>
/// Builders of the operator kinds whose networks live outside this assembly: a physics-informed operator
/// needs its problem's constraint rows (PdeNet.Pinns and the problem library), which this assembly
/// does not reference. The assembly that knows how registers its builder once at start-up; specifications
/// and saved models of that kind then build like any other.
/// </summary>
public static class OperatorNetworkBuilders
{
    private static readonly ConcurrentDictionary<OperatorKind, Func<OperatorModelSpec, OperatorNetwork>> Builders = new();

    /// <summary>Registers (or replaces) the builder of <paramref name="kind"/>.</summary>
    public static void Register(OperatorKind kind, Func<OperatorModelSpec, OperatorNetwork> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (kind is OperatorKind.DeepOnet or OperatorKind.Mgno or OperatorKind.Lsm)
            throw new ArgumentException($"{kind} networks are built by this assembly", nameof(kind));
        Builders[kind] = build;
    }

    /// <summary>Builds the network of <paramref name="spec"/> with its kind's registered builder.</summary>
    /// <exception cref="InvalidOperationException">No builder is registered for the kind.</exception>
    public static OperatorNetwork Build(OperatorModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Builders.TryGetValue(spec.Kind, out var build))
            throw new InvalidOperationException($"no builder is registered for {spec.Kind} networks; register one with OperatorNetworkBuilders.Register " +
                "(physics-informed operators: PdeNet.Pinns.HardConstraints.PhysicsInformedOperators.Register)");
        return build(spec);
    }
}
