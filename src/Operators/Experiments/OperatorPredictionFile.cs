using PdeNet.Core.Fields;
using PdeNet.Operators.Data;
using PdeNet.Operators.Training;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// Writes a model's predictions on data-set samples as a field file (<see cref="FieldFile"/>: HDF5 in
/// the DOLFINx layout of docs/hdf5-layout.md plus an XDMF index for ParaView) on the data set's grid.
/// Sample i (the generator's index, zero-padded) contributes the fields <c>&lt;input&gt;_i</c>,
/// <c>&lt;output&gt;_i</c> (reference), <c>&lt;output&gt;_pred_i</c> and <c>&lt;output&gt;_error_i</c>
/// (prediction − reference) at the output times; each carries the attributes <c>sample_index</c>,
/// <c>position</c> and <c>rel_l2</c>. Root attributes hold the problem, the model, the errors per
/// sample and the model's training history (<c>history_epoch</c>, <c>history_&lt;series&gt;</c>).
/// </summary>
public static class OperatorPredictionFile
{
    /// <summary>The fields of the <paramref name="k"/>-th evaluated sample on <paramref name="grid"/>.</summary>
    public static PredictionFields Fields(OperatorDataset data, DatasetGridMesh grid, OperatorEvaluation evaluation, int k)
    {
        int position = evaluation.Positions[k], size = data.GridSize;
        long index = evaluation.SampleIndices[k];
        int width = Math.Max(1, evaluation.SampleIndices.Max().ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        string suffix = index.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        var attributes = new Dictionary<string, object> { ["sample_index"] = index, ["position"] = (long)position, ["rel_l2"] = evaluation.RelativeL2[k] };
        var target = data.Output(position);
        var prediction = evaluation.Predictions[k];
        var inputs = data.InputNames.Select((name, c) => new Field($"{name}_{suffix}", grid.Mesh, grid.ToNodes(data.Input(c, position)), time: data.Times[0], attributes: attributes)).ToArray();
        var targets = new Field[data.Times.Count];
        var predictions = new Field[data.Times.Count];
        var errors = new Field[data.Times.Count];
        for (int t = 0; t < data.Times.Count; t++)
        {
            targets[t] = new Field($"{data.OutputName}_{suffix}", grid.Mesh, grid.ToNodes(target.Slice(t * size, size)), time: data.Times[t], attributes: attributes);
            predictions[t] = new Field($"{data.OutputName}_pred_{suffix}", grid.Mesh, grid.ToNodes(prediction.AsSpan(t * size, size)), time: data.Times[t], attributes: attributes);
            errors[t] = predictions[t].Minus(targets[t], $"{data.OutputName}_error_{suffix}");
            errors[t] = new Field(errors[t].Name, grid.Mesh, errors[t].Values, time: data.Times[t], attributes: attributes);
        }
        return new PredictionFields(inputs, targets, predictions, errors);
    }

    /// <summary>Writes the evaluated samples to <c>&lt;stem&gt;.h5</c> and <c>&lt;stem&gt;.xdmf</c>, atomically.</summary>
    /// <param name="path">The .h5 path or the stem; its folder must exist.</param>
    /// <param name="data">The data set the samples come from.</param>
    /// <param name="evaluation">The predictions and errors.</param>
    /// <param name="model">The model (its history and metadata go into the root attributes).</param>
    /// <param name="metadata">Further root attributes (string, double, long, int, bool or double[]).</param>
    public static FieldFilePaths Write(string path, OperatorDataset data, OperatorEvaluation evaluation, OperatorModel model, IReadOnlyDictionary<string, object>? metadata = null)
    {
        var grid = DatasetGridMesh.For(data);
        var fields = Enumerable.Range(0, evaluation.Positions.Length).SelectMany(k => Fields(data, grid, evaluation, k).All).ToList();
        var root = new Dictionary<string, object>(metadata ?? new Dictionary<string, object>())
        {
            ["model"] = model.Spec.Name,
            ["parameters"] = model.ParameterCount,
            ["best_epoch"] = (long)model.Epoch,
            ["sample_indices"] = evaluation.SampleIndices.Select(i => (double)i).ToArray(),
            ["positions"] = evaluation.Positions.Select(p => (double)p).ToArray(),
            ["rel_l2"] = evaluation.RelativeL2,
            ["mean_rel_l2"] = evaluation.MeanRelativeL2,
            ["mse"] = evaluation.Mse,
            ["inference_seconds_per_sample"] = evaluation.SecondsPerSample,
            ["history_epoch"] = model.History.Steps.Select(s => (double)s).ToArray(),
        };
        foreach (var name in model.History.Names) root[$"history_{name}"] = model.History[name].ToArray();
        foreach (var (key, value) in model.Metadata) root.TryAdd(key, value);
        return FieldFile.Write(path, fields, root);
    }
}
