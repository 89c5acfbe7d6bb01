using PdeNet.Geometry.Sampling;
using PdeNet.Neural;
using PdeNet.Neural.Embeddings;
using PdeNet.Neural.Training.Weighting;

namespace PdeNet.Pinns;

/// <summary>Options of the physics-informed neural network solver.</summary>
/// <param name="Hidden">Widths of the hidden layers.</param>
/// <param name="Activation">Activation of the hidden layers.</param>
/// <param name="Embeddings">Input embeddings: periodic coordinates, random Fourier features (none by default).</param>
/// <param name="HardDirichlet">Impose Dirichlet conditions exactly by the output transform u = g + φ·N, with φ an
/// approximate distance function vanishing on the Dirichlet parts (instead of a loss term).</param>
/// <param name="Steps">Adam steps (each a full pass over the collocation points).</param>
/// <param name="LearningRate">Adam's initial learning rate.</param>
/// <param name="FinalLearningRate">Learning rate at the last step; it decays exponentially from the initial one.</param>
/// <param name="InteriorPoints">Collocation points inside the domain (× time interval).</param>
/// <param name="BoundaryPoints">Collocation points on the boundary (× time interval).</param>
/// <param name="InitialPoints">Collocation points at t = t0 (evolution problems only).</param>
/// <param name="BoundaryWeight">Weight of the mean squared boundary residual in the loss.</param>
/// <param name="InitialWeight">Weight of the mean squared initial residual in the loss.</param>
/// <param name="ResampleEvery">Draw fresh collocation points every this many steps (0: never).</param>
/// <param name="Sampling">How collocation points are placed (pseudo-random, Sobol, Halton, Hammersley, Latin hypercube, grid).</param>
/// <param name="Seed">Seed of the weights and of the collocation points.</param>
/// <param name="Precision">Floating-point precision.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="LogEvery">Record the loss terms every this many steps (and L-BFGS iterations).</param>
/// <param name="Optimizer">Adam, L-BFGS, or Adam then L-BFGS.</param>
/// <param name="LbfgsIterations">L-BFGS iterations (each one or more loss evaluations in the line search).</param>
/// <param name="CheckpointPath">Where to keep the training checkpoint (null: none). It is rewritten every
/// <paramref name="CheckpointEvery"/> Adam steps and at the end; a diverging run leaves the last good one.</param>
/// <param name="CheckpointEvery">Adam steps between checkpoints (0: only at the end).</param>
/// <param name="Weighting">How the loss terms are weighted: null (or <see cref="StaticWeighting"/>) for the fixed weights
/// 1 (PDE), <paramref name="BoundaryWeight"/>, <paramref name="InitialWeight"/>, <paramref name="DataWeight"/>;
/// <see cref="LearningRateAnnealing"/> or <see cref="ReLoBRaLo"/> for adaptive weights, which start at 1 as published and
/// ignore the fixed ones. Adaptive weights move during Adam and stay fixed during L-BFGS; the history logs them as "w_&lt;term&gt;".</param>
/// <param name="DataWeight">Weight of the mean squared misfit to <paramref name="Observations"/> (static weighting).</param>
/// <param name="Observations">Measured values of the solution, giving the loss term "data" (null: none).</param>
/// <param name="Trainable">Named parameters of the problem (Expr.Param) that become trainable scalars, with their initial
/// guesses: the inverse problem. Their values are logged in the history under their names and reported in the solution's
/// metadata as "fitted_&lt;name&gt;" and in <see cref="PinnSolution.Fitted"/>. They need data that determine them, usually
/// <paramref name="Observations"/>.</param>
/// <param name="RarEvery">Residual-based adaptive refinement (Lu et al., DeepXDE, SIAM Review 2021): every this many Adam
/// steps, evaluate the PDE residual on <paramref name="RarCandidates"/> fresh random points and add the
/// <paramref name="RarPoints"/> with the largest |residual| to the interior points, where they stay (also across
/// resampling). 0: never.</param>
/// <param name="RarPoints">Points added per refinement.</param>
/// <param name="RarCandidates">Candidate points per refinement.</param>
public sealed record PinnOptions(
    int[]? Hidden = null,
    Activation Activation = Activation.Tanh,
    InputEmbedding[]? Embeddings = null,
    bool HardDirichlet = false,
    int Steps = 5000,
    double LearningRate = 1e-3,
    double FinalLearningRate = 1e-4,
    int InteriorPoints = 2000,
    int BoundaryPoints = 500,
    int InitialPoints = 500,
    double BoundaryWeight = 10,
    double InitialWeight = 1,
    int ResampleEvery = 0,
    SamplingMethod Sampling = SamplingMethod.Random,
    int Seed = 0,
    Precision Precision = Precision.Float32,
    int? Threads = null,
    int LogEvery = 50,
    PinnOptimizer Optimizer = PinnOptimizer.Adam,
    int LbfgsIterations = 1000,
    string? CheckpointPath = null,
    int CheckpointEvery = 0,
    LossWeighting? Weighting = null,
    double DataWeight = 1,
    Observations? Observations = null,
    Dictionary<string, double>? Trainable = null,
    int RarEvery = 0,
    int RarPoints = 10,
    int RarCandidates = 10000)
{
    /// <summary>The names the history uses itself, which a trainable parameter cannot take.</summary>
    private static readonly string[] ReservedNames = ["loss", "pde", "boundary", "initial", "data"];

    /// <summary>The weighting scheme in force (static unless set).</summary>
    public LossWeighting WeightingScheme => Weighting ?? new StaticWeighting();

    /// <summary>The fixed weights of the loss terms by name, as the static scheme uses them.</summary>
    public IReadOnlyDictionary<string, double> FixedWeights => new Dictionary<string, double>
    {
        ["pde"] = 1, ["boundary"] = BoundaryWeight, ["initial"] = InitialWeight, ["data"] = DataWeight,
    };

    /// <summary>Whether Adam runs.</summary>
    public bool UsesAdam => Optimizer != PinnOptimizer.Lbfgs;

    /// <summary>Whether L-BFGS runs.</summary>
    public bool UsesLbfgs => Optimizer != PinnOptimizer.Adam;

    /// <summary>
    /// Throws unless a network trained with <paramref name="other"/> can continue under these options:
    /// the architecture, precision, seed, sampling and point counts must agree.
    /// </summary>
    public void CheckCompatible(PinnOptions other)
    {
        var differences = new List<string>();
        void Compare<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) differences.Add($"{name} {b} (checkpoint) vs {a}");
        }
        Compare("hidden", string.Join("x", HiddenLayers), string.Join("x", other.HiddenLayers));
        Compare("activation", Activation, other.Activation);
        Compare("hard Dirichlet", HardDirichlet, other.HardDirichlet);
        Compare("embeddings", System.Text.Json.JsonSerializer.Serialize(Embeddings ?? []), System.Text.Json.JsonSerializer.Serialize(other.Embeddings ?? []));
        Compare("precision", Precision, other.Precision);
        Compare("seed", Seed, other.Seed);
        Compare("sampling", Sampling, other.Sampling);
        Compare("interior points", InteriorPoints, other.InteriorPoints);
        Compare("boundary points", BoundaryPoints, other.BoundaryPoints);
        Compare("initial points", InitialPoints, other.InitialPoints);
        Compare("resample every", ResampleEvery, other.ResampleEvery);
        Compare("learning rate", LearningRate, other.LearningRate);
        Compare("weighting", System.Text.Json.JsonSerializer.Serialize(WeightingScheme), System.Text.Json.JsonSerializer.Serialize(other.WeightingScheme));
        Compare("trainable parameters", Describe(Trainable), Describe(other.Trainable));
        Compare("observations", Observations?.Count ?? 0, other.Observations?.Count ?? 0);
        Compare("refinement", (RarEvery, RarPoints, RarCandidates), (other.RarEvery, other.RarPoints, other.RarCandidates));
        if (differences.Count > 0) throw new ArgumentException($"the checkpoint cannot continue under these options: {string.Join("; ", differences)}");
    }

    private static string Describe(Dictionary<string, double>? values) =>
        values is null || values.Count == 0 ? "none" : string.Join(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} = {v.Value}"));

    /// <summary>The hidden layer widths (three layers of 50 unless set).</summary>
    public int[] HiddenLayers => Hidden ?? [50, 50, 50];

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public PinnOptions Validate()
    {
        if (HiddenLayers.Length == 0 || HiddenLayers.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(Hidden), "hidden layer widths must be positive and at least one layer is needed");
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "the number of steps cannot be negative");
        if (!(LearningRate > 0) || !(FinalLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), "learning rates must be positive");
        if (InteriorPoints < 1 || BoundaryPoints < 0 || InitialPoints < 0) throw new ArgumentOutOfRangeException(nameof(InteriorPoints), "point counts must be positive (interior) or non-negative");
        if (BoundaryWeight < 0 || InitialWeight < 0) throw new ArgumentOutOfRangeException(nameof(BoundaryWeight), "loss weights cannot be negative");
        if (ResampleEvery < 0) throw new ArgumentOutOfRangeException(nameof(ResampleEvery), ResampleEvery, "cannot be negative");
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "must be at least 1");
        if (LbfgsIterations < 0) throw new ArgumentOutOfRangeException(nameof(LbfgsIterations), LbfgsIterations, "cannot be negative");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "cannot be negative");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "at least one thread is needed");
        Weighting?.Validate();
        if (!(DataWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(DataWeight), DataWeight, "loss weights cannot be negative");
        if (RarEvery < 0) throw new ArgumentOutOfRangeException(nameof(RarEvery), RarEvery, "cannot be negative");
        if (RarEvery > 0 && (RarPoints < 1 || RarCandidates < RarPoints))
            throw new ArgumentOutOfRangeException(nameof(RarPoints), $"refinement adds at least one point, chosen among at least as many candidates ({RarPoints} of {RarCandidates})");
        foreach (var (name, guess) in Trainable ?? [])
        {
            if (ReservedNames.Contains(name) || name.StartsWith(LossBalancer.SeriesPrefix, StringComparison.Ordinal))
                throw new ArgumentException($"a trainable parameter cannot be called '{name}': the training history uses that name", nameof(Trainable));
            if (!double.IsFinite(guess)) throw new ArgumentOutOfRangeException(nameof(Trainable), guess, $"the initial guess of '{name}' must be finite");
        }
        return this;
    }

    /// <summary>
    /// Throws unless these options fit <paramref name="problem"/>: trainable parameters exist in it, observations have
    /// its number of columns, and hard Dirichlet constraints do not carry a trainable parameter in their data.
    /// </summary>
    internal void CheckFor(PdeNet.Core.Problems.Problem problem)
    {
        var names = problem.Parameters.Select(p => p.Name).ToHashSet();
        foreach (var name in (Trainable ?? []).Keys)
        {
            if (!names.Contains(name))
                throw new ArgumentException($"problem '{problem.Name}' has no parameter '{name}' to fit; its parameters are: {(names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal)))}", nameof(Trainable));
        }
        Observations?.CheckShape(problem.Dimension + (problem.IsTimeDependent ? 1 : 0), problem.Name);
        if (HardDirichlet && Trainable is { Count: > 0 })
        {
            var data = problem.Conditions.OfType<PdeNet.Core.Problems.Dirichlet>().SelectMany(c => c.Value.Nodes()).OfType<PdeNet.Core.Symbolic.Parameter>().Select(p => p.Name);
            var clash = data.Where(Trainable.ContainsKey).Distinct().ToArray();
            if (clash.Length > 0)
                throw new ArgumentException($"the hard Dirichlet constraint of '{problem.Name}' uses {string.Join(", ", clash)}, which is to be fitted; impose that condition by a loss term instead", nameof(Trainable));
        }
    }
}
