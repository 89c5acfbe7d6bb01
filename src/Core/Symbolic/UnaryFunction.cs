namespace PdeNet.Core.Symbolic;

/// <summary>Functions of one argument.</summary>
public enum UnaryFunction
{
    /// <summary>-a (keeps the rank).</summary>
    Negate,

    /// <summary>sin a.</summary>
    Sin,

    /// <summary>cos a.</summary>
    Cos,

    /// <summary>tan a.</summary>
    Tan,

    /// <summary>arctan a.</summary>
    Atan,

    /// <summary>e^a.</summary>
    Exp,

    /// <summary>Natural logarithm ln a.</summary>
    Log,

    /// <summary>√a.</summary>
    Sqrt,

    /// <summary>sinh a.</summary>
    Sinh,

    /// <summary>cosh a.</summary>
    Cosh,

    /// <summary>tanh a.</summary>
    Tanh,

    /// <summary>|a|.</summary>
    Abs,

    /// <summary>sign a: -1, 0 or 1.</summary>
    Sign,
}
