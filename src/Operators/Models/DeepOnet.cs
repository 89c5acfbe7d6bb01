using PdeNet.Neural;
using PdeNet.Operators.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// DeepONet (Lu, Jin, Karniadakis 2021) in the Cartesian-product form: one branch pass per input
/// function and one trunk pass per output grid, G(u)(y) = Σ_k b_k(u) t_k(y) + b₀.
/// <see cref="Forward"/> maps branch input (batch, m) — or (batch, C_in, H, W) with a CNN branch — and
/// trunk coordinates (P, d) to (batch, P); <see cref="ForwardPaired"/> evaluates one point per function.
/// </summary>
public sealed class DeepOnet : OperatorNetwork
{
    private readonly nn.Module<Tensor, Tensor> _branch;
    private readonly Mlp _trunk;
    private readonly Parameter? _b0;

    /// <summary>Builds the network; weights come from libtorch's generator (seed it first).</summary>
    public DeepOnet(DeepOnetOptions options) : base(nameof(DeepOnet))
    {
        Options = options;
        if (options.Trunk.Length < 2) throw new ArgumentException("trunk widths need at least [d, p]", nameof(options));
        int p = options.Trunk[^1];
        if (options.Cnn is { } cnn)
        {
            if (cnn.Dense[^1] != p) throw new ArgumentException($"the CNN branch ends with {cnn.Dense[^1]} features but the trunk with {p}; they must agree", nameof(options));
            if (options.Variant != DeepOnetVariant.Unstacked) throw new ArgumentException("a CNN branch is unstacked", nameof(options));
            _branch = new CnnBranch(cnn);
        }
        else
        {
            if (options.Branch.Length < 2) throw new ArgumentException("branch widths need at least [m, p]", nameof(options));
            if (options.Branch[^1] != p) throw new ArgumentException($"branch ends with {options.Branch[^1]} features but the trunk with {p}; they must agree", nameof(options));
            _branch = options.Variant == DeepOnetVariant.Stacked
                ? new StackedMlp(options.Branch[0], options.Branch[1..^1], p, options.Activation)
                : new Mlp(options.Branch[0], options.Branch[1..^1], p, options.Activation, DefaultPrecision);
        }
        _trunk = new Mlp(options.Trunk[0], options.Trunk[1..^1], p, options.Activation, DefaultPrecision);
        if (options.Bias) _b0 = new Parameter(zeros(1, get_default_dtype()));
        RegisterComponents();
    }

    private static Precision DefaultPrecision => get_default_dtype() == ScalarType.Float64 ? Precision.Float64 : Precision.Float32;

    /// <summary>The configuration.</summary>
    public DeepOnetOptions Options { get; }

    /// <inheritdoc/>
    public override bool NeedsCoordinates => true;

    /// <summary>The branch coefficients b(u), shape (batch, p).</summary>
    public Tensor BranchFeatures(Tensor input)
    {
        if (Options.Cnn is { } cnn)
            Expect(input.dim() == 4 && input.shape[1] == cnn.InChannels && input.shape[2] == cnn.Height && input.shape[3] == cnn.Width,
                nameof(input), $"(batch, {cnn.InChannels}, {cnn.Height}, {cnn.Width})", input);
        else
            Expect(input.dim() == 2 && input.shape[1] == Options.Branch[0], nameof(input), $"(batch, {Options.Branch[0]})", input);
        return _branch.forward(input);
    }

    /// <summary>The trunk features t(y), every layer activated, shape (P, p).</summary>
    public Tensor TrunkFeatures(Tensor coordinates)
    {
        Expect(coordinates.dim() == 2 && coordinates.shape[1] == Options.Trunk[0], nameof(coordinates), $"(P, {Options.Trunk[0]})", coordinates);
        return ActivationFunctions.Apply(Options.Activation, _trunk.forward(coordinates));
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor? coordinates)
    {
        if (coordinates is null) throw new ArgumentNullException(nameof(coordinates), "DeepONet needs the trunk coordinates (P, d)");
        var output = matmul(BranchFeatures(input), TrunkFeatures(coordinates).t());
        return _b0 is null ? output : output.Plus(_b0);
    }

    /// <summary>G(u_i)(y_i) for aligned pairs: branch input (n, m), coordinates (n, d), output (n).</summary>
    public Tensor ForwardPaired(Tensor input, Tensor coordinates)
    {
        var b = BranchFeatures(input);
        var t = TrunkFeatures(coordinates);
        Expect(t.shape[0] == b.shape[0], nameof(coordinates), $"({b.shape[0]}, {Options.Trunk[0]}) (one point per function)", coordinates);
        var output = (b * t).sum(1);
        return _b0 is null ? output : output.Plus(_b0);
    }
}
