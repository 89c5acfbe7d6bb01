using PdeNet.Neural;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// Which network to build, with its configuration: exactly the options record matching
/// <paramref name="Kind"/> is set. Saved in every model file, so a file rebuilds its network.
/// </summary>
/// <param name="Kind">The family.</param>
/// <param name="DeepOnet">DeepONet options, when <paramref name="Kind"/> is DeepOnet.</param>
/// <param name="Mgno">MgNO options, when <paramref name="Kind"/> is Mgno.</param>
/// <param name="Lsm">LSM options, when <paramref name="Kind"/> is Lsm.</param>
/// <param name="PhysicsInformed">Physics-informed operator options, when <paramref name="Kind"/> is PhysicsInformed.</param>
/// <param name="Precision">Parameter precision. Float64 by default: with libtorch-cpu 2.10 (TorchSharp 0.107) the float32
/// gradient of a convolution with respect to its input was measured wrong (NaN or 60% off), while float64 matches
/// finite differences; see docs/operators.md.</param>
public sealed record OperatorModelSpec(OperatorKind Kind, DeepOnetOptions? DeepOnet = null, MgnoOptions? Mgno = null, LsmOptions? Lsm = null,
    PhysicsInformedOptions? PhysicsInformed = null, Precision Precision = Precision.Float64)
{
    /// <summary>A DeepONet specification.</summary>
    public static OperatorModelSpec Of(DeepOnetOptions options) => new(OperatorKind.DeepOnet, DeepOnet: options);

    /// <summary>An MgNO specification.</summary>
    public static OperatorModelSpec Of(MgnoOptions options) => new(OperatorKind.Mgno, Mgno: options);

    /// <summary>An LSM specification.</summary>
    public static OperatorModelSpec Of(LsmOptions options) => new(OperatorKind.Lsm, Lsm: options);

    /// <summary>A physics-informed operator specification.</summary>
    public static OperatorModelSpec Of(PhysicsInformedOptions options) => new(OperatorKind.PhysicsInformed, PhysicsInformed: options);

    /// <summary>The model's name in reports and files: the family in lower case ("mgno"), or pi-sc, pi-hc, pi-hc-moe.</summary>
    public string Name => Kind == OperatorKind.PhysicsInformed && PhysicsInformed is { } p ? p.Name : Kind.ToString().ToLowerInvariant();

    /// <summary>Builds the network with weights drawn from libtorch's generator (seed it first).</summary>
    /// <exception cref="ArgumentException">The options for <see cref="Kind"/> are missing.</exception>
    public OperatorNetwork Build()
    {
        var previous = get_default_dtype();
        set_default_dtype(Precision.ScalarType());
        try
        {
            return Kind switch
            {
                OperatorKind.DeepOnet => new DeepOnet(DeepOnet ?? throw Missing()),
                OperatorKind.Mgno => new Mgno(Mgno ?? throw Missing()),
                OperatorKind.Lsm => new Lsm(Lsm ?? throw Missing()),
                OperatorKind.PhysicsInformed => OperatorNetworkBuilders.Build(this with { PhysicsInformed = PhysicsInformed ?? throw Missing() }),
                _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown operator kind"),
            };
        }
        finally
        {
            set_default_dtype(previous);
        }
    }

    private ArgumentException Missing() => new($"the specification of kind {Kind} has no {Kind} options", nameof(Kind));
}
