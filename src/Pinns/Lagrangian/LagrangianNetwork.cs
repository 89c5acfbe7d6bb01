using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using PdeNet.Neural.Embeddings;
using static TorchSharp.torch;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// The two branches of a Lagrangian PINN. Both read the label x₀ through (cos, sin) of its phase on
/// the period, which makes them periodic in x₀ by construction, and the time scaled to [-1, 1]:
/// <list type="bullet">
/// <item>the state branch gives u(x₀, t) = μ + σ N_u, μ and σ the mean and spread of u₀;</item>
/// <item>the characteristic branch gives the displacement, x_L(x₀, t) = x₀ + S N_x, S the largest initial
/// characteristic speed times the time span (at least L / 2π).</item>
/// </list>
/// With <see cref="LagrangianPinnOptions.HardInitial"/> both outputs are multiplied by (t - t₀)/T and
/// added to u₀(x₀) and x₀, so the initial conditions hold exactly.
/// Both output layers start at zero, so training starts from the initial state carried along straight
/// characteristics. The branches share no weights (the paper's two-network design; the released code ties some layers).
/// The displacement form keeps x_L - x₀ periodic in x₀, so the seam at x₀ = a, a + L is no discontinuity
/// the network has to learn. Inputs have shape (n, 2), columns (x₀, t); outputs shape (n).
/// </summary>
internal sealed class LagrangianNetwork : IDisposable
{
    public LagrangianNetwork(LagrangianForm form, LagrangianPinnOptions options)
    {
        var problem = form.Problem;
        var time = problem.Time!;
        double[] centre = [form.Start + form.Period / 2, (time.Start + time.End) / 2];
        double[] halfWidth = [form.Period / 2, time.Length / 2];
        InputEmbedding[] embeddings = [new PeriodicCoordinate(0, form.Period)];
        DType = options.Precision.ScalarType();
        State = new EmbeddedMlp(centre, halfWidth, embeddings, options.StateLayers, 1, Activation.Tanh, options.Precision);
        Characteristic = new EmbeddedMlp(centre, halfWidth, embeddings, options.CharacteristicLayers, 1, Activation.Tanh, options.Precision);
        (StateMean, StateScale, DisplacementScale) = Scales(form, options.Labels);
        ZeroOutputLayer(State);
        ZeroOutputLayer(Characteristic);
        _form = form;
        HardInitial = options.HardInitial;
    }

    private readonly LagrangianForm _form;

    /// <summary>Whether the initial conditions hold by construction (see <see cref="LagrangianPinnOptions.HardInitial"/>).</summary>
    public bool HardInitial { get; }

    /// <summary>N_u: the state branch.</summary>
    public EmbeddedMlp State { get; }

    /// <summary>N_x: the characteristic branch.</summary>
    public EmbeddedMlp Characteristic { get; }

    /// <summary>μ: the mean of u₀ over one period.</summary>
    public double StateMean { get; }

    /// <summary>σ: the largest deviation of u₀ from its mean (1 for a constant u₀).</summary>
    public double StateScale { get; }

    /// <summary>S: the displacement scale.</summary>
    public double DisplacementScale { get; }

    /// <summary>Element type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <summary>The trainable parameters of both branches.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> Parameters() => State.parameters().Concat(Characteristic.parameters());

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => State.ParameterCount + Characteristic.ParameterCount;

    /// <summary>u and x_L at <paramref name="inputs"/> (shape (n, 2): x₀, t); each of shape (n).</summary>
    public (Tensor U, Tensor Position) Forward(Tensor inputs)
    {
        var labels = inputs.select(1, 0);
        var stateOutput = State.forward(inputs).squeeze(1).Times(StateScale);
        var displacement = Characteristic.forward(inputs).squeeze(1).Times(DisplacementScale);
        if (!HardInitial) return (stateOutput.Plus(StateMean), labels.Plus(displacement));
        // u = u₀(x₀) + τ σ N_u and x_L = x₀ + τ S N_x with τ = (t - t₀)/T, which vanishes at t₀.
        var time = _form.Problem.Time!;
        var tau = inputs.select(1, 1).Minus(time.Start).DividedBy(time.Length);
        var jet = new TensorJet(inputs, labels, _form.Problem.Unknown, 1, true, null);
        var initial = new TensorEvaluator(jet, _form.Problem.ValueOf, DType).Evaluate(_form.Initial);
        return (initial.Plus(tau * stateOutput), labels.Plus(tau * displacement));
    }

    /// <summary>
    /// Zeroes the last layer's weights and bias, so training starts from x_L = x₀ (J = ∂x_L/∂x₀ = 1, no
    /// crossed characteristics for the diffusion term's J⁻¹ to blow up on) and u = u₀ or its mean.
    /// </summary>
    private static void ZeroOutputLayer(EmbeddedMlp branch)
    {
        using var _ = no_grad();
        foreach (var parameter in branch.parameters().TakeLast(2)) parameter.zero_();
    }

    private static (double Mean, double Scale, double Displacement) Scales(LagrangianForm form, int labels)
    {
        var problem = form.Problem;
        var u = problem.Unknown.Base;
        var layout = new VariableLayout(1, [u]);
        var initial = ExpressionCompiler.Compile(form.Initial, layout, problem.ValueOf);
        var speed = ExpressionCompiler.Compile(form.Speed, layout, problem.ValueOf);
        var v = new double[layout.Count];
        var u0 = new double[labels];
        var c0 = new double[labels];
        for (int i = 0; i < labels; i++)
        {
            v[0] = form.Start + form.Period * i / labels;
            v[layout.TimeSlot] = problem.Time!.Start;
            u0[i] = initial(v);
            v[layout.JetOffset] = u0[i];
            c0[i] = speed(v);
        }
        double mean = u0.Average();
        double spread = u0.Max(value => Math.Abs(value - mean));
        double displacement = Math.Max(c0.Max(Math.Abs) * problem.Time!.Length, form.Period / (2 * Math.PI));
        return (mean, spread > 1e-12 * Math.Max(1, Math.Abs(mean)) ? spread : 1, displacement);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        State.Dispose();
        Characteristic.Dispose();
    }
}
