namespace PdeNet.Neural;

/// <summary>Floating-point precision of a network's parameters and computations.</summary>
public enum Precision
{
    /// <summary>32-bit floats: about twice as fast on CPU, about 7 significant digits.</summary>
    Float32,

    /// <summary>64-bit floats: slower, about 16 significant digits.</summary>
    Float64,
}
