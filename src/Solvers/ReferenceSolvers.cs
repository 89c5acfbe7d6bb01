using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Solvers.Fem;
using PdeNet.Solvers.FiniteVolume;
using PdeNet.Solvers.Spectral;

namespace PdeNet.Solvers;

/// <summary>Which classical solver is the reference for a problem: the first of spectral, finite-volume and finite elements that accepts it.</summary>
public static class ReferenceSolvers
{
    /// <summary>The reference solvers' names, in the order they are tried.</summary>
    public static IReadOnlyList<string> Names { get; } = ["spectral", "finite-volume", "fem"];

    /// <summary>
    /// The reference solver for <paramref name="problem"/>: Fourier pseudo-spectral for periodic evolution problems,
    /// finite volumes for 1D diffusion on an interval, finite elements (with <paramref name="fem"/>) otherwise.
    /// </summary>
    public static ISolver For(Problem problem, FemOptions? fem = null) =>
        SpectralSolver.Supports(problem, out _) ? new SpectralSolver()
        : FiniteVolumeSolver.Supports(problem, out _) ? new FiniteVolumeSolver()
        : new FemSolver(fem ?? new FemOptions());
}
