using static TorchSharp.torch;

namespace PdeNet.Operators.Training;

/// <summary>
/// Input/output pairs along the first axis. Grid operators: inputs (n, C_in, H, W), targets
/// (n, C_out, H, W). DeepONet: inputs (n, m) or (n, C_in, H, W), targets (n, P) at the trunk
/// <paramref name="Coordinates"/> (P, d), shared by all samples; or, when <paramref name="Paired"/>,
/// the triples (u_i, y_i, G(u_i)(y_i)) of the DeepONet paper: coordinates (n, d), one point per
/// sample, and targets (n, 1).
/// </summary>
/// <param name="Inputs">The input functions.</param>
/// <param name="Targets">The output functions.</param>
/// <param name="Coordinates">Output locations for DeepONet; null for grid operators.</param>
/// <param name="Paired">True when row i of <paramref name="Coordinates"/> is the one output point of sample i (DeepONet only).</param>
public sealed record OperatorSamples(Tensor Inputs, Tensor Targets, Tensor? Coordinates = null, bool Paired = false)
{
    /// <summary>Number of samples.</summary>
    public long Count => Inputs.shape[0];

    /// <summary>Throws unless inputs and targets hold the same number of samples.</summary>
    public void Check(string name)
    {
        if (Inputs.dim() < 2 || Targets.dim() < 2 || Inputs.shape[0] != Targets.shape[0] || Inputs.shape[0] < 1)
            throw new ArgumentException($"{name}: inputs ({string.Join(", ", Inputs.shape)}) and targets ({string.Join(", ", Targets.shape)}) need the same positive number of samples along the first axis", name);
        if (Paired && (Coordinates is null || Coordinates.dim() != 2 || Coordinates.shape[0] != Inputs.shape[0] || Targets.dim() != 2 || Targets.shape[1] != 1))
            throw new ArgumentException($"{name}: paired samples need coordinates (n, d) with one row per sample and targets (n, 1); got coordinates "
                                        + $"({(Coordinates is null ? "none" : string.Join(", ", Coordinates.shape))}) and targets ({string.Join(", ", Targets.shape)})", name);
    }

    /// <summary>The trunk coordinates that go with the samples at <paramref name="index"/>: those rows when paired, else all of them.</summary>
    internal Tensor? CoordinatesOf(Tensor? coordinates, Tensor index) => Paired ? coordinates!.index_select(0, index) : coordinates;

    /// <summary>The trunk coordinates that go with samples start … start + count − 1.</summary>
    internal Tensor? CoordinatesOf(Tensor? coordinates, long start, long count) => Paired ? coordinates!.narrow(0, start, count) : coordinates;
}
