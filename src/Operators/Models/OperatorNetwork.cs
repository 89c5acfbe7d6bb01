using static TorchSharp.torch;

namespace PdeNet.Operators.Models;

/// <summary>
/// A neural operator network. Grid operators (MgNO, LSM) map inputs of shape
/// (batch, C_in, n_1, n_2) to outputs (batch, C_out, n_1, n_2) and ignore the coordinates;
/// DeepONet maps branch inputs (batch, m) or (batch, C_in, n_1, n_2) and trunk coordinates
/// (P, d) to outputs (batch, P).
/// </summary>
public abstract class OperatorNetwork : nn.Module
{
    /// <summary>Creates the module with its name.</summary>
    protected OperatorNetwork(string name) : base(name) { }

    /// <summary>True when the network needs trunk coordinates (DeepONet).</summary>
    public abstract bool NeedsCoordinates { get; }

    /// <summary>Evaluates the network; see the class summary for the shapes.</summary>
    /// <param name="input">The input functions.</param>
    /// <param name="coordinates">Output locations (P, d), for networks that need them; otherwise null.</param>
    public abstract Tensor Forward(Tensor input, Tensor? coordinates);

    /// <summary>
    /// True when the network needs raw inputs and predicts raw outputs (no normalisers): a physics-informed
    /// operator reads the initial state in physical units and its constraint rows fix the solution's units.
    /// </summary>
    public virtual bool NeedsRawData => false;

    /// <summary>
    /// The extra loss term of the last <see cref="Forward"/> in training mode (the soft constraint's weighted
    /// residual penalty), handed over once and then forgotten; null when there is none.
    /// </summary>
    public virtual Tensor? TakePenalty() => null;

    /// <summary>The scalar type of the parameters; inputs are converted to it.</summary>
    public ScalarType DType => parameters().First().dtype;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Throws an <see cref="ArgumentException"/> naming expected and actual shapes.</summary>
    protected static void Expect(bool condition, string parameter, string expected, Tensor got)
    {
        if (!condition) throw new ArgumentException($"{parameter}: expected shape {expected}, got ({string.Join(", ", got.shape)})", parameter);
    }
}
