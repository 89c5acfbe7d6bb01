using PdeNet.Core.RandomFields;

namespace PdeNet.Operators.Data;

/// <summary>Cuts a data set (or a split of it) into mini-batches of float32 arrays.</summary>
public static class DatasetBatches
{
    /// <summary>
    /// The batches over <paramref name="positions"/> in order, or shuffled by
    /// <paramref name="shuffleSeed"/> (use a different seed per epoch, e.g. seed + epoch).
    /// </summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="positions">The samples to cover (for example <see cref="DatasetSplit.Train"/>).</param>
    /// <param name="batchSize">Samples per batch B ≥ 1; the last batch may be smaller unless <paramref name="dropLast"/>.</param>
    /// <param name="shuffleSeed">When given, the order of <paramref name="positions"/> is permuted with this seed.</param>
    /// <param name="dropLast">Leaves out a last, incomplete batch.</param>
    public static IEnumerable<OperatorBatch> Of(OperatorDataset dataset, IReadOnlyList<int> positions, int batchSize, long? shuffleSeed = null, bool dropLast = false)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        foreach (int p in positions)
        {
            if (p < 0 || p >= dataset.Count) throw new ArgumentOutOfRangeException(nameof(positions), p, $"the data set has {dataset.Count} samples");
        }
        var order = positions.ToArray();
        if (shuffleSeed is { } seed) DatasetSplit.Shuffle(order, new RandomStream(seed));
        return Enumerate(dataset, order, batchSize, dropLast);
    }

    private static IEnumerable<OperatorBatch> Enumerate(OperatorDataset dataset, int[] order, int batchSize, bool dropLast)
    {
        int channels = dataset.InputNames.Count, grid = dataset.GridSize, times = dataset.Times.Count;
        var gridShape = dataset.GridShape.Select(n => (long)n).ToArray();
        for (int start = 0; start < order.Length; start += batchSize)
        {
            int size = Math.Min(batchSize, order.Length - start);
            if (size < batchSize && dropLast) yield break;
            var positions = order[start..(start + size)];
            var inputs = new float[(long)size * channels * grid];
            var outputs = new float[(long)size * times * grid];
            for (int b = 0; b < size; b++)
            {
                for (int c = 0; c < channels; c++)
                {
                    var source = dataset.Input(c, positions[b]);
                    var target = inputs.AsSpan((b * channels + c) * grid, grid);
                    for (int i = 0; i < grid; i++) target[i] = (float)source[i];
                }
                var output = dataset.Output(positions[b]);
                var outputTarget = outputs.AsSpan(b * times * grid, times * grid);
                for (int i = 0; i < output.Length; i++) outputTarget[i] = (float)output[i];
            }
            yield return new OperatorBatch(positions, inputs, [size, channels, .. gridShape], outputs, [size, times, .. gridShape]);
        }
    }
}
