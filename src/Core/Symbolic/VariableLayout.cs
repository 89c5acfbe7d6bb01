namespace PdeNet.Core.Symbolic;

/// <summary>
/// Where each variable of a lowered expression sits in the array a compiled expression reads:
/// x_0..x_{d-1}, then t, then the normal n_0..n_{d-1}, then the jet variables in the given order.
/// </summary>
public sealed class VariableLayout
{
    private readonly Dictionary<Unknown, int> _jet;

    /// <summary>Creates the layout for a <paramref name="dimension"/>-dimensional problem.</summary>
    /// <param name="dimension">Space dimension d.</param>
    /// <param name="jet">The jet variables (u, u_x, ...) the compiled expressions may read.</param>
    public VariableLayout(int dimension, IReadOnlyList<Unknown>? jet = null)
    {
        Dimension = dimension;
        Jet = jet ?? [];
        _jet = new Dictionary<Unknown, int>();
        for (int i = 0; i < Jet.Count; i++) _jet[Jet[i]] = JetOffset + i;
    }

    /// <summary>Space dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The jet variables in slot order.</summary>
    public IReadOnlyList<Unknown> Jet { get; }

    /// <summary>Slot of t.</summary>
    public int TimeSlot => Dimension;

    /// <summary>Slot of n_0.</summary>
    public int NormalOffset => Dimension + 1;

    /// <summary>Slot of the first jet variable.</summary>
    public int JetOffset => 2 * Dimension + 1;

    /// <summary>Length of the variable array.</summary>
    public int Count => JetOffset + Jet.Count;

    /// <summary>Slot of x_axis.</summary>
    public int CoordinateSlot(int axis) => axis;

    /// <summary>Slot of jet variable <paramref name="u"/>; throws when the layout lacks it.</summary>
    public int SlotOf(Unknown u) => _jet.TryGetValue(u, out int slot)
        ? slot
        : throw new InvalidOperationException($"the expression needs {u.Label}, which this evaluation does not provide (it provides {string.Join(", ", Jet.Select(j => j.Label))})");
}
