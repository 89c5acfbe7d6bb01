using System.Diagnostics;
using PdeNet.Operators.Data;
using PdeNet.Operators.Training;
using static TorchSharp.torch;

namespace PdeNet.Operators.Experiments;

/// <summary>
/// A trained model's predictions on samples of a data set, and their errors against the reference
/// outputs: the relative L2 error of each sample, ‖G(a) − u‖₂ / ‖u‖₂ over all its output values (the
/// <c>rel_l2</c> of the trainer), their mean, and the mean squared error over all values.
/// </summary>
/// <param name="Positions">The samples' positions in the data set.</param>
/// <param name="SampleIndices">The generator's index i of each sample.</param>
/// <param name="Predictions">One array per sample, shape (T, n_1, ..., n_d) as <see cref="OperatorDataset.Output"/>.</param>
/// <param name="RelativeL2">Relative L2 error of each sample.</param>
/// <param name="Mse">Mean squared error over every value of every sample.</param>
/// <param name="SecondsPerSample">Wall time of the model's forward passes (after one untimed warm-up pass) divided by the number of samples.</param>
public sealed record OperatorEvaluation(int[] Positions, long[] SampleIndices, double[][] Predictions, double[] RelativeL2, double Mse, double SecondsPerSample)
{
    /// <summary>The mean relative L2 error over the samples.</summary>
    public double MeanRelativeL2 => RelativeL2.Average();

    /// <summary>Predicts the samples at <paramref name="positions"/> in batches of <paramref name="batchSize"/> and scores them.</summary>
    /// <exception cref="ArgumentException">No positions, or the model does not fit the data set.</exception>
    public static OperatorEvaluation Of(OperatorModel model, OperatorDataset data, IReadOnlyList<int> positions, int batchSize = 32)
    {
        if (positions.Count == 0) throw new ArgumentException("no samples to evaluate", nameof(positions));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        var predictions = new double[positions.Count][];
        using (var warmUp = NewDisposeScope())
        {
            // One untimed pass first, so that the timing leaves out one-off costs (JIT, allocator).
            var first = DatasetTensors.Samples(data, [positions[0]], model.Spec);
            model.Predict(first.Inputs, first.Coordinates);
        }
        var clock = new Stopwatch();
        for (int start = 0; start < positions.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = positions.Skip(start).Take(batchSize).ToArray();
            var samples = DatasetTensors.Samples(data, batch, model.Spec);
            clock.Start();
            var prediction = model.Predict(samples.Inputs, samples.Coordinates);
            clock.Stop();
            var values = prediction.to_type(ScalarType.Float64).reshape(batch.Length, -1).data<double>().ToArray();
            int size = values.Length / batch.Length;
            for (int b = 0; b < batch.Length; b++) predictions[start + b] = values[(b * size)..((b + 1) * size)];
        }
        var relative = new double[positions.Count];
        double squares = 0;
        long count = 0;
        for (int s = 0; s < positions.Count; s++)
        {
            var target = data.Output(positions[s]);
            if (target.Length != predictions[s].Length)
                throw new ArgumentException($"the model predicts {predictions[s].Length} values per sample, the data set holds {target.Length}", nameof(data));
            double error = 0, norm = 0;
            for (int i = 0; i < target.Length; i++)
            {
                double e = predictions[s][i] - target[i];
                error += e * e;
                norm += target[i] * target[i];
            }
            relative[s] = Math.Sqrt(error) / Math.Sqrt(norm);
            squares += error;
            count += target.Length;
        }
        return new OperatorEvaluation(positions.ToArray(), positions.Select(p => data.SampleIndices[p]).ToArray(), predictions, relative,
            squares / count, clock.Elapsed.TotalSeconds / positions.Count);
    }
}
