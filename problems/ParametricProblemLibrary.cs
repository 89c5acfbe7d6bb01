using PdeNet.Core.Problems;

namespace PdeNet.Problems;

/// <summary>The parametric problems (random inputs, for operator-learning data sets) shipped with PdeNet, by name.</summary>
public static class ParametricProblemLibrary
{
    private static readonly (string Name, Func<ParametricProblem> Create)[] Entries =
    [
        (DarcyFlow2D.ProblemName, () => new DarcyFlow2D()),
        (Antiderivative1D.ProblemName, () => new Antiderivative1D()),
        (BurgersParametric1D.ProblemName, () => new BurgersParametric1D()),
        (DiffusionSorptionParametric1D.ProblemName, () => new DiffusionSorptionParametric1D()),
        (NavierStokesParametric2D.ProblemName, () => new NavierStokesParametric2D()),
    ];

    /// <summary>The names of all parametric problems.</summary>
    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToArray();

    /// <summary>Builds the parametric problem called <paramref name="name"/>.</summary>
    /// <exception cref="ProblemDefinitionException">No parametric problem has that name; the message lists the names.</exception>
    public static ParametricProblem Get(string name)
    {
        foreach (var (entry, create) in Entries)
        {
            if (entry == name) return create();
        }
        throw new ProblemDefinitionException($"unknown parametric problem '{name}'; the parametric problems are: {string.Join(", ", Names)}");
    }
}
