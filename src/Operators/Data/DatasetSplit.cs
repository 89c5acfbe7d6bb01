using PdeNet.Core.RandomFields;

namespace PdeNet.Operators.Data;

/// <summary>
/// Disjoint train / validation / test positions into a data set. By default the split is
/// contiguous as in the FNO scripts (the first samples train, the last ones test); with a shuffle
/// seed the positions are permuted first (the same seed gives the same split).
/// </summary>
/// <param name="Train">Positions of the training samples.</param>
/// <param name="Validation">Positions of the validation samples.</param>
/// <param name="Test">Positions of the test samples.</param>
public sealed record DatasetSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>Splits <paramref name="count"/> samples: train first, then validation, test last.</summary>
    /// <param name="count">Samples in the data set.</param>
    /// <param name="train">Training samples.</param>
    /// <param name="validation">Validation samples.</param>
    /// <param name="test">Test samples, taken from the end.</param>
    /// <param name="shuffleSeed">When given, the positions are permuted (Fisher–Yates with this seed) before splitting.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the three exceed <paramref name="count"/>.</exception>
    public static DatasetSplit Of(int count, int train, int validation, int test, long? shuffleSeed = null)
    {
        if (train < 0) throw new ArgumentOutOfRangeException(nameof(train), train, "the training count cannot be negative");
        if (validation < 0) throw new ArgumentOutOfRangeException(nameof(validation), validation, "the validation count cannot be negative");
        if (test < 0) throw new ArgumentOutOfRangeException(nameof(test), test, "the test count cannot be negative");
        if ((long)train + validation + test > count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"train {train} + validation {validation} + test {test} exceed the {count} samples");
        var order = Enumerable.Range(0, count).ToArray();
        if (shuffleSeed is { } seed) Shuffle(order, new RandomStream(seed));
        return new DatasetSplit(order[..train], order[train..(train + validation)], order[(count - test)..]);
    }

    /// <summary>Splits by fractions of <paramref name="count"/> (rounded down; the test set takes the rest).</summary>
    public static DatasetSplit ByFractions(int count, double train, double validation, long? shuffleSeed = null)
    {
        if (!(train >= 0) || !(validation >= 0) || train + validation > 1)
            throw new ArgumentOutOfRangeException(nameof(train), $"fractions train {train} and validation {validation} must be non-negative with a sum of at most 1");
        int nTrain = (int)Math.Floor(train * count), nValidation = (int)Math.Floor(validation * count);
        return Of(count, nTrain, nValidation, count - nTrain - nValidation, shuffleSeed);
    }

    /// <summary>
    /// Splits by three parts (train, validation, test): fractions of <paramref name="count"/> when they sum
    /// to at most 1 (train and validation rounded down; when the fractions sum to 1 the test set takes the
    /// rest), otherwise whole sample counts.
    /// </summary>
    /// <exception cref="ArgumentException">Not three non-negative parts, counts that are not whole, or more samples than there are.</exception>
    public static DatasetSplit ByParts(int count, IReadOnlyList<double> parts, long? shuffleSeed = null)
    {
        if (parts.Count != 3 || parts.Any(p => !(p >= 0) || double.IsInfinity(p)))
            throw new ArgumentException($"give three non-negative parts train,validation,test (fractions or counts), got {string.Join(",", parts)}", nameof(parts));
        double sum = parts.Sum();
        if (sum <= 1 + 1e-12)
        {
            int nTrain = (int)Math.Floor(parts[0] * count + 1e-9), nValidation = (int)Math.Floor(parts[1] * count + 1e-9);
            int nTest = Math.Abs(sum - 1) < 1e-9 ? count - nTrain - nValidation : (int)Math.Floor(parts[2] * count + 1e-9);
            return Of(count, nTrain, nValidation, Math.Max(0, nTest), shuffleSeed);
        }
        if (parts.Any(p => p != Math.Floor(p) || p > int.MaxValue))
            throw new ArgumentException($"parts {string.Join(",", parts)} sum to more than 1, so they are sample counts, and counts must be whole numbers", nameof(parts));
        return Of(count, (int)parts[0], (int)parts[1], (int)parts[2], shuffleSeed);
    }

    /// <summary>Permutes <paramref name="values"/> in place (Fisher–Yates).</summary>
    public static void Shuffle(int[] values, RandomStream random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
