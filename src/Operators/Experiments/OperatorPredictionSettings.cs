namespace PdeNet.Operators.Experiments;

/// <summary>What <see cref="OperatorPredictionRun"/> predicts and where it writes.</summary>
/// <param name="ModelPath">A model saved by <c>pdenet train</c> (or <see cref="Training.OperatorModel.Save"/>).</param>
/// <param name="DataPath">The data set whose samples to predict.</param>
/// <param name="OutPath">The prediction field file (.h5; the .xdmf is written beside it).</param>
/// <param name="Positions">Positions of the samples in the data set; null for the default set (see <see cref="OperatorPredictionRun"/>).</param>
/// <param name="Count">Keep only the first <paramref name="Count"/> samples of the default set; null for all.</param>
/// <param name="BatchSize">Samples per forward pass.</param>
/// <param name="Threads">libtorch threads; null for one per core.</param>
public sealed record OperatorPredictionSettings(string ModelPath, string DataPath, string OutPath, int[]? Positions = null, int? Count = null, int BatchSize = 32,
    int? Threads = null);
