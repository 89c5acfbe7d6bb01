using PdeNet.Operators.Data;
using PdeNet.Operators.Models;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// Picks the preset of a model family for a data set and fits its input and output sizes to the data:
/// DeepONet takes <c>deeponet-antiderivative</c> (MLP branch on the sensor values) for 1D fields and
/// <c>deeponet-darcy</c> (CNN branch) for 2D fields; MgNO takes <c>mgno-darcy</c>, LSM <c>lsm-darcy</c>
/// (2D fields only). A physics-informed operator (pi-sc, pi-hc, pi-hc-moe) has no preset: its FNO basis
/// network is <see cref="PhysicsInformedBasis"/> (1D fields) or <see cref="PhysicsInformedBasis3D"/> (2D fields)
/// and its grid the data set's (output times × space), whose first time must be the initial time; on 2D fields the initial
/// state is carried exactly (<see cref="PhysicsInformedOptions.LiftInitial"/>). The hidden layers stay the preset's; the branch width m (or the CNN's grid and
/// channels), the trunk's coordinate count, and the MgNO/LSM input and output channels come from the data.
/// </summary>
/// <param name="Preset">The preset the specification derives from.</param>
/// <param name="Spec">The preset's network with its sizes fitted to the data set.</param>
public sealed record OperatorModelChoice(OperatorPreset Preset, OperatorModelSpec Spec)
{
    /// <summary>The default preset name of <paramref name="kind"/> for <paramref name="dimension"/>-D fields.</summary>
    public static string DefaultPreset(OperatorKind kind, int dimension) => kind switch
    {
        OperatorKind.DeepOnet => dimension == 1 ? "deeponet-antiderivative" : "deeponet-darcy",
        OperatorKind.Mgno => "mgno-darcy",
        OperatorKind.Lsm => "lsm-darcy",
        OperatorKind.PhysicsInformed => throw new ArgumentException("physics-informed operators have no presets", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operator kind"),
    };

    /// <summary>
    /// The preset <paramref name="presetName"/> (or the default of <paramref name="kind"/>) fitted to
    /// <paramref name="data"/>.
    /// </summary>
    /// <param name="kind">The model family.</param>
    /// <param name="data">The data set the model will learn.</param>
    /// <param name="presetName">A preset of <see cref="OperatorPresets"/> of that family; null for the default.</param>
    /// <param name="what">How to name the data set in messages (its file).</param>
    /// <param name="variant">The constraint of a physics-informed operator; required for that kind, ignored otherwise.</param>
    /// <exception cref="ArgumentException">Unknown preset, a preset of another family, or a data set the family cannot take.</exception>
    public static OperatorModelChoice For(OperatorKind kind, OperatorDataset data, string? presetName, string what, PhysicsInformedVariant? variant = null)
    {
        if (kind == OperatorKind.PhysicsInformed) return PhysicsInformed(data, presetName, what, variant);
        var preset = OperatorPresets.Get(presetName ?? DefaultPreset(kind, data.Dimension));
        if (preset.Spec.Kind != kind)
            throw new ArgumentException($"preset '{preset.Name}' is a {preset.Spec.Kind} model, not {kind}; the {kind} presets are: " +
                string.Join(", ", OperatorPresets.All.Where(p => p.Spec.Kind == kind).Select(p => p.Name)), nameof(presetName));
        int channels = data.InputNames.Count, times = data.Times.Count;
        var spec = preset.Spec;
        spec = kind switch
        {
            OperatorKind.DeepOnet => spec with { DeepOnet = FitDeepOnet(spec.DeepOnet!, data, what) },
            OperatorKind.Mgno => spec with { Mgno = spec.Mgno! with { InChannels = channels, OutChannels = times } },
            OperatorKind.Lsm => spec with { Lsm = spec.Lsm! with { InChannels = channels, OutChannels = times } },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operator kind"),
        };
        DatasetTensors.Check(data, spec, what);
        return new OperatorModelChoice(preset, spec);
    }

    /// <summary>
    /// The basis network of the physics-informed operators: an FNO with 32 basis functions, width 16,
    /// 8 × 12 modes (t × x), 3 Fourier layers, projection width 64, padding 4: a reduction of the paper's
    /// FNO that a CPU trains in minutes on a 26 × 64 diffusion–sorption grid.
    /// </summary>
    public static FnoOptions PhysicsInformedBasis { get; } = new(1, 32, Width: 16, Modes1: 8, Modes2: 12, Layers: 3, ProjectionWidth: 64, Padding: 4);

    /// <summary>
    /// The basis network of the physics-informed operators on a (t, x, y) grid: an FNO over three axes with 32 basis
    /// functions, width 12, 4 × 6 × 6 modes, 3 Fourier layers, projection width 64, padding 2: a reduction of the paper's
    /// FNO3d (64 channels, 8 modes) that a CPU trains on an 11 × 16 × 16 Navier–Stokes grid.
    /// </summary>
    public static FnoOptions PhysicsInformedBasis3D { get; } = new(1, 32, Width: 12, Modes1: 4, Modes2: 6, Modes3: 6, Layers: 3, ProjectionWidth: 64, Padding: 2);

    private static OperatorModelChoice PhysicsInformed(OperatorDataset data, string? presetName, string what, PhysicsInformedVariant? variant)
    {
        if (variant is null) throw new ArgumentException("a physics-informed operator needs its constraint (pi-sc, pi-hc or pi-hc-moe)", nameof(variant));
        if (presetName is not null) throw new ArgumentException($"physics-informed operators have no presets (got --preset {presetName}); their basis network is fixed", nameof(presetName));
        if (data.Dimension is < 1 or > 2) throw new ArgumentException($"{what} has {data.Dimension}D fields; the physics-informed operators take 1D or 2D fields with output times", nameof(data));
        if (data.InputNames.Count != 1) throw new ArgumentException($"{what} has {data.InputNames.Count} input fields; a physics-informed operator takes one, the initial state", nameof(data));
        string problem = data.Attributes.GetValueOrDefault("problem") as string ?? throw new ArgumentException($"{what} does not name its problem", nameof(data));
        int nt = data.Times.Count;
        var basis = FitBasis(nt, data.GridShape);
        var axes = Enumerable.Range(0, data.Dimension).Select(a => data.Coordinates[a].ToArray()).ToArray();
        // On (t, x, y) grids the initial state is built in (u = u₀ + m(t) Σ w_k b_k), as in the paper's Navier–Stokes model:
        // N basis functions cannot represent a random 2D initial state through rows alone.
        var options = new PhysicsInformedOptions(problem, data.Times.ToArray(), axes, basis, variant.Constraint, variant.Experts, LiftInitial: data.Dimension == 2);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{what}: {e.Message}", nameof(data), e);
        }
        var spec = OperatorModelSpec.Of(options);
        string description = $"{options.Name}: FNO basis network ({basis.OutChannels} basis functions) on the {string.Join(" x ", options.GridShape)} " +
            $"({(options.Dimension == 1 ? "t, x" : "t, x, y")}) grid of the data set" +
            (options.ExpertSplits is { } splits ? $", {variant.Experts} experts ({string.Join(" x ", splits.Skip(1))} in space)" : "");
        return new OperatorModelChoice(new OperatorPreset(options.Name, description, spec, 0), spec);
    }

