namespace PdeNet.Core.Symbolic;

/// <summary>
/// ∂a/∂x_axis of a <see cref="GridCoefficient"/> a: the derivative of its interpolant where it
/// exists (0 for piecewise constants). Appears when an expression holding a grid coefficient is
/// lowered (for example the strong form of -div(a grad u) = f); its own space derivative is not
/// defined.
/// </summary>
public sealed class GridCoefficientSlope : Leaf
{
    /// <summary>∂<paramref name="source"/>/∂x_<paramref name="axis"/>.</summary>
    public GridCoefficientSlope(GridCoefficient source, int axis)
    {
        if (axis < 0 || axis >= source.Dimension) throw new ArgumentOutOfRangeException(nameof(axis), axis, $"grid coefficient '{source.Name}' is {source.Dimension}D");
        Source = source;
        Axis = axis;
    }

    /// <summary>The differentiated coefficient.</summary>
    public GridCoefficient Source { get; }

    /// <summary>0 for x, 1 for y.</summary>
    public int Axis { get; }

    /// <summary>The value at (x, y) (y ignored in 1D).</summary>
    public double At(double x, double y) => Source.Slope(Axis, x, y);

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => other is GridCoefficientSlope s && ReferenceEquals(s.Source, Source) && s.Axis == Axis;

    /// <inheritdoc/>
    protected override int NodeHash() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Source), Axis);
}
