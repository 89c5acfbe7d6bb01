using PdeNet.Operators.Models;
using PdeNet.Operators.Training;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// The training settings of the papers' scripts per model family, used when a run does not say otherwise:
/// <list type="table">
/// <item><term>DeepONet, MLP branch</term><description>Adam, learning rate 1e-3 constant, MSE (lululxvi/deeponet)</description></item>
/// <item><term>DeepONet, CNN branch</term><description>AdamW with weight decay 1e-4, learning rate 3e-4 constant, MSE (lu-group/deeponet-fno)</description></item>
/// <item><term>MgNO</term><description>Adam with coupled weight decay 1e-4, OneCycle (peak 5e-4, 20% rising, div 2, final div 100), relative H1, batch 8 (xlliu2017/MgNO)</description></item>
/// <item><term>LSM</term><description>Adam with coupled weight decay 1e-4, learning rate 5e-4 halved every 100 epochs, relative L2, batch 20 (thuml/Latent-Spectral-Models)</description></item>
/// <item><term>physics-informed (pi-sc, pi-hc, pi-hc-moe)</term><description>Adam, learning rate 1e-3 constant, relative L2 on the data
/// (plus the weighted residual penalty for pi-sc), batch 4, raw inputs and outputs (the constraint rows are in physical units)</description></item>
/// </list>
/// Epochs default to 500 and the DeepONet batch to 64. OneCycle needs six epochs or more; with fewer
/// the peak rate is held constant.
/// </summary>
public static class OperatorTrainingDefaults
{
    /// <summary>Epochs when none are given.</summary>
    public const int Epochs = 500;

    /// <summary>The trainer options for <paramref name="spec"/>, each given value replacing the family's default.</summary>
    /// <param name="spec">The network (family and branch type decide the defaults).</param>
    /// <param name="epochs">Epochs; null for <see cref="Epochs"/>.</param>
    /// <param name="batchSize">Samples per step; null for the family's.</param>
    /// <param name="rate">Learning rate (the peak of OneCycle, the initial rate of StepLR); null for the family's.</param>
    /// <param name="loss">Training loss; null for the family's.</param>
    /// <param name="seed">Seed of the weights and the shuffling.</param>
    /// <param name="checkpoint">Checkpoint file, written after every epoch; null for none.</param>
    /// <param name="threads">libtorch threads; null for one per core.</param>
    public static OperatorTrainerOptions For(OperatorModelSpec spec, int? epochs = null, int? batchSize = null, double? rate = null,
        OperatorLossKind? loss = null, int seed = 0, string? checkpoint = null, int? threads = null)
    {
        int n = epochs ?? Epochs;
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(epochs), n, "epochs must be at least 1");
        if (rate is { } r && !(r > 0 && double.IsFinite(r))) throw new ArgumentOutOfRangeException(nameof(rate), r, "the learning rate must be positive");
        var options = spec.Kind switch
        {
            OperatorKind.DeepOnet when spec.DeepOnet!.Cnn is null =>
                new OperatorTrainerOptions(n, 64, new ConstantSchedule(rate ?? 1e-3), OptimizerKind.Adam, Loss: OperatorLossKind.Mse),
            OperatorKind.DeepOnet =>
                new OperatorTrainerOptions(n, 64, new ConstantSchedule(rate ?? 3e-4), OptimizerKind.AdamW, 1e-4, OperatorLossKind.Mse),
            OperatorKind.Mgno =>
                new OperatorTrainerOptions(n, 8, n >= 6 ? new OneCycleSchedule(rate ?? 5e-4, n, 0.2, 2, 100) : new ConstantSchedule(rate ?? 5e-4),
                    OptimizerKind.Adam, 1e-4, OperatorLossKind.RelativeH1),
            OperatorKind.Lsm =>
                new OperatorTrainerOptions(n, 20, new StepSchedule(rate ?? 5e-4, 100, 0.5), OptimizerKind.Adam, 1e-4, OperatorLossKind.RelativeL2),
            OperatorKind.PhysicsInformed =>
                new OperatorTrainerOptions(n, 4, new ConstantSchedule(rate ?? 1e-3), OptimizerKind.Adam, 0, OperatorLossKind.RelativeL2,
                    NormaliseInputs: false, NormaliseOutputs: false),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown operator kind"),
        };
        return options with
        {
            BatchSize = batchSize ?? options.BatchSize,
            Loss = loss ?? options.Loss,
            Seed = seed,
            CheckpointPath = checkpoint,
            Threads = threads,
        };
    }
}
