namespace PdeNet.Operators.Data;

/// <summary>
/// A mini-batch of B samples as flat row-major arrays ready to become tensors:
/// inputs (B, C, n_1, ..., n_d) with the C input fields as channels, outputs (B, T, n_1, ..., n_d).
/// </summary>
/// <param name="Positions">The samples' positions in the data set.</param>
/// <param name="Inputs">Input values, shape <paramref name="InputShape"/>.</param>
/// <param name="InputShape">(B, C, n_1, ..., n_d).</param>
/// <param name="Outputs">Output values, shape <paramref name="OutputShape"/>.</param>
/// <param name="OutputShape">(B, T, n_1, ..., n_d).</param>
public sealed record OperatorBatch(int[] Positions, float[] Inputs, long[] InputShape, float[] Outputs, long[] OutputShape)
{
    /// <summary>Samples in the batch B.</summary>
    public int Size => Positions.Length;
}
