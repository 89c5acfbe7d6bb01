using PdeNet.Core.Solving;
using PdeNet.Neural;
using PdeNet.Neural.Optimization;
using PdeNet.Neural.Training;
using PdeNet.Operators.Losses;
using PdeNet.Operators.Normalisation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeNet.Operators.Training;

/// <summary>
/// Mini-batch training of an <see cref="OperatorModel"/>: each epoch sets the scheduled learning rate,
/// shuffles the training samples (a permutation drawn from the seed and the epoch number, so a resumed
/// run repeats the same order), and takes one Adam or AdamW step per batch on the chosen loss,
/// computed on decoded outputs against the raw targets. After each epoch the validation set (when
/// given) is scored by the loss and the relative L2 error; the weights of the epoch with the lowest
/// validation relative L2 are kept and restored at the end. A checkpoint with the optimiser state is
/// written every <see cref="OperatorTrainerOptions.CheckpointEvery"/> epochs and can be resumed bit for
/// bit. A NaN or infinite loss restores the weights of the last good epoch and throws
/// <see cref="LossDivergedException"/>; the checkpoint on disk is left as it was.
/// </summary>
public sealed class OperatorTrainer(OperatorTrainerOptions options, IProgress<OperatorEpoch>? progress = null, CancellationToken cancellation = default)
{
    private sealed record ResumeState(int Epoch, int Step, int BestEpoch, double BestMetric, TrainingHistory History, byte[] Optimizer, byte[]? Best);

    /// <summary>The options.</summary>
    public OperatorTrainerOptions Options { get; } = options;

    /// <summary>Trains <paramref name="model"/> from its current weights; fits the normalisers the options ask for.</summary>
    /// <exception cref="LossDivergedException">The loss became NaN or infinite; the model holds the last good epoch's weights.</exception>
    public void Fit(OperatorModel model, OperatorSamples train, OperatorSamples? validation = null) => Run(model, train, validation, null);

    /// <summary>
    /// Continues the training saved in the checkpoint at <paramref name="checkpointPath"/> up to
    /// <see cref="OperatorTrainerOptions.Epochs"/> epochs, with these options and the saved weights,
    /// normalisers, optimiser state, history and best epoch.
    /// </summary>
    /// <param name="checkpointPath">The checkpoint.</param>
    /// <param name="train">The training samples.</param>
    /// <param name="validation">The validation samples; null for none.</param>
    /// <param name="check">Runs on the loaded model before training continues (for instance to refuse a checkpoint of another problem); may throw.</param>
    public OperatorModel Resume(string checkpointPath, OperatorSamples train, OperatorSamples? validation = null, Action<OperatorModel>? check = null)
    {
        var (header, blocks) = OperatorModelFile.Read(checkpointPath);
        if (header.Content != "checkpoint" || !blocks.TryGetValue("optimizer", out var optimizer))
            throw new InvalidDataException($"{checkpointPath}: a saved model, not a training checkpoint (no optimiser state)");
        var model = OperatorModel.FromFile(checkpointPath, header, blocks);
        check?.Invoke(model);
        blocks.TryGetValue("best-network", out var best);
        Run(model, train, validation, new ResumeState(header.Epoch, header.Step, header.BestEpoch, header.BestMetric, model.History, optimizer, best));
        return model;
    }

