using PureHDF;

namespace PdeNet.Core.Fields;

/// <summary>
/// The metadata values a field file stores as HDF5 attributes, and their stored types:
/// string (variable-length UTF-8), double (float64), long (int64), int (int32), bool (uint8 0/1,
/// HDF5 has no boolean) and double[] (1-D float64). Scalars use a scalar dataspace.
/// </summary>
public static class MetadataValue
{
    /// <summary>The accepted value types, for messages.</summary>
    public const string Accepted = "string, double, long, int, bool or double[]";

    /// <summary>
    /// Checks every entry and returns what to hand to PureHDF, key by key.
    /// </summary>
    /// <param name="values">The metadata; null values and other types are refused.</param>
    /// <param name="owner">What the values belong to, for messages ("metadata", "field 'u' attribute").</param>
    /// <param name="reserved">Keys the layout uses itself.</param>
    /// <param name="parameterName">The parameter to name in the exception.</param>
    /// <exception cref="ArgumentException">A key is empty or reserved, or a value has another type.</exception>
    public static Dictionary<string, object> ToStored(IReadOnlyDictionary<string, object> values, string owner,
        IReadOnlySet<string> reserved, string parameterName)
    {
        var stored = new Dictionary<string, object>();
        foreach (var (key, value) in values)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException($"{owner} has an empty key", parameterName);
            if (reserved.Contains(key))
                throw new ArgumentException($"{owner} '{key}' uses a key the field file writes itself ({string.Join(", ", reserved)})", parameterName);
            stored[key] = value switch
            {
                string s => s,
                double d => d,
                long l => l,
                int i => i,
                bool b => (byte)(b ? 1 : 0),
                double[] a => a.ToArray(),
                null => throw new ArgumentException($"{owner} '{key}' is null; use {Accepted}", parameterName),
                _ => throw new ArgumentException($"{owner} '{key}' has a value of type {value.GetType().Name}; use {Accepted}", parameterName),
            };
        }
        return stored;
    }

    /// <summary>Reads an attribute written by <see cref="ToStored"/> back to its .NET type.</summary>
    /// <returns>The value, or null with <paramref name="problem"/> set when the stored type is not one of the accepted ones.</returns>
    public static object? FromStored(IH5Attribute attribute, out string problem)
    {
        problem = "";
        var type = attribute.Type;
        bool scalar = attribute.Space.Type == H5DataspaceType.Scalar;
        bool vector = attribute.Space.Type == H5DataspaceType.Simple && attribute.Space.Rank == 1;
        switch (type.Class)
        {
            case H5DataTypeClass.String or H5DataTypeClass.VariableLength when scalar:
                return attribute.Read<string>();
            case H5DataTypeClass.FloatingPoint when scalar:
                return type.Size == 8 ? attribute.Read<double>() : (double)attribute.Read<float>();
            case H5DataTypeClass.FloatingPoint when vector:
                return type.Size == 8 ? attribute.Read<double[]>() : attribute.Read<float[]>().Select(v => (double)v).ToArray();
            case H5DataTypeClass.FixedPoint when scalar && type.Size == 8:
                return attribute.Read<long>();
            case H5DataTypeClass.FixedPoint when scalar && type.Size == 4:
                return attribute.Read<int>();
            case H5DataTypeClass.FixedPoint when scalar && type.Size == 1 && !type.FixedPoint.IsSigned:
                byte b = attribute.Read<byte>();
                if (b <= 1) return b == 1;
                problem = $"holds {b}, but a boolean is stored as 0 or 1";
                return null;
            default:
                string shape = attribute.Space.Type == H5DataspaceType.Simple ? $"({string.Join(", ", attribute.Space.Dimensions)})" : attribute.Space.Type.ToString().ToLowerInvariant();
                problem = $"has type {type.Class} of {type.Size} bytes, shape {shape}; a field file holds only {Accepted}";
                return null;
        }
    }

    /// <summary>Value equality for metadata values (element-wise for double[]).</summary>
    public static bool AreEqual(object a, object b) =>
        a is double[] x && b is double[] y ? x.SequenceEqual(y) : a.Equals(b);

    /// <summary>True when both dictionaries have the same keys with equal values.</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, object> a, IReadOnlyDictionary<string, object> b) =>
        a.Count == b.Count && a.All(entry => b.TryGetValue(entry.Key, out var other) && AreEqual(entry.Value, other));
}
