namespace PdeNet.Core.Symbolic;

/// <summary>
/// The unknown scalar field u or one of its partial derivatives ∂^|α| u / ∂x^α ∂t^k, written
/// u, u_x, u_xy, u_t. Differentiating an unknown gives the unknown of one order higher, so
/// lowered expressions only contain these nodes and no differential operators.
/// </summary>
public sealed class Unknown : Leaf
{
    private readonly int[] _orders;

    private Unknown(string name, int[] orders, int timeOrder)
    {
        Name = name;
        _orders = orders;
        TimeOrder = timeOrder;
    }

    /// <summary>The unknown scalar field <paramref name="name"/> itself (no derivatives).</summary>
    public static Unknown Scalar(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || name.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new ArgumentException($"unknown name '{name}' must start with a letter and use letters and digits", nameof(name));
        return new Unknown(name, [0, 0, 0], 0);
    }

    /// <summary>
    /// The vector unknown u = (u1, ..., ud) with <paramref name="components"/> components, each a
    /// scalar unknown named <paramref name="name"/> followed by its number (u1, u2, u3), so that the
    /// components sort in order. Differential operators act on it through <see cref="TensorExpr"/>
    /// (<see cref="TensorExpr.Grad"/>) or component by component.
    /// </summary>
    public static Expr Vector(string name, int components)
    {
        if (components is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(components), components, "a vector unknown has 1 to 3 components");
        return Expr.Vector(Enumerable.Range(1, components).Select(i => (Expr)Scalar(name + i)).ToArray());
    }

    /// <summary>Name of the field.</summary>
    public string Name { get; }

    /// <summary>Order of differentiation along x, y, z.</summary>
    public IReadOnlyList<int> SpatialOrders => _orders;

    /// <summary>Order of differentiation in time.</summary>
    public int TimeOrder { get; }

    /// <summary>Total order |α| + k.</summary>
    public int Order => _orders.Sum() + TimeOrder;

    /// <summary>The field itself, without derivatives.</summary>
    public Unknown Base => Order == 0 ? this : new Unknown(Name, [0, 0, 0], 0);

    /// <summary>∂/∂x_axis of this node.</summary>
    public Unknown DifferentiateSpace(int axis)
    {
        var orders = (int[])_orders.Clone();
        orders[axis]++;
        return new Unknown(Name, orders, TimeOrder);
    }

    /// <summary>∂/∂t of this node.</summary>
    public Unknown DifferentiateTime() => new(Name, (int[])_orders.Clone(), TimeOrder + 1);

    /// <summary>The derivative's name: u, u_x, u_xx, u_xy, u_t, u_tx.</summary>
    public string Label => Order == 0 ? Name
        : Name + "_" + new string('t', TimeOrder) + string.Concat(Enumerable.Range(0, 3).Select(i => new string("xyz"[i], _orders[i])));

    /// <inheritdoc/>
    protected override bool SameNode(Expr other)
    {
        var u = (Unknown)other;
        return u.Name == Name && u.TimeOrder == TimeOrder && u._orders.AsSpan().SequenceEqual(_orders);
    }

    /// <inheritdoc/>
    protected override int NodeHash() => HashCode.Combine(Name, _orders[0], _orders[1], _orders[2], TimeOrder);
}
