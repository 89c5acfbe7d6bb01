namespace PdeNet.Operators.Models;

/// <summary>The neural operator families.</summary>
public enum OperatorKind
{
    /// <summary>DeepONet: branch and trunk networks.</summary>
    DeepOnet,

    /// <summary>MgNO: multigrid-shaped linear operators between GELU layers.</summary>
    Mgno,

    /// <summary>Latent Spectral Model: U-Net with neural spectral blocks.</summary>
    Lsm,

    /// <summary>
    /// Physics-informed operator: an FNO basis network and a constraint layer (soft, hard, hard with
    /// experts); built by the builder registered in <see cref="OperatorNetworkBuilders"/> (PdeNet.Pinns).
    /// </summary>
    PhysicsInformed,
}
