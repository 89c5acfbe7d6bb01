using PdeNet.Core.Symbolic;
using PdeNet.Neural;
using PdeNet.Neural.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// The Lagrangian PINN's loss on the label–time grid (labels x₀ uniform on the period, times
/// uniform on the interval, both ends included):
/// <code>
///   w_x ‖∂x_L/∂t - c(x_L, t, u)‖₂ + w_u ‖∂u/∂t - ν u_xx + s(x_L, t, u)‖₂ + w_0 (‖u(x₀, t₀) - u₀‖₂ + ‖x_L(x₀, t₀) - x₀‖₂),
/// </code>
/// with unsquared 2-norms over the grid as in the paper's code, time derivatives at fixed label, and
/// u_xx = J⁻¹ ∂/∂x₀ (J⁻¹ ∂u/∂x₀), J = ∂x_L/∂x₀, so diffusion acts in the Eulerian coordinate even where
/// the characteristics crowd together.
/// </summary>
internal sealed class LagrangianLoss : ITrainingObjective, IDisposable
{
    private readonly LagrangianForm _form;
    private readonly LagrangianPinnOptions _options;
    private readonly LagrangianNetwork _network;
    private readonly Tensor _inputs, _initialLabels, _initialValues;
    private readonly int _labels;

    public LagrangianLoss(LagrangianForm form, LagrangianPinnOptions options, LagrangianNetwork network)
    {
        _form = form;
        _options = options;
        _network = network;
        _labels = options.Labels;
        var time = form.Problem.Time!;
        int n = options.Labels * options.Times;
        var grid = new double[2 * n];
        for (int k = 0; k < options.Times; k++)
        {
            double t = time.Start + time.Length * k / (options.Times - 1);
            for (int i = 0; i < options.Labels; i++)
            {
                grid[2 * (k * options.Labels + i)] = Label(i);
                grid[2 * (k * options.Labels + i) + 1] = t;
            }
        }
        _inputs = tensor(grid, [n, 2], network.DType).requires_grad_(true);
        var u = form.Problem.Unknown.Base;
        var layout = new VariableLayout(1, [u]);
        var initial = ExpressionCompiler.Compile(form.Initial, layout, form.Problem.ValueOf);
        var v = new double[layout.Count];
        var labels = Enumerable.Range(0, options.Labels).Select(Label).ToArray();
        _initialLabels = tensor(labels, network.DType);
        _initialValues = tensor(labels.Select(x => { v[0] = x; v[layout.TimeSlot] = time.Start; return initial(v); }).ToArray(), network.DType);
    }

    /// <summary>Label i of the periodic grid.</summary>
    private double Label(int i) => _form.Start + _form.Period * i / _options.Labels;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Terms()
    {
        var (u, position) = _network.Forward(_inputs);
        var du = Autograd.Gradient(u, _inputs);
        var dx = Autograd.Gradient(position, _inputs);
        var stateRate = du.select(1, 1);
        var characteristicRate = dx.select(1, 1);
        var eulerian = stack([Wrap(position), _inputs.select(1, 1)], 1);
        var speed = Evaluate(_form.Speed, eulerian, u);
        var stateResidual = stateRate.Plus(Evaluate(_form.Source, eulerian, u));
        if (_form.Viscosity != 0)
        {
            var jacobian = dx.select(1, 0);
            var ux = du.select(1, 0) / jacobian;
            var uxx = Autograd.Gradient(ux, _inputs).select(1, 0) / jacobian;
            stateResidual = stateResidual.Minus(uxx.Times(_form.Viscosity));
        }
        var terms = new Dictionary<string, Tensor>
        {
            ["characteristics"] = characteristicRate.Minus(speed).norm(),
            ["state"] = stateResidual.norm(),
        };
        if (_network.HardInitial) return terms;
        var initialU = u.narrow(0, 0, _labels).Minus(_initialValues);
        var initialX = position.narrow(0, 0, _labels).Minus(_initialLabels);
        terms["initial"] = initialU.norm().Plus(initialX.norm());
        return terms;
    }

    /// <inheritdoc/>
    public Tensor Total(IReadOnlyDictionary<string, Tensor> terms)
    {
        var total = terms["characteristics"].Times(_options.CharacteristicWeight).Plus(terms["state"].Times(_options.StateWeight));
        return terms.TryGetValue("initial", out var initial) ? total.Plus(initial.Times(_options.InitialWeight)) : total;
    }

    /// <summary>x wrapped into [a, a + L), where the equation's coefficients are defined.</summary>
    private Tensor Wrap(Tensor x)
    {
        using Scalar period = _form.Period;
        return x.Minus(_form.Start).remainder(period).Plus(_form.Start);
    }

    /// <summary>An expression in x, t and u evaluated at Eulerian points (columns x, t), shape (n).</summary>
    private Tensor Evaluate(Expr e, Tensor points, Tensor u)
    {
        var jet = new TensorJet(points, u, _form.Problem.Unknown, 1, true, null);
        var value = new TensorEvaluator(jet, _form.Problem.ValueOf, _network.DType).Evaluate(e);
        return value.dim() == 0 ? value.expand(u.shape[0]) : value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _inputs.Dispose();
        _initialLabels.Dispose();
        _initialValues.Dispose();
    }
}
