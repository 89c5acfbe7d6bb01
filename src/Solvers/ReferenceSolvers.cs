using PdeNet.Core.Problems;
using PdeNet.Core.Solving;
using PdeNet.Geometry;
using PdeNet.Geometry.Meshes;
using PdeNet.Solvers.Evolution;
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

    /// <summary>
    /// Where a comparison against <paramref name="reference"/> integrates errors and stores fields: the finite-element
    /// reference's mesh, a grid reference's own mesh (unless <paramref name="nativeGrid"/> is false), else the mesh the
    /// finite-element solver would make of <paramref name="domain"/> with <paramref name="fem"/>.
    /// </summary>
    public static Mesh ComparisonMesh(Solution? reference, Domain domain, FemOptions fem, bool nativeGrid = true) => reference switch
    {
        FemSolution solution => solution.Mesh,
        SnapshotSolution grid when nativeGrid => grid.NativeMesh,
        _ => FemSolver.MeshFor(domain, fem),
    };
}
