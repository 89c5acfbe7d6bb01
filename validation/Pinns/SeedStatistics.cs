namespace PdeNet.Validation.Pinns;

/// <summary>Summaries of a quantity measured over several seeds.</summary>
internal static class SeedStatistics
{
    /// <summary>"mean ± sample standard deviation" in scientific notation.</summary>
    public static string MeanStd(IReadOnlyList<double> values) => $"{values.Average():E2} ± {StandardDeviation(values):E1}";

    /// <summary>The sample standard deviation (divisor n - 1); 0 for a single value.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
