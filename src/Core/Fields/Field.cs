using PdeNet.Geometry.Meshes;

namespace PdeNet.Core.Fields;

/// <summary>
/// Values of a quantity at the nodes of a mesh (or of a structured grid, when the mesh carries
/// one) at one instant: u(x_i, t) for every node i. Scalar fields have one component; vector
/// fields store their components node by node.
/// </summary>
public sealed class Field
{
    /// <summary>Creates a field and checks that the values fit the mesh.</summary>
    /// <param name="name">Name used in files and plots: letters, digits, '_', '-' and '.'.</param>
    /// <param name="mesh">The support: one value (or one vector) per node.</param>
    /// <param name="values">Nodal values, shape (nodes, components), row-major.</param>
    /// <param name="components">Components per node (1 for a scalar field).</param>
    /// <param name="time">The instant t the values belong to, in the problem's time unit.</param>
    /// <param name="units">Physical unit of the values, for example "m/s"; empty when dimensionless.</param>
    /// <param name="attributes">Extra metadata written with the field (solver, seed, ...).</param>
    public Field(string name, Mesh mesh, double[] values, int components = 1, double time = 0, string units = "",
        IReadOnlyDictionary<string, object>? attributes = null)
    {
        CheckName(name);
        if (components < 1) throw new ArgumentOutOfRangeException(nameof(components), components, "a field needs at least one component");
        if (values.Length != mesh.NodeCount * components)
            throw new ArgumentException($"field '{name}' has {values.Length} values; its mesh has {mesh.NodeCount} nodes x {components} components", nameof(values));
        if (!double.IsFinite(time)) throw new ArgumentOutOfRangeException(nameof(time), time, $"field '{name}' needs a finite time");
        Name = name;
        Mesh = mesh;
        Values = values;
        Components = components;
        Time = time;
        Units = units;
        Attributes = attributes ?? new Dictionary<string, object>();
    }

    /// <summary>Name of the field.</summary>
    public string Name { get; }

    /// <summary>The mesh the values live on.</summary>
    public Mesh Mesh { get; }

    /// <summary>Nodal values, shape (nodes, components), row-major.</summary>
    public double[] Values { get; }

    /// <summary>Components per node.</summary>
    public int Components { get; }

    /// <summary>The instant the values belong to.</summary>
    public double Time { get; }

    /// <summary>Physical unit of the values; empty when dimensionless.</summary>
    public string Units { get; }

    /// <summary>Extra metadata (string, double, long, int, bool or double[] values).</summary>
    public IReadOnlyDictionary<string, object> Attributes { get; }

    /// <summary>Smallest value over all nodes and components.</summary>
    public double Min() => Values.Min();

    /// <summary>Largest value over all nodes and components.</summary>
    public double Max() => Values.Max();

    /// <summary>The pointwise difference this - <paramref name="other"/> on the same mesh.</summary>
    public Field Minus(Field other, string name)
    {
        if (!ReferenceEquals(other.Mesh, Mesh) || other.Components != Components)
            throw new ArgumentException($"fields '{Name}' and '{other.Name}' live on different meshes or have different shapes", nameof(other));
        return new Field(name, Mesh, Values.Zip(other.Values, (a, b) => a - b).ToArray(), Components, Time, Units);
    }

    /// <summary>The pointwise absolute difference |this - <paramref name="other"/>| on the same mesh.</summary>
    public Field AbsoluteError(Field other, string name)
    {
        var difference = Minus(other, name);
        return new Field(name, Mesh, difference.Values.Select(Math.Abs).ToArray(), Components, Time, Units);
    }

    /// <summary>Throws unless <paramref name="name"/> is usable as a file and HDF5 group name.</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) || name is "." or "..")
            throw new ArgumentException($"field name '{name}' must be non-empty and use only letters, digits, '_', '-' and '.'", nameof(name));
    }
}
