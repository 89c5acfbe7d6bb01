namespace PdeNet.Core.Symbolic;

/// <summary>The space coordinate x_i (x, y, z for i = 0, 1, 2).</summary>
public sealed class Coordinate : Leaf
{
    /// <summary>Creates x_axis; axis is 0, 1 or 2.</summary>
    public Coordinate(int axis)
    {
        if (axis is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(axis), axis, "coordinates are x (0), y (1) and z (2)");
        Axis = axis;
    }

    /// <summary>0 for x, 1 for y, 2 for z.</summary>
    public int Axis { get; }

    /// <summary>"x", "y" or "z".</summary>
    public string Name => AxisName(Axis);

    /// <summary>"x", "y" or "z" for axis 0, 1, 2.</summary>
    public static string AxisName(int axis) => "xyz"[axis].ToString();

    /// <inheritdoc/>
    protected override bool SameNode(Expr other) => ((Coordinate)other).Axis == Axis;

    /// <inheritdoc/>
    protected override int NodeHash() => Axis;
}
