using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using static TorchSharp.torch;

namespace PdeNet.Pinns;

/// <summary>A trained PINN u_θ(x, t), evaluated by a forward pass of the network.</summary>
public sealed class PinnSolution : Solution
{
    private const int Batch = 1 << 16;
    private readonly PinnNetwork _network;

    internal PinnSolution(Problem problem, PinnNetwork network, PinnOptions options) : base(problem, "pinn")
    {
        _network = network;
        Options = options;
    }

    /// <summary>The options the network was built and trained with.</summary>
    public PinnOptions Options { get; }

    /// <summary>The fitted values of the problem's parameters named in <see cref="PinnOptions.Trainable"/> (empty when none were fitted).</summary>
    public IReadOnlyDictionary<string, double> Fitted { get; init; } = new Dictionary<string, double>();

    /// <summary>The interior points that residual-based refinement added, row after row (d or d + 1 columns, time last).</summary>
    public IReadOnlyList<double> RefinedPoints { get; init; } = [];

    /// <summary>
    /// Saves the network with its configuration, the problem's name and parameters, and the training
    /// history as a <see cref="PinnCheckpoint"/>, written atomically.
    /// </summary>
    public void Save(string path)
    {
        var history = History ?? new TrainingHistory();
        PinnCheckpoint.Of(Problem, Options, _network, "done", history.Count > 0 ? history.Steps[^1] : 0, 0, Options.FinalLearningRate, history,
            state: new PinnState(PdeNet.Neural.Training.Weighting.LossWeightState.Start(Options.Seed), Fitted.ToDictionary(), [.. RefinedPoints])).Save(path);
    }

    /// <summary>Loads a network saved by <see cref="Save"/> (or a training checkpoint) for <paramref name="problem"/>.</summary>
    /// <exception cref="ProblemDefinitionException">The file was made for another problem or other parameter values.</exception>
    public static PinnSolution Load(string path, Problem problem)
    {
        var checkpoint = PinnCheckpoint.Load(path);
        checkpoint.CheckProblem(problem);
        var network = new PinnNetwork(problem, checkpoint.Options);
        checkpoint.LoadInto(network);
        return new PinnSolution(problem, network, checkpoint.Options)
        {
            History = checkpoint.History(),
            Fitted = checkpoint.Header.Fitted ?? [],
            RefinedPoints = checkpoint.Header.RefinedPoints ?? [],
        };
    }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => _network.Model.ParameterCount;

    /// <inheritdoc/>
    public override double[] Evaluate(double[] points, double time = 0)
    {
        int d = Problem.Dimension, columns = _network.Inputs;
        int n = points.Length / d;
        var inputs = new double[n * columns];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(points, i * d, inputs, i * columns, d);
            if (columns > d) inputs[i * columns + d] = time;
        }
        var values = new double[n];
        using var _ = no_grad();
        for (int start = 0; start < n; start += Batch)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(Batch, n - start);
            var batch = tensor(inputs.AsSpan(start * columns, count * columns).ToArray(), [count, columns], _network.DType);
            var output = _network.Forward(batch).to_type(ScalarType.Float64).data<double>().ToArray();
            output.CopyTo(values, start);
        }
        return values;
    }
}