    private void Run(OperatorModel model, OperatorSamples train, OperatorSamples? validation, ResumeState? resume)
    {
        var o = Options;
        if (o.Epochs < 0) throw new ArgumentOutOfRangeException(nameof(o.Epochs), o.Epochs, "Epochs must be zero or positive");
        if (o.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(o.BatchSize), o.BatchSize, "BatchSize must be positive");
        if (o.CheckpointEvery < 1) throw new ArgumentOutOfRangeException(nameof(o.CheckpointEvery), o.CheckpointEvery, "CheckpointEvery must be positive");
        if (o.WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(o.WeightDecay), o.WeightDecay, "WeightDecay must be zero or positive");
        train.Check(nameof(train));
        validation?.Check(nameof(validation));
        if (model.Network.NeedsRawData && (o.NormaliseInputs || o.NormaliseOutputs))
            throw new ArgumentException($"a {model.Spec.Name} model works on raw inputs and outputs; set NormaliseInputs and NormaliseOutputs to false", nameof(options));
        TorchRuntime.Initialise(o.Seed, o.Threads);

        var dtype = model.Network.DType;
        var inputs = train.Inputs.to_type(dtype);
        var targets = train.Targets.to_type(dtype);
        var coordinates = train.Coordinates?.to_type(dtype);
        if (resume is null)
        {
            model.InputNormaliser = o.NormaliseInputs ? UnitGaussianNormaliser.Fit(inputs) : null;
            model.OutputNormaliser = o.NormaliseOutputs ? UnitGaussianNormaliser.Fit(targets) : null;
        }
        var loss = o.CreateLoss();
        var parameters = model.Network.parameters().ToArray();
        double rate0 = o.Schedule.RateAt(resume?.Epoch ?? 0);
        using var optimizer = new AdamOptimizer(parameters, o.Optimizer switch
        {
            OptimizerKind.Adam => new AdamOptions(rate0, WeightDecay: o.WeightDecay),
            OptimizerKind.AdamW => new AdamOptions(rate0, WeightDecay: o.WeightDecay, Decoupled: true),
            _ => throw new ArgumentOutOfRangeException(nameof(o.Optimizer), o.Optimizer, "unknown optimiser"),
        });
        int firstEpoch = 0, step = 0, bestEpoch = 0;
        double bestMetric = double.PositiveInfinity;
        byte[]? best = null;
        var history = new TrainingHistory();
        if (resume is not null)
        {
            OperatorModelFile.ReadBytes(resume.Optimizer, optimizer.Load);
            (firstEpoch, step, bestEpoch, bestMetric, history, best) = (resume.Epoch, resume.Step, resume.BestEpoch, resume.BestMetric, resume.History, resume.Best);
            if (double.IsNaN(bestMetric)) bestMetric = double.PositiveInfinity;
        }
        var lastGood = model.NetworkState();
        int lastGoodStep = step;
        long n = inputs.shape[0];
        for (int epoch = firstEpoch; epoch < o.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double rate = o.Schedule.RateAt(epoch);
            optimizer.LearningRate = rate;
            model.Network.train();
            var order = Permutation(n, o.Seed, epoch);
            double sum = 0;
            for (long start = 0; start < n; start += o.BatchSize)
            {
                using var scope = NewDisposeScope();
                long count = Math.Min(o.BatchSize, n - start);
                using var index = tensor(order[(int)start..(int)(start + count)]);
                var x = inputs.index_select(0, index);
                var y = targets.index_select(0, index);
                optimizer.ZeroGrad();
                var value = loss.Compute(model.Forward(x, train.CoordinatesOf(coordinates, index), train.Paired), y);
                if (model.Network.TakePenalty() is { } penalty) value = value.Plus(penalty);
                double v = Value(value);
                if (!double.IsFinite(v)) Diverged(model, lastGood, step, lastGoodStep, v);
                value.backward();
                optimizer.Step();
                step++;
                sum += v * count;
            }
            if (parameters.Any(p => !p.isfinite().all().item<bool>())) Diverged(model, lastGood, step, lastGoodStep, double.NaN);
            lastGood = model.NetworkState();
            lastGoodStep = step;
            var values = new Dictionary<string, double> { ["loss"] = sum / n, ["lr"] = rate };
            double? validationLoss = null, validationError = null;
            if (validation is not null)
            {
                (validationLoss, validationError) = Score(model, validation, loss);
                values["val_loss"] = validationLoss.Value;
                values["val_rel_l2"] = validationError.Value;
                if (validationError.Value < bestMetric)
                {
                    bestMetric = validationError.Value;
                    bestEpoch = epoch + 1;
                    best = lastGood;
                }
            }
            history.Add(epoch + 1, values);
            model.History = history;
            progress?.Report(new OperatorEpoch(epoch + 1, o.Epochs, rate, sum / n, validationLoss, validationError));
            if (o.CheckpointPath is { } path && ((epoch + 1) % o.CheckpointEvery == 0 || epoch + 1 == o.Epochs))
            {
                model.TrainedWith = o;
                var blocks = model.Blocks();
                blocks["optimizer"] = OperatorModelFile.Bytes(optimizer.Save);
                if (best is not null) blocks["best-network"] = best;
                OperatorModelFile.Write(path, model.Header("checkpoint", epoch + 1, step, validation is null ? epoch + 1 : bestEpoch, bestMetric, lastGoodStep), blocks);
            }
        }
        model.TrainedWith = o;
        model.History = history;
        if (validation is not null && best is not null)
        {
            model.LoadNetworkState(best);
            model.Epoch = bestEpoch;
        }
        else
        {
            model.Epoch = Math.Max(o.Epochs, firstEpoch);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Diverged(OperatorModel model, byte[] lastGood, int step, int lastGoodStep, double value)
    {
        model.LoadNetworkState(lastGood);
        throw new LossDivergedException(step, lastGoodStep, value);
    }

    /// <summary>Mean loss and mean relative L2 error per sample on <paramref name="samples"/>, in evaluation mode.</summary>
    private (double Loss, double RelativeL2) Score(OperatorModel model, OperatorSamples samples, IOperatorLoss loss)
    {
        model.Network.eval();
        using var _ = no_grad();
        var dtype = model.Network.DType;
        var inputs = samples.Inputs.to_type(dtype);
        var targets = samples.Targets.to_type(dtype);
        var coordinates = samples.Coordinates?.to_type(dtype);
        var relative = new RelativeLpLoss(2);
        long n = inputs.shape[0];
        double lossSum = 0, errorSum = 0;
        for (long start = 0; start < n; start += Options.BatchSize)
        {
            using var scope = NewDisposeScope();
            long count = Math.Min(Options.BatchSize, n - start);
            var x = inputs.narrow(0, start, count);
            var y = targets.narrow(0, start, count);
            var prediction = model.Forward(x, samples.CoordinatesOf(coordinates, start, count), samples.Paired);
            lossSum += Value(loss.Compute(prediction, y)) * count;
            errorSum += Value(relative.Compute(prediction, y)) * count;
        }
        model.Network.train();
        return (lossSum / n, errorSum / n);
    }

    private static double Value(Tensor scalar) => scalar.to_type(ScalarType.Float64).item<double>();

    /// <summary>A permutation of 0..n−1 that depends only on the seed and the epoch.</summary>
    private static long[] Permutation(long n, int seed, int epoch)
    {
        var random = new Random(unchecked(seed * 1_000_003 + epoch * 7_919 + 17));
        var order = new long[n];
        for (long i = 0; i < n; i++) order[i] = i;
        for (long i = n - 1; i > 0; i--)
        {
            long j = random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
