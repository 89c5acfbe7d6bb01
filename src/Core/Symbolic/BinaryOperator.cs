namespace PdeNet.Core.Symbolic;

/// <summary>Operations on two arguments.</summary>
public enum BinaryOperator
{
    /// <summary>a + b.</summary>
    Add,

    /// <summary>a - b.</summary>
    Subtract,

    /// <summary>a · b (scalar times scalar or vector).</summary>
    Multiply,

    /// <summary>a / b (b scalar).</summary>
    Divide,

    /// <summary>a^b.</summary>
    Power,

    /// <summary>atan2(a, b): the angle of the point (b, a), in (-π, π].</summary>
    Atan2,

    /// <summary>a · b for two vectors.</summary>
    Dot,
}
