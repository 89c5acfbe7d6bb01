namespace PdeNet.Reporting.Comparisons;

/// <summary>The files a comparison wrote.</summary>
/// <param name="BySolver">For each solver, the files that show it (the shared field file and panel included).</param>
/// <param name="All">Every file written, once.</param>
public sealed record ComparisonFiles(IReadOnlyDictionary<string, IReadOnlyList<string>> BySolver, IReadOnlyList<string> All);
