using PdeNet.Core.Solving;
using PdeNet.Operators.Models;
using PdeNet.Operators.Normalisation;
using static TorchSharp.torch;

namespace PdeNet.Operators.Training;

/// <summary>
/// A neural operator ready to train or use: the network, its specification, the input and output
/// normalisers and the training history. <see cref="Predict"/> maps raw inputs to raw outputs;
/// <see cref="Save"/> writes everything to one file that <see cref="Load"/> rebuilds.
/// </summary>
public sealed class OperatorModel
{
    internal OperatorModel(OperatorModelSpec spec, OperatorNetwork network)
    {
        Spec = spec;
        Network = network;
    }

    /// <summary>A new model with weights drawn from seed <paramref name="seed"/>.</summary>
    public static OperatorModel Create(OperatorModelSpec spec, int seed)
    {
        manual_seed(seed);
        return new OperatorModel(spec, spec.Build());
    }

    /// <summary>The specification the network was built from.</summary>
    public OperatorModelSpec Spec { get; }

    /// <summary>The network.</summary>
    public OperatorNetwork Network { get; }

    /// <summary>Normaliser of the inputs; null when inputs are used raw.</summary>
    public UnitGaussianNormaliser? InputNormaliser { get; internal set; }

    /// <summary>Normaliser of the outputs; null when the network predicts raw outputs.</summary>
    public UnitGaussianNormaliser? OutputNormaliser { get; internal set; }

    /// <summary>Per-epoch history ("loss", "lr", and with validation "val_loss", "val_rel_l2").</summary>
    public TrainingHistory History { get; internal set; } = new();

    /// <summary>The epoch whose weights the model holds (the best validation epoch when there was validation).</summary>
    public int Epoch { get; internal set; }

    /// <summary>The options it was trained with; null before training.</summary>
    public OperatorTrainerOptions? TrainedWith { get; internal set; }

    /// <summary>
    /// Facts about the model's data and run stored with it (for example "problem", "data", "preset",
    /// "test_positions"); <c>pdenet train</c> fills them and <c>pdenet predict</c> checks a data set against them.
    /// </summary>
    public Dictionary<string, string> Metadata { get; } = [];

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => Network.ParameterCount;

    /// <summary>The network applied to normalised inputs, outputs decoded; keeps the autograd graph.</summary>
    /// <param name="input">Raw inputs.</param>
    /// <param name="coordinates">Trunk coordinates (P, d), or (batch, d) when <paramref name="paired"/>.</param>
    /// <param name="paired">One output point per input function (DeepONet's triples); the output is then (batch, 1).</param>
    internal Tensor Forward(Tensor input, Tensor? coordinates, bool paired = false)
    {
        if (Network.NeedsCoordinates && coordinates is null)
            throw new ArgumentNullException(nameof(coordinates), $"{Spec.Kind} needs output coordinates (P, d)");
        var x = InputNormaliser is null ? input : InputNormaliser.Encode(input);
        Tensor y;
        if (paired)
        {
            if (Network is not DeepOnet deepOnet) throw new InvalidOperationException($"paired samples (one output point per function) need a DeepONet, not {Spec.Kind}");
            y = deepOnet.ForwardPaired(x, coordinates!).unsqueeze(1);
        }
        else
        {
            y = Network.Forward(x, coordinates);
        }
        return OutputNormaliser is null ? y : OutputNormaliser.Decode(y);
    }

    /// <summary>
    /// Predicts raw outputs for raw <paramref name="input"/>: (batch, C_out, H, W) for grid operators,
    /// (batch, P) for DeepONet at <paramref name="coordinates"/> (P, d). Evaluation mode, no gradients.
    /// </summary>
    public Tensor Predict(Tensor input, Tensor? coordinates = null)
    {
        Network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var dtype = Network.DType;
        return Forward(input.to_type(dtype), coordinates?.to_type(dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Predicts G(u_i)(y_i) for raw inputs (batch, m) and one point per function, <paramref name="coordinates"/> (batch, d):
    /// the triple form of the DeepONet paper; output (batch, 1). DeepONet only; evaluation mode, no gradients.
    /// </summary>
    public Tensor PredictPaired(Tensor input, Tensor coordinates)
    {
        Network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var dtype = Network.DType;
        return Forward(input.to_type(dtype), coordinates.to_type(dtype), paired: true).MoveToOuterDisposeScope();
    }

    /// <summary>Trains the model; see <see cref="OperatorTrainer"/>.</summary>
    public void Fit(OperatorSamples train, OperatorSamples? validation, OperatorTrainerOptions options, IProgress<OperatorEpoch>? progress = null, CancellationToken cancellation = default) =>
        new OperatorTrainer(options, progress, cancellation).Fit(this, train, validation);

    /// <summary>Writes the model (specification, weights, normalisers, history) to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => OperatorModelFile.Write(path, Header("model", Epoch, 0, Epoch, double.NaN, 0), Blocks());

    internal OperatorModelHeader Header(string content, int epoch, int step, int bestEpoch, double bestMetric, int lastGoodStep) =>
        new(content, Spec, TrainedWith, epoch, step, bestEpoch, bestMetric, lastGoodStep, History.Steps.ToArray(),
            History.Names.ToDictionary(n => n, n => History[n].ToArray()), PdeNet.Core.Fields.FieldFile.Version,
            Metadata.Count > 0 ? new Dictionary<string, string>(Metadata) : null);

    internal Dictionary<string, byte[]> Blocks()
    {
        var blocks = new Dictionary<string, byte[]> { ["network"] = NetworkState() };
        if (InputNormaliser is not null) blocks["input-normaliser"] = OperatorModelFile.Bytes(InputNormaliser.Write);
        if (OutputNormaliser is not null) blocks["output-normaliser"] = OperatorModelFile.Bytes(OutputNormaliser.Write);
        return blocks;
    }

    internal byte[] NetworkState() => OperatorModelFile.Bytes(w => Network.save(w));

    internal void LoadNetworkState(byte[] state) => OperatorModelFile.ReadBytes(state, r => Network.load(r));

    /// <summary>Reads a model (or a training checkpoint) written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not an operator model, or damaged.</exception>
    public static OperatorModel Load(string path)
    {
        var (header, blocks) = OperatorModelFile.Read(path);
        return FromFile(path, header, blocks);
    }

    internal static OperatorModel FromFile(string path, OperatorModelHeader header, IReadOnlyDictionary<string, byte[]> blocks)
    {
        var model = new OperatorModel(header.Spec, header.Spec.Build());
        if (!blocks.TryGetValue("network", out var network)) throw new InvalidDataException($"{path}: no network block");
        model.LoadNetworkState(network);
        if (blocks.TryGetValue("input-normaliser", out var input)) OperatorModelFile.ReadBytes(input, r => model.InputNormaliser = UnitGaussianNormaliser.Read(r, model.Network.DType));
        if (blocks.TryGetValue("output-normaliser", out var output)) OperatorModelFile.ReadBytes(output, r => model.OutputNormaliser = UnitGaussianNormaliser.Read(r, model.Network.DType));
        var history = new TrainingHistory();
        for (int i = 0; i < header.HistorySteps.Length; i++)
            history.Add(header.HistorySteps[i], header.HistorySeries.ToDictionary(s => s.Key, s => s.Value[i]));
        model.History = history;
        model.Epoch = header.BestEpoch;
        model.TrainedWith = header.Trainer;
        foreach (var (key, value) in header.Metadata ?? []) model.Metadata[key] = value;
        return model;
    }
}
