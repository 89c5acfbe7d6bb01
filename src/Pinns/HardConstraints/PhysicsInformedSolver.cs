using System.Diagnostics;
using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using PdeNet.Operators.Experiments;
using PdeNet.Operators.Models;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// Solves one time-dependent problem with the physics-informed operator's machinery (pi-sc, pi-hc, pi-hc-moe):
/// the problem's initial state on a uniform space-time grid goes through the FNO basis network, the constraint
/// layer turns the basis into u with the problem's rows (<see cref="GridConstraintRows"/>: PDE, initial and
/// boundary rows, read from the same definition every other solver reads), and Adam trains the basis network on
/// the mean square of those rows at the constrained solution, the loss of Chalapathi et al. (no data). For the
/// hard constraints the rows are met by each Levenberg–Marquardt solve as far as the basis allows, and training
/// enlarges what the basis can meet; for the soft constraint the rows are the whole loss, as for a PINN.
/// </summary>
public sealed class PhysicsInformedSolver(PhysicsInformedSolverOptions options) : ISolver
{
    private readonly PhysicsInformedSolverOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    /// <inheritdoc/>
    public string Name => _options.Name;

    /// <inheritdoc/>
    public object Options => _options;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The problem is not a time-dependent problem with one scalar unknown on an interval or rectangle.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite; the solution of the last finite step travels with it.</exception>
    public Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        if (!problem.IsTimeDependent)
            throw new NotSupportedException($"problem '{problem.Name}' is steady; the physics-informed solvers work on a space-time grid and need a time-dependent problem (its initial state is the basis network's input)");
        var box = GridDomain.BoxOf(problem);
        if (box.Dimension > 2)
            throw new NotSupportedException($"problem '{problem.Name}' is {box.Dimension}D; the physics-informed solvers work in 1D and 2D (an FNO over (t, x) or (t, x, y))");
        int points = _options.Points ?? (box.Dimension == 1 ? 32 : 16);
        var grid = SpaceTimeGrid.Uniform(problem, _options.Times, Enumerable.Repeat(points, box.Dimension).ToArray());
        var rows = new GridConstraintRows(problem, grid, _options.Rows);
        var initial = rows.InitialState ?? throw new ArgumentException($"problem '{problem.Name}' has no initial condition", nameof(problem));
        var periodic = GridDomain.PeriodicAxes(problem);

        TorchRuntime.Initialise(_options.Seed, _options.Threads);
        var axes = grid.Axes.Select(a => a.ToArray()).ToArray();
        var basis = OperatorModelChoice.FitBasis(grid.Shape[0], grid.Shape.Skip(1).ToArray());
        var operatorOptions = new PhysicsInformedOptions(problem.Name, grid.Times.ToArray(), axes, basis, _options.Constraint, _options.Experts,
            PenaltyWeight: 0, MaxIterations: _options.MaxIterations, Tolerance: _options.Tolerance, Ridge: _options.Ridge, InitialWeight: _options.InitialWeight);
        var previous = get_default_dtype();
        set_default_dtype(ScalarType.Float64);
        PhysicsInformedOperator network;
        try
        {
            network = new PhysicsInformedOperator(operatorOptions, rows);
        }
        finally
        {
            set_default_dtype(previous);
        }

        using var input = tensor(initial.ToArray(), [1, 1, .. grid.Shape.Skip(1).Select(n => (long)n)], ScalarType.Float64);
        var history = new TrainingHistory();
        var watch = Stopwatch.StartNew();
        using (var adam = new AdamOptimizer(network.parameters(), new AdamOptions(_options.LearningRate)))
        {
            var lastGood = network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            for (int step = 1; step <= _options.Steps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                network.train();
                adam.ZeroGrad();
                network.Forward(input, null);
                var loss = network.LastSolution!.Rows().square().mean();
                double value = loss.item<double>();
                if (!double.IsFinite(value))
                {
                    network.load_state_dict(lastGood);
                    var restored = Evaluate(network, input, problem, grid, periodic, history, watch);
                    throw new TrainingDivergedException(
                        $"{Name} training of problem '{problem.Name}' diverged at step {step}: the mean square of the rows is {value}; the network was restored to step {step - 1}. " +
                        $"Lower the learning rate ({_options.LearningRate}; --lr on the command line).", restored);
                }
                foreach (var (name, tensor) in network.state_dict()) lastGood[name].copy_(tensor);
                loss.backward();
                adam.Step();
                history.Add(step, new Dictionary<string, double> { ["loss"] = value });
                progress?.Report(new SolverProgress("training", step, _options.Steps, new Dictionary<string, double> { ["loss"] = value }));
            }
        }
        return Evaluate(network, input, problem, grid, periodic, history, watch);
    }

    private GridSnapshotSolution Evaluate(PhysicsInformedOperator network, Tensor input, Problem problem, SpaceTimeGrid grid, bool[] periodic, TrainingHistory history, Stopwatch watch)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        network.eval();
        network.Forward(input, null);
        var solution = network.LastSolution!;
        var u = solution.Solution.reshape(-1).data<double>().ToArray();
        double rows = solution.Rows().abs().max().item<double>();
        var metadata = new Dictionary<string, object>
        {
            ["grid"] = string.Join(" x ", grid.Shape),
            ["basis_functions"] = (long)network.Options.BasisFunctions,
            ["steps"] = (long)_options.Steps,
            ["largest_row_residual"] = rows,
        };
        if (solution.Solves.Count > 0) metadata["lm_iterations"] = solution.Solves.SelectMany(s => s.Iterations).Average();
        if (_options.Experts is { } k) metadata["experts"] = (long)k;
        return new GridSnapshotSolution(problem, Name, grid, periodic, u) { Seconds = watch.Elapsed.TotalSeconds, History = history, Metadata = metadata };
    }
}
