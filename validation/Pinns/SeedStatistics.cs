namespace PdeNet.Validation.Pinns;

/// <summary>Summaries of a quantity measured over several seeds.</summary>
internal static class SeedStatistics
{
    /// <summary>"mean ± sample standard deviation" in scientific notation.</summary>
    public static string MeanStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return $"{mean:E2} ± {std:E1}";
    }
}
