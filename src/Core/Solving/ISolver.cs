using PdeNet.Core.Problems;

namespace PdeNet.Core.Solving;

/// <summary>Anything that turns a problem definition into a solution: the finite-element
/// reference, a PINN, and the other surrogates.</summary>
public interface ISolver
{
    /// <summary>Short name used on the command line and in files, for example "fem" or "pinn".</summary>
    string Name { get; }

    /// <summary>The options the solver runs with, a record that serialises into output metadata.</summary>
    object Options { get; }

    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem; it is validated first.</param>
    /// <param name="progress">Receives progress reports; may be null.</param>
    /// <param name="cancellation">Stops the solve early with <see cref="OperationCanceledException"/>.</param>
    Solution Solve(Problem problem, IProgress<SolverProgress>? progress = null, CancellationToken cancellation = default);
}
