using PdeNet.Operators.Data;

namespace PdeNet.Operators.Experiments;

/// <summary>What <see cref="OperatorPredictionRun"/> predicted and how far off it is.</summary>
/// <param name="Problem">The data set's problem.</param>
/// <param name="Model">The model family: deeponet, mgno or lsm.</param>
/// <param name="ModelFile">The model's path.</param>
/// <param name="DataPath">The data set's path.</param>
/// <param name="Hdf5Path">The prediction file (.h5).</param>
/// <param name="XdmfPath">Its XDMF index for ParaView.</param>
/// <param name="Data">The data set as read (subsampled with the model's stride).</param>
/// <param name="Evaluation">Predictions and errors per sample.</param>
public sealed record OperatorPredictionReport(string Problem, string Model, string ModelFile, string DataPath, string Hdf5Path, string XdmfPath,
    OperatorDataset Data, OperatorEvaluation Evaluation);
