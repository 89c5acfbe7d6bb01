using System.CommandLine;
using PdeNet.Solvers.Fem;

namespace PdeNet.Cli.Commands;

/// <summary>The finite-element options shared by <c>solve</c> and <c>convergence</c>: element, mesh and time stepping.</summary>
internal sealed class FemOptionsOptions
{
    public Option<FiniteElement> Element { get; } = new("--element") { Description = "finite element of the reference: p1 or p2 (default p1)", DefaultValueFactory = _ => FiniteElement.P1 };

    public Option<int?> Steps { get; } = new("--steps") { Description = "time steps of the reference for an evolution problem (default 100)" };

    public Option<int?> OutputEvery { get; } = new("--output-every") { Description = "keep every k-th time step of the reference in its time series (default 1)" };

    public Option<TimeScheme?> Scheme { get; } = new("--scheme") { Description = "time scheme of the reference: bdf2, cn (Crank-Nicolson) or be (backward Euler); default bdf2" };

    public FemOptionsOptions()
    {
        OptionChecks.OneOf(Element, new Dictionary<string, FiniteElement> { ["p1"] = FiniteElement.P1, ["p2"] = FiniteElement.P2 });
        OptionChecks.OneOf(Scheme, new Dictionary<string, TimeScheme?> { ["bdf2"] = TimeScheme.Bdf2, ["cn"] = TimeScheme.CrankNicolson, ["be"] = TimeScheme.BackwardEuler });
        OptionChecks.WholeNumber(Steps, n => n >= 1, "at least 1");
        OptionChecks.WholeNumber(OutputEvery, n => n >= 1, "at least 1");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Element);
        command.Options.Add(Steps);
        command.Options.Add(Scheme);
    }

    /// <summary>Adds the options that only <c>solve</c> takes.</summary>
    public void AddSolveOnlyTo(Command command) => command.Options.Add(OutputEvery);
}
