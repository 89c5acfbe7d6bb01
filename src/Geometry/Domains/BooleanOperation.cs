namespace PdeNet.Geometry.Domains;

/// <summary>The set operation that combines two domains.</summary>
public enum BooleanOperation
{
    /// <summary>A ∪ B.</summary>
    Union,

    /// <summary>A \ B.</summary>
    Difference,

    /// <summary>A ∩ B.</summary>
    Intersection,
}
