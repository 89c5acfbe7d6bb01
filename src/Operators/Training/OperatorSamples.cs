using static TorchSharp.torch;

namespace PdeNet.Operators.Training;

/// <summary>
/// Input/output pairs along the first axis. Grid operators: inputs (n, C_in, H, W), targets
/// (n, C_out, H, W). DeepONet: inputs (n, m) or (n, C_in, H, W), targets (n, P) at the trunk
/// <paramref name="Coordinates"/> (P, d), shared by all samples.
/// </summary>
/// <param name="Inputs">The input functions.</param>
/// <param name="Targets">The output functions.</param>
/// <param name="Coordinates">Output locations for DeepONet; null for grid operators.</param>
public sealed record OperatorSamples(Tensor Inputs, Tensor Targets, Tensor? Coordinates = null)
{
    /// <summary>Number of samples.</summary>
    public long Count => Inputs.shape[0];

    /// <summary>Throws unless inputs and targets hold the same number of samples.</summary>
    public void Check(string name)
    {
        if (Inputs.dim() < 2 || Targets.dim() < 2 || Inputs.shape[0] != Targets.shape[0] || Inputs.shape[0] < 1)
            throw new ArgumentException($"{name}: inputs ({string.Join(", ", Inputs.shape)}) and targets ({string.Join(", ", Targets.shape)}) need the same positive number of samples along the first axis", name);
    }
}
