using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>A condition that holds point by point on its boundary: a residual expression vanishes at every point.</summary>
public abstract record PointwiseCondition(BoundarySelector Boundary) : BoundaryCondition(Boundary)
{
    /// <summary>
    /// The expression that vanishes where the condition holds, for example u - g or
    /// ∂u/∂n + αu - g (user level; lower it for the problem's dimension before evaluating).
    /// </summary>
    public abstract Expr Residual(Unknown u, int dimension);
}
