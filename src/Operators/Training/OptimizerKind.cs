namespace PdeNet.Operators.Training;

/// <summary>The optimiser of an operator training.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with coupled weight decay (λθ added to the gradient), as MgNO and LSM train.</summary>
    Adam,

    /// <summary>AdamW: weight decay decoupled from the gradient (DeepONet's Darcy runs).</summary>
    AdamW,
}
