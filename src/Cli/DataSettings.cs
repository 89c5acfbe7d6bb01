namespace PdeNet.Cli;

/// <summary>The settings of <c>pdenet data &lt;problem&gt;</c>.</summary>
/// <param name="Problem">Parametric problem name.</param>
/// <param name="Samples">Number of samples.</param>
/// <param name="Resolution">Grid points per axis; null for the problem's default.</param>
/// <param name="Out">The .h5 file.</param>
/// <param name="Seed">Data-set seed.</param>
/// <param name="First">Index of the first sample.</param>
/// <param name="Workers">Samples solved at once (0: one per core).</param>
/// <param name="Block">Samples per saved block (0: 4 per worker).</param>
/// <param name="Json">Print JSON.</param>
internal sealed record DataSettings(string Problem, int Samples, int? Resolution, string Out, long Seed, long First, int Workers, int Block, bool Json);