    /// <summary>
    /// <see cref="PhysicsInformedBasis"/> (1D space) or <see cref="PhysicsInformedBasis3D"/> (2D space) with its modes capped at
    /// what the padded (nt, n_1[, n_2]) grid holds.
    /// </summary>
    /// <param name="nt">Output times.</param>
    /// <param name="space">Points per space axis (one or two axes).</param>
    public static FnoOptions FitBasis(int nt, IReadOnlyList<int> space)
    {
        var b = space.Count == 1 ? PhysicsInformedBasis : PhysicsInformedBasis3D;
        int pad = b.Padding;
        if (space.Count == 1) return b with { Modes1 = Math.Min(b.Modes1, (nt + pad) / 2), Modes2 = Math.Min(b.Modes2, (space[0] + pad) / 2 + 1) };
        return b with { Modes1 = Math.Min(b.Modes1, (nt + pad) / 2), Modes2 = Math.Min(b.Modes2, (space[0] + pad) / 2), Modes3 = Math.Min(b.Modes3!.Value, (space[1] + pad) / 2 + 1) };
    }

    private static DeepOnetOptions FitDeepOnet(DeepOnetOptions options, OperatorDataset data, string what)
    {
        int[] trunk = [DatasetTensors.TrunkDimension(data), .. options.Trunk[1..]];
        if (options.Cnn is { } cnn)
        {
            if (data.Dimension != 2)
                throw new ArgumentException($"{what} has {data.Dimension}D fields; a CNN branch needs 2D fields (use a DeepONet preset with an MLP branch)", nameof(data));
            // CnnBranch itself refuses a grid too small for its convolutions.
            var fitted = cnn with { Height = data.GridShape[0], Width = data.GridShape[1], InChannels = data.InputNames.Count };
            return options with { Branch = [data.GridSize, .. options.Branch[1..]], Trunk = trunk, Cnn = fitted };
        }
        return options with { Branch = [data.InputNames.Count * data.GridSize, .. options.Branch[1..]], Trunk = trunk };
    }
}
