using PdeNet.Core.Problems;
using PdeNet.Pinns;
using PdeNet.Problems;

namespace PdeNet.Validation.Pinns;

/// <summary>
/// The fixed PINN of the performance comparison: poisson-square (-Δu = f on the unit square, u = 0 on
/// the boundary), an MLP of four hidden layers of 50 with tanh, 4096 interior collocation points and
/// PinnOptions' defaults for the rest (500 boundary points, boundary weight 10, Adam 1e-3 decaying to
/// 1e-4, float32, pseudo-random points, seed 0).
/// </summary>
internal static class PinnBenchmarkCase
{
    /// <summary>Interior collocation points.</summary>
    public const int InteriorPoints = 4096;

    /// <summary>Hidden layer widths.</summary>
    public static readonly int[] Hidden = [50, 50, 50, 50];

    /// <summary>The problem.</summary>
    public static Problem Problem() => PoissonSquare.Create();

    /// <summary>The solver's options for <paramref name="steps"/> Adam steps on <paramref name="threads"/> threads.</summary>
    public static PinnOptions Options(int threads, int steps, int logEvery) =>
        new(Hidden: Hidden, InteriorPoints: InteriorPoints, Steps: steps, Threads: threads, LogEvery: logEvery, Seed: 0);
}
