namespace PdeNet.Core.Symbolic;

/// <summary>Component n_i of the unit outward normal; defined on the boundary only.</summary>
public sealed class NormalComponent : Leaf
{
    /// <summary>Creates n_axis; axis is 0, 1 or 2.</summary>
    public NormalComponent(int axis)
    {
        if (axis is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(axis), axis, "normal components are n_x (0), n_y (1) and n_z (2)");
        Axis = axis;
    }

    /// <summary>0, 1 or 2.</summary>
    public int Axis { get; }

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((NormalComponent)other).Axis == Axis;

    /// <inheritdoc/>
    protected override int NodeHash() => Axis;
}
