using PdeNet.Operators.Models;

namespace PdeNet.Operators.Training;

/// <summary>The JSON header of an operator model file.</summary>
internal sealed record OperatorModelHeader(
    string Content,
    OperatorModelSpec Spec,
    OperatorTrainerOptions? Trainer,
    int Epoch,
    int Step,
    int BestEpoch,
    double BestMetric,
    int LastGoodStep,
    int[] HistorySteps,
    Dictionary<string, double[]> HistorySeries,
    string PdeNetVersion,
    Dictionary<string, string>? Metadata = null);
