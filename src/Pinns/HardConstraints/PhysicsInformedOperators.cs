using System.Collections.Concurrent;
using PdeNet.Core.Problems;
using PdeNet.Core.Symbolic;
using PdeNet.Operators.Models;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// Makes physics-informed operators buildable from their saved specification: each problem registers how
/// its constraint rows are made on a grid, and the first registration installs the builder of
/// <see cref="OperatorKind.PhysicsInformed"/> in <see cref="OperatorNetworkBuilders"/>. The command line and
/// the validations register the problems of the library at start-up.
/// </summary>
public static class PhysicsInformedOperators
{
    private static readonly ConcurrentDictionary<string, Func<PhysicsInformedOptions, IConstraintRows>> Rows = new();

    /// <summary>The problems with registered rows.</summary>
    public static IReadOnlyList<string> Problems => Rows.Keys.Order().ToArray();

    /// <summary>Registers (or replaces) how the rows of <paramref name="problem"/> are made on the options' grid.</summary>
    /// <param name="problem">The problem name, as in <see cref="PhysicsInformedOptions.Problem"/>.</param>
    /// <param name="rows">Makes the rows on the grid (Times × Positions) of the options.</param>
    public static void Register(string problem, Func<PhysicsInformedOptions, IConstraintRows> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        ArgumentNullException.ThrowIfNull(rows);
        Rows[problem] = rows;
        OperatorNetworkBuilders.Register(OperatorKind.PhysicsInformed, Build);
    }

    /// <summary>
    /// Registers <paramref name="problem"/>'s equation and boundary conditions as the rows of <paramref name="name"/>:
    /// <see cref="GridConstraintRows"/> on the options' (Times × Axes) grid, the initial state given per sample.
    /// </summary>
    /// <param name="name">The parametric problem's name (data sets carry it).</param>
    /// <param name="problem">A time-dependent problem with one scalar unknown on an interval or rectangle.</param>
    /// <param name="rows">Discretisation of the rows; null for <see cref="GridRowsOptions.Default"/>.</param>
    /// <param name="observed">The field the data sets hold, as an expression of the unknown (<see cref="ParametricProblem.Observed"/>); null for the unknown.</param>
    public static void Register(string name, Problem problem, GridRowsOptions? rows = null, Expr? observed = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Register(name, o => new GridConstraintRows(problem, new SpaceTimeGrid(o.Times, o.Axes), rows, observed));
    }

    /// <summary>Registers every problem of <paramref name="problems"/> that has a <see cref="ParametricProblem.Template"/>, by its name.</summary>
    public static void Register(IEnumerable<ParametricProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            if (problem.Template is { } template) Register(problem.Name, template, observed: problem.Observed);
        }
    }

    /// <summary>Builds the operator of <paramref name="spec"/> with the registered rows of its problem.</summary>
    /// <exception cref="InvalidOperationException">No rows are registered for the problem; the message lists those that are.</exception>
    public static PhysicsInformedOperator Build(OperatorModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = spec.PhysicsInformed ?? throw new ArgumentException($"the specification of kind {spec.Kind} has no physics-informed options", nameof(spec));
        if (!Rows.TryGetValue(options.Problem, out var rows))
            throw new InvalidOperationException($"no constraint rows are registered for problem '{options.Problem}'; physics-informed operators exist for: " +
                (Rows.IsEmpty ? "(none)" : string.Join(", ", Problems)));
        return new PhysicsInformedOperator(options, rows(options.Validate()));
    }
}
