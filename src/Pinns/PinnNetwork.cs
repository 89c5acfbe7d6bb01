using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;
using PdeNet.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>
/// The PINN's approximation u_θ(x, t): the inputs are mapped affinely from the domain's bounding
/// box (and time interval) onto [-1, 1], passed through the chosen input embeddings (periodic
/// coordinates, Fourier features), then fed to an MLP with one output N. With hard Dirichlet
/// conditions the output is u = g + φ·N, where φ vanishes exactly on the Dirichlet parts and g
/// blends the Dirichlet data, so the conditions hold for every parameter value.
/// Input shape (n, d) or (n, d + 1) with time last; output shape (n).
/// </summary>
internal sealed class PinnNetwork : IDisposable
{
    public PinnNetwork(Problem problem, PinnOptions options)
    {
        var box = problem.Domain!.Bounds;
        var centre = Enumerable.Range(0, box.Dimension).Select(i => (box.Min[i] + box.Max[i]) / 2).ToList();
        var halfWidth = Enumerable.Range(0, box.Dimension).Select(i => box.Extent(i) / 2).ToList();
        if (problem.IsTimeDependent)
        {
            centre.Add((problem.Time!.Start + problem.Time.End) / 2);
            halfWidth.Add(problem.Time.Length / 2);
        }
        Inputs = centre.Count;
        DType = options.Precision.ScalarType();
        _problem = problem;
        if (options.HardDirichlet) (_distance, _lift) = Constraint(problem);
        Model = new EmbeddedMlp(centre.ToArray(), halfWidth.ToArray(), options.Embeddings ?? [], options.HiddenLayers, 1, options.Activation, options.Precision);
    }

    /// <summary>Number of inputs: d, plus one for time.</summary>
    public int Inputs { get; }

    /// <summary>The network: input map, embeddings and MLP.</summary>
    public EmbeddedMlp Model { get; }

    /// <summary>Element type of the parameters.</summary>
    public ScalarType DType { get; }

    private readonly Problem _problem;
    private readonly Expr? _distance;
    private readonly Expr? _lift;

    /// <summary>u_θ at the points, shape (n).</summary>
    public Tensor Forward(Tensor points)
    {
        var output = Model.forward(points).squeeze(1);
        if (_distance is null) return output;
        var jet = new TensorJet(points, output, _problem.Unknown, _problem.Dimension, _problem.IsTimeDependent, null);
        var evaluator = new TensorEvaluator(jet, _problem.ValueOf, DType);
        return evaluator.Evaluate(_lift!).Plus(evaluator.Evaluate(_distance) * output);
    }

    /// <summary>
    /// φ vanishing on every Dirichlet part (R-equivalence of the conditions' distance functions),
    /// and the lift g = Σ w_i g_i with w_i = Π_{j≠i}(φ_j + ε) / Σ_k Π_{l≠k}(φ_l + ε) (transfinite
    /// interpolation), which is finite everywhere and equals g_i on condition i's parts up to O(ε).
    /// </summary>
    private static (Expr Distance, Expr Lift) Constraint(Problem problem)
    {
        var dirichlet = problem.Conditions.OfType<Dirichlet>().ToArray();
        if (dirichlet.Length == 0) throw new ArgumentException($"hard Dirichlet constraints need a Dirichlet condition; problem '{problem.Name}' has none");
        var domain = problem.Domain!;
        int d = problem.Dimension;
        var distances = dirichlet.Select(c => Lowering.Lower(DistanceFunctions.Approximate(domain, c.Boundary), d)).ToArray();
        var values = dirichlet.Select(c => Lowering.Lower(c.Value, d)).ToArray();
        if (dirichlet.Length == 1) return (distances[0], values[0]);
        double epsilon = 1e-12 * domain.Bounds.Diameter;
        Expr inverseSum = 0, weights = 0, weighted = 0;
        for (int i = 0; i < distances.Length; i++)
        {
            inverseSum += 1 / distances[i];
            Expr others = 1;
            for (int j = 0; j < distances.Length; j++)
            {
                if (j != i) others *= distances[j] + epsilon;
            }
            weights += others;
            weighted += values[i] * others;
        }
        return (1 / inverseSum, weighted / weights);
    }

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();
}
