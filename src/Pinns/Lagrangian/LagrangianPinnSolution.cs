using PdeNet.Core.Solving;
using static TorchSharp.torch;

namespace PdeNet.Pinns.Lagrangian;

/// <summary>
/// A trained Lagrangian PINN, evaluated in the Eulerian frame: at time t the network gives u and the
/// position x_L of a dense set of labels (<see cref="EvaluationLabels"/> per period); the positions are
/// wrapped into the period and sorted, and u at any x is the periodic linear interpolant through
/// (x_L, u). Where characteristics have crossed (x_L not monotone in x₀) the sorted points still
/// interpolate, but the solution is no longer single-valued there.
/// </summary>
public sealed class LagrangianPinnSolution : Solution
{
    private readonly LagrangianNetwork _network;
    private readonly LagrangianForm _form;

    internal LagrangianPinnSolution(LagrangianForm form, LagrangianNetwork network, LagrangianPinnOptions options) : base(form.Problem, "lpinn")
    {
        _form = form;
        _network = network;
        Options = options;
        EvaluationLabels = Math.Max(2048, 4 * options.Labels);
    }

    /// <summary>The options the network was built and trained with.</summary>
    public LagrangianPinnOptions Options { get; }

    /// <summary>Labels per period used to interpolate u in the Eulerian frame.</summary>
    public int EvaluationLabels { get; }

    /// <summary>Number of trainable parameters of both branches.</summary>
    public long ParameterCount => _network.ParameterCount;

    /// <summary>
    /// The characteristics at time <paramref name="time"/>: the positions x_L (unwrapped) and states u of
    /// <paramref name="labels"/> labels spread uniformly over one period.
    /// </summary>
    public (double[] Position, double[] U) Characteristics(double time, int labels)
    {
        var inputs = new double[2 * labels];
        for (int i = 0; i < labels; i++)
        {
            inputs[2 * i] = _form.Start + _form.Period * i / labels;
            inputs[2 * i + 1] = time;
        }
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (u, position) = _network.Forward(tensor(inputs, [labels, 2], _network.DType));
        return (position.to_type(ScalarType.Float64).data<double>().ToArray(), u.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        var (position, u) = Characteristics(time, EvaluationLabels);
        double a = _form.Start, period = _form.Period;
        var x = position.Select(p => Wrap(p, a, period)).ToArray();
        Array.Sort(x, u);
        var values = new double[points.Length];
        for (int k = 0; k < points.Length; k++)
        {
            double p = Wrap(points[k], a, period);
            int upper = Array.BinarySearch(x, p);
            if (upper >= 0)
            {
                values[k] = u[upper];
                continue;
            }
            upper = ~upper;
            // The neighbours across the seam are the last and first sorted points, one period apart.
            int lower = upper - 1;
            double xLower = lower >= 0 ? x[lower] : x[^1] - period;
            double uLower = lower >= 0 ? u[lower] : u[^1];
            double xUpper = upper < x.Length ? x[upper] : x[0] + period;
            double uUpper = upper < x.Length ? u[upper] : u[0];
            double weight = xUpper > xLower ? (p - xLower) / (xUpper - xLower) : 0.5;
            values[k] = (1 - weight) * uLower + weight * uUpper;
        }
        return values;
    }

    private static double Wrap(double x, double a, double period)
    {
        double r = (x - a) % period;
        if (r < 0) r += period;
        return a + r;
    }
}
