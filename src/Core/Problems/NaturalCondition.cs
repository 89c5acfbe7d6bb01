using PdeNet.Core.Symbolic;
using PdeNet.Geometry.Boundary;

namespace PdeNet.Core.Problems;

/// <summary>
/// A condition that prescribes the normal derivative, ∂u/∂n = h(x, t, u): Neumann (h = g) and
/// Robin (h = g - αu). A finite-element solver builds it into the weak form; a PINN penalises
/// ∂u/∂n - h.
/// </summary>
public abstract record NaturalCondition(BoundarySelector Boundary) : PointwiseCondition(Boundary)
{
    /// <summary>The prescribed normal derivative h, which may involve the unknown u.</summary>
    public abstract Expr NormalDerivative(Unknown u);

    /// <inheritdoc/>
    public sealed override Expr Residual(Unknown u, int dimension) => Expr.NormalDerivative(u, dimension) - NormalDerivative(u);
}
