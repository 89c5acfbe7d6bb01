using PdeNet.Neural;

namespace PdeNet.Operators.Models;

/// <summary>
/// The paper configurations by name. Official parameter counts are those of the same layer
/// definitions in the released code (lululxvi/deeponet, lu-group/deeponet-fno, xlliu2017/MgNO,
/// thuml/Latent-Spectral-Models), counted layer by layer.
/// </summary>
public static class OperatorPresets
{
    /// <summary>Every preset, in a fixed order.</summary>
    public static IReadOnlyList<OperatorPreset> All { get; } =
    [
        new("deeponet-antiderivative",
            "unstacked DeepONet of the antiderivative example: branch [100, 40, 40], trunk [1, 40, 40], ReLU, bias b0 (lululxvi/deeponet)",
            OperatorModelSpec.Of(new DeepOnetOptions([100, 40, 40], [1, 40, 40])), 7_401),
        new("deeponet-stacked-antiderivative",
            "stacked DeepONet: 40 branch networks [100, 40, 1], trunk [1, 40, 40], ReLU, bias b0 (DeepXDE stacked=True)",
            OperatorModelSpec.Of(new DeepOnetOptions([100, 40, 40], [1, 40, 40], Variant: DeepOnetVariant.Stacked)), 164_961),
        new("deeponet-darcy",
            "Cartesian-product DeepONet for Darcy on 29x29: CNN branch Conv(64,5x5,s2)-Conv(128,5x5,s2)-Dense128-Dense128, trunk [2,128,128,128,128] (lu-group/deeponet-fno)",
            OperatorModelSpec.Of(new DeepOnetOptions([29 * 29, 128], [2, 128, 128, 128, 128], Cnn: new CnnBranchOptions(29, 29, 1, [64, 128], 5, 2, [128, 128]))), 682_753),
        new("mgno-darcy",
            "MgNO for Darcy (rough): 4 layers, 24 channels, 6 levels, one pre-smoothing per level and two at the coarsest, zero padding (xlliu2017/MgNO, MgNO_DC)",
            OperatorModelSpec.Of(new MgnoOptions(1, 1, 24, 4, [1, 1, 1, 1, 1, 2])), 572_661),
        new("mgno-periodic",
            "the mgno-darcy layers with circular padding, for periodic problems",
            OperatorModelSpec.Of(new MgnoOptions(1, 1, 24, 4, [1, 1, 1, 1, 1, 2], Padding: MgnoPadding.Circular)), 572_661),
        new("lsm-darcy",
            "Latent Spectral Model for Darcy 85x85: width 64, 12 bases, 4 tokens, 6x6 patches, padding 11 (thuml/Latent-Spectral-Models)",
            OperatorModelSpec.Of(new LsmOptions(1, 1, 64, 12, 4, 6)), 19_187_457),
    ];

    /// <summary>Names of the presets.</summary>
    public static IEnumerable<string> Names => All.Select(p => p.Name);

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists them.</exception>
    public static OperatorPreset Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"unknown model preset '{name}'; the presets are: {string.Join(", ", Names)}", nameof(name));
}
