using PdeNet.Core.Symbolic;
using static TorchSharp.torch;

namespace PdeNet.Pinns.HardConstraints;

/// <summary>
/// The leaves of a lowered expression at a block of grid rows, for <see cref="TensorEvaluator"/>: the jet
/// variables are the values v_j = T_j w of the block's terms (batch, rows), one per atom; time,
/// coordinates and normals come from the block's data, each (1, rows): data[0] = t, data[1 + a] = x_a,
/// data[1 + d + a] = n_a on boundary rows.
/// </summary>
/// <param name="atoms">The jet variables, in the order of <paramref name="values"/>.</param>
/// <param name="values">v_j, each (batch, rows).</param>
/// <param name="data">t, x_1, …, x_d and, on boundary rows, n_1, …, n_d; each (1, rows).</param>
/// <param name="dimension">d.</param>
/// <param name="context">What the rows are (for messages).</param>
internal sealed class GridJet(IReadOnlyList<Unknown> atoms, IReadOnlyList<Tensor> values, IReadOnlyList<Tensor> data, int dimension, string context) : ITensorJet
{
    /// <inheritdoc/>
    public Tensor Coordinate(int axis) => data[1 + axis];

    /// <inheritdoc/>
    public Tensor Time => data[0];

    /// <inheritdoc/>
    public Tensor Normal(int axis) => data.Count > 1 + dimension + axis
        ? data[1 + dimension + axis]
        : throw new InvalidOperationException($"{context} use the normal, which exists on boundary rows only");

    /// <inheritdoc/>
    public Tensor Get(Unknown w)
    {
        for (int j = 0; j < atoms.Count; j++)
        {
            if (atoms[j].Equals(w)) return values[j];
        }
        throw new InvalidOperationException($"{context} use {w.Label}, which they have no grid image of");
    }
}
