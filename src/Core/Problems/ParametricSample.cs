namespace PdeNet.Core.Problems;

/// <summary>
/// One draw of a <see cref="ParametricProblem"/>: its random input fields on the sample grid and
/// the deterministic problem they define.
/// </summary>
/// <param name="Seed">The data set's seed.</param>
/// <param name="Index">The sample's index i; the draw depends only on (Seed, Index).</param>
/// <param name="Resolution">Grid points per axis.</param>
/// <param name="Inputs">Each input field by name, row-major of shape (n_1, ..., n_d).</param>
/// <param name="Problem">The problem of this draw (null when the reference needs none, e.g. exact integration).</param>
public sealed record ParametricSample(long Seed, long Index, int Resolution, IReadOnlyDictionary<string, double[]> Inputs, Problem? Problem);
