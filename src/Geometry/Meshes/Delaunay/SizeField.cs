using System.Globalization;

namespace PdeNet.Geometry.Meshes.Delaunay;

/// <summary>
/// The local target edge length: min(h, f(x, y)) for a size function f, or h alone. Checks every
/// value the function returns and names the point of a bad one.
/// </summary>
internal sealed class SizeField(double maximum, SizeFunction? function)
{
    /// <summary>The global size h, an upper bound of every local size.</summary>
    public double Maximum { get; } = maximum;

    /// <summary>True without a size function: the size is h everywhere.</summary>
    public bool IsUniform => function is null;

    /// <summary>The target edge length at (x, y).</summary>
    public double At(double x, double y)
    {
        if (function is null) return Maximum;
        double value = function(x, y);
        if (!(value > 0) || double.IsNaN(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the size function returned {value} at ({x:G6}, {y:G6}); mesh sizes must be positive numbers"));
        }
        return Math.Min(Maximum, value);
    }
}
