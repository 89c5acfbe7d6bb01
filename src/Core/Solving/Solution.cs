using PdeNet.Core.Fields;
using PdeNet.Core.Problems;
using PdeNet.Geometry.Meshes;

namespace PdeNet.Core.Solving;

/// <summary>
/// What every solver returns: a function u(x, t) that can be evaluated anywhere in the domain,
/// together with how it was obtained (solver, options, wall time, training history).
/// Comparison, export and plotting work on solutions and the fields made from them, so they never
/// depend on which solver produced them.
/// </summary>
public abstract class Solution(Problem problem, string solverName)
{
    /// <summary>The problem solved.</summary>
    public Problem Problem { get; } = problem;

    /// <summary>Name of the solver, for example "fem", "pinn" or "exact".</summary>
    public string SolverName { get; } = solverName;

    /// <summary>Wall time taken to produce the solution, in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>How the solution was obtained (options, seed, iteration counts) for output metadata.</summary>
    public IReadOnlyDictionary<string, object> Metadata { get; init; } = new Dictionary<string, object>();

    /// <summary>The training history, for solvers that train.</summary>
    public TrainingHistory? History { get; init; }

    /// <summary>Components of u per point: 1 for a scalar unknown, m for the vector unknown of a system.</summary>
    public int Components => Problem.IsSystem ? Problem.Unknowns.Count : 1;

    /// <summary>Evaluates u at <paramref name="points"/> (shape (n, d), row-major) at time <paramref name="time"/>.</summary>
    /// <returns>n values, or shape (n, m) row-major for a vector unknown of m <see cref="Components"/>.</returns>
    public abstract double[] Evaluate(double[] points, double time = 0);

    /// <summary>
    /// Evaluates a quantity derived from u that the solver computes itself, by name (for example
    /// "vorticity" for a streamfunction solution), at <paramref name="points"/> (shape (n, d)) at
    /// <paramref name="time"/>; n values.
    /// </summary>
    /// <exception cref="NotSupportedException">This solution has no quantity of that name.</exception>
    public virtual double[] EvaluateQuantity(string name, double[] points, double time = 0) =>
        throw new NotSupportedException($"the {SolverName} solution of '{Problem.Name}' has no derived quantity '{name}'");

    /// <summary>The nodal field of u on <paramref name="mesh"/> (a vector field for a vector unknown), named after the solver unless a name is given.</summary>
    public virtual Field ToField(Mesh mesh, string? name = null, double time = 0) =>
        new(name ?? SolverName, mesh, Evaluate(mesh.Coordinates, time), Components, time, attributes: FieldAttributes());

    /// <summary>
    /// The metadata written beside this solution's fields: solver, wall time, <see cref="Metadata"/>
    /// and, for trained solvers, the training history as arrays <c>history_step</c> and
    /// <c>history_&lt;series&gt;</c>.
    /// </summary>
    protected IReadOnlyDictionary<string, object> FieldAttributes()
    {
        var attributes = new Dictionary<string, object>(Metadata) { ["solver"] = SolverName, ["seconds"] = Seconds };
        if (History is { Count: > 0 } history)
        {
            attributes["history_step"] = history.Steps.Select(s => (double)s).ToArray();
            foreach (var name in history.Names) attributes[$"history_{name}"] = history[name].ToArray();
        }
        return attributes;
    }
}
