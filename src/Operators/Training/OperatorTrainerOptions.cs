using PdeNet.Operators.Losses;

namespace PdeNet.Operators.Training;

/// <summary>How to train an operator model on mini-batches.</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="BatchSize">Samples per optimiser step (the last batch of an epoch may be smaller).</param>
/// <param name="Schedule">Learning rate per epoch.</param>
/// <param name="Optimizer">Adam (coupled weight decay) or AdamW.</param>
/// <param name="WeightDecay">Weight decay λ.</param>
/// <param name="Loss">Training loss, computed on decoded (physical) outputs against the raw targets.</param>
/// <param name="NormaliseInputs">Fit a pointwise Gaussian normaliser to the training inputs.</param>
/// <param name="NormaliseOutputs">Fit one to the training targets; the network then predicts encoded outputs.</param>
/// <param name="Seed">Seeds libtorch and the per-epoch shuffling.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
/// <param name="CheckpointPath">Where to write the checkpoint (model, normalisers, optimiser state, history) after every
/// <paramref name="CheckpointEvery"/> epochs; null for none.</param>
/// <param name="CheckpointEvery">Epochs between checkpoints.</param>
/// <param name="H1Truncation">Wave-number truncation of the relative H1 loss.</param>
public sealed record OperatorTrainerOptions(
    int Epochs,
    int BatchSize,
    LearningRateSchedule Schedule,
    OptimizerKind Optimizer = OptimizerKind.Adam,
    double WeightDecay = 0,
    OperatorLossKind Loss = OperatorLossKind.RelativeL2,
    bool NormaliseInputs = true,
    bool NormaliseOutputs = true,
    int Seed = 0,
    int? Threads = null,
    string? CheckpointPath = null,
    int CheckpointEvery = 1,
    int H1Truncation = 20)
{
    /// <summary>The training loss <see cref="Loss"/> names.</summary>
    public IOperatorLoss CreateLoss() => Loss switch
    {
        OperatorLossKind.RelativeL2 => new RelativeLpLoss(2),
        OperatorLossKind.RelativeH1 => new RelativeH1Loss(H1Truncation),
        OperatorLossKind.Mse => new MseLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "unknown loss"),
    };
}
