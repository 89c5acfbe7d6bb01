using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>A condition on the selected part of the boundary.</summary>
public abstract record BoundaryCondition(BoundarySelector Boundary)
{
    /// <summary>Short name of the kind of condition, for example "dirichlet".</summary>
    public abstract string Kind { get; }

    /// <summary>The expressions the condition is made of (for parameter discovery and checks).</summary>
    public abstract IEnumerable<Expr> Expressions { get; }

    /// <inheritdoc/>
    public sealed override string ToString() => $"{Kind} on {Boundary}: {Describe()}";

    /// <summary>The condition as an equation, for example "u = g".</summary>
    protected abstract string Describe();
}
