using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Neural.Optimization;

/// <summary>
/// Adam (Kingma and Ba 2015) with optional L2 or decoupled (AdamW) weight decay and AMSGrad, in the operation order of
/// PyTorch's implementation: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (α/(1−β₁ᵗ)) m / (√v / √(1−β₂ᵗ) + ε).
/// </summary>
/// <remarks>
/// Written here rather than taken from TorchSharp because every scalar that TorchSharp's optimisers hand to libtorch is
/// a temporary <see cref="Scalar"/> that nothing keeps alive across the native call: when a garbage collection on
/// another thread finalises it mid-call, libtorch reads freed memory ("Expected false to be true ... toDouble",
/// "Unknown scalar type"). Here every scalar is held by a <c>using</c> until its call has returned.
/// The state (moments and step counts) lives outside any dispose scope and is freed by <see cref="Dispose"/>.
/// </remarks>
public sealed class AdamOptimizer : IDisposable
{
    private const int FormatVersion = 1;
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoment, _secondMoment;
    private readonly Tensor?[] _maximumSecondMoment;
    private readonly long[] _steps;

    /// <summary>An optimiser of <paramref name="parameters"/> with zero moments.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, AdamOptions options)
    {
        Options = options.Validated();
        LearningRate = options.LearningRate;
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0) throw new ArgumentException("there are no parameters to optimise", nameof(parameters));
        using var noGrad = no_grad();
        _firstMoment = _parameters.Select(Zeros).ToArray();
        _secondMoment = _parameters.Select(Zeros).ToArray();
        _maximumSecondMoment = _parameters.Select(p => options.Amsgrad ? Zeros(p) : null).ToArray();
        _steps = new long[_parameters.Length];
    }

    /// <summary>The settings the optimiser was made with.</summary>
    public AdamOptions Options { get; }

    /// <summary>The step size α of the next <see cref="Step"/>.</summary>
    public double LearningRate { get; set; }

    /// <summary>Steps taken (the most any parameter has had; a parameter without a gradient is not stepped).</summary>
    public long StepCount => _steps.Max();

    /// <summary>Sets the gradients of all parameters to zero (keeping their storage for the next backward pass).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using var gradient = p.grad;
            gradient?.zero_();
        }
    }

    /// <summary>One Adam step on every parameter that has a gradient.</summary>
    public void Step()
    {
        var o = Options;
        using var noGrad = no_grad();
        using Scalar beta1 = o.Beta1, beta2 = o.Beta2, oneMinusBeta1 = 1 - o.Beta1, oneMinusBeta2 = 1 - o.Beta2, epsilon = o.Epsilon;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            using var gradient = parameter.grad;
            if (gradient is null) continue;
            long t = ++_steps[i];
            double biasCorrection1 = 1 - Math.Pow(o.Beta1, t), biasCorrection2 = 1 - Math.Pow(o.Beta2, t);
            Tensor g = gradient;
            Tensor? decayed = null;
            if (o.WeightDecay != 0)
            {
                if (o.Decoupled)
                {
                    using Scalar shrink = 1 - LearningRate * o.WeightDecay;
                    parameter.mul_(shrink);
                }
                else
                {
                    using Scalar decay = o.WeightDecay;
                    g = decayed = gradient.add(parameter, alpha: decay);
                }
            }
            _firstMoment[i].mul_(beta1).add_(g, alpha: oneMinusBeta1);
            _secondMoment[i].mul_(beta2).addcmul_(g, g, value: oneMinusBeta2);
            decayed?.Dispose();
            var second = _secondMoment[i];
            if (_maximumSecondMoment[i] is { } maximum)
            {
                using (var larger = torch.maximum(maximum, second)) maximum.copy_(larger);
                second = maximum;
            }
            using Scalar root = Math.Sqrt(biasCorrection2), stepSize = -LearningRate / biasCorrection1;
            using var squareRoot = second.sqrt();
            using var denominator = squareRoot.div(root);
            denominator.add_(epsilon);
            parameter.addcdiv_(_firstMoment[i], denominator, value: stepSize);
        }
    }

    /// <summary>Writes the step counts and moments (the settings and learning rate are the caller's to keep).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write("adam");
        writer.Write(FormatVersion);
        writer.Write(_parameters.Length);
        writer.Write(Options.Amsgrad);
        for (int i = 0; i < _parameters.Length; i++)
        {
            writer.Write(_steps[i]);
            _firstMoment[i].Save(writer);
            _secondMoment[i].Save(writer);
            _maximumSecondMoment[i]?.Save(writer);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote for the same parameters.</summary>
    /// <exception cref="InvalidDataException">The state is not Adam's, or belongs to other parameters or settings.</exception>
    public void Load(BinaryReader reader)
    {
        string tag;
        try { tag = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or IOException) { throw new InvalidDataException("the optimiser state is empty or truncated", e); }
        if (tag != "adam") throw new InvalidDataException($"the optimiser state is not Adam's (tag '{tag}'); it was written by another optimiser or an older version");
        int version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Adam state format {version} is not supported (expected {FormatVersion})");
        int count = reader.ReadInt32();
        if (count != _parameters.Length) throw new InvalidDataException($"the Adam state holds {count} parameter tensors but the model has {_parameters.Length}");
        bool amsgrad = reader.ReadBoolean();
        if (amsgrad != Options.Amsgrad) throw new InvalidDataException($"the Adam state was saved with amsgrad = {amsgrad} but this optimiser has amsgrad = {Options.Amsgrad}");
        using var noGrad = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            _steps[i] = reader.ReadInt64();
            _firstMoment[i].Load(reader);
            _secondMoment[i].Load(reader);
            _maximumSecondMoment[i]?.Load(reader);
        }
    }

    /// <summary>Frees the moment tensors.</summary>
    public void Dispose()
    {
        foreach (var t in _firstMoment.Concat(_secondMoment).Concat(_maximumSecondMoment)) t?.Dispose();
    }

    private static Tensor Zeros(Parameter p) => zeros_like(p).DetachFromDisposeScope();
}
