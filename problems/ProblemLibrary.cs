using PdeNet.Core.Problems;

namespace PdeNet.Problems;

/// <summary>The problems shipped with PdeNet, by name.</summary>
public static class ProblemLibrary
{
    private static readonly (string Name, Func<Problem> Create)[] Entries =
    [
        (PoissonLShape.Name, PoissonLShape.Create),
        (PoissonSquare.Name, PoissonSquare.Create),
        (Convection1D.Name, Convection1D.Create),
        (Burgers1D.Name, Burgers1D.Create),
        (BurgersShock1D.Name, BurgersShock1D.Create),
        (ReactionDiffusion1D.Name, ReactionDiffusion1D.Create),
        (NavierStokes2D.Name, NavierStokes2D.Create),
        (DiffusionSorption1D.Name, DiffusionSorption1D.Create),
        (PoissonDiskHole.Name, PoissonDiskHole.Create),
        (DiffusionVariable.Name, DiffusionVariable.Create),
        (Helmholtz2D.Name, Helmholtz2D.Create),
        (Heat2D.Name, Heat2D.Create),
        (NonlinearDiffusion.Name, NonlinearDiffusion.Create),
        (ConvectionDiffusion2D.Name, ConvectionDiffusion2D.Create),
        (Heat1D.Name, Heat1D.Create),
        (StiffHelmholtz2D.Name, StiffHelmholtz2D.Create),
        (ElasticityPlate.Name, ElasticityPlate.Create),
        (ElasticityPlate.ManufacturedName, ElasticityPlate.CreateManufactured),
    ];

    /// <summary>The names of all problems.</summary>
    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToArray();

    /// <summary>Builds every problem.</summary>
    public static IEnumerable<Problem> All() => Entries.Select(e => e.Create());

    /// <summary>Builds the problem called <paramref name="name"/>.</summary>
    /// <exception cref="ProblemDefinitionException">No problem has that name; the message lists the names.</exception>
    public static Problem Get(string name)
    {
        foreach (var (entry, create) in Entries)
        {
            if (entry == name) return create();
        }
        throw new ProblemDefinitionException($"unknown problem '{name}'; the problems are: {string.Join(", ", Names)}");
    }
}
