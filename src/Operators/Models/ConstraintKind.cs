namespace PdeNet.Operators.Models;

/// <summary>How a physics-informed operator enforces its constraint rows.</summary>
public enum ConstraintKind
{
    /// <summary>Soft constraint (pi-sc): trainable weights shared by all samples, the mean square residual added to the loss.</summary>
    Soft,

    /// <summary>Hard constraint (pi-hc, with experts pi-hc-moe): per-sample weights solving the rows by Levenberg–Marquardt.</summary>
    Hard,
}
